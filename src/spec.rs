//! The spec as data at run time: the types the generated [`OPTIONS`](crate::OPTIONS) and
//! [`RULES`](crate::RULES) tables are made of, and the [`WireEnum`] trait every generated option
//! enum implements.
//!
//! Code that walks options generically (the checker, the serializer, a schema exporter) reads
//! these tables instead of naming options, so a value or rule added to `spec/model.toml` reaches
//! it without a Rust edit.

use std::fmt;
use std::marker::PhantomData;

/// One option of a request, as `spec/model.toml` describes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionSpec {
    /// The wire name (`"resolution"`), also the field name in [`Options`](crate::Options).
    pub name: &'static str,
    /// The description from the API page.
    pub description: &'static str,
    /// The values it takes and its default.
    pub kind: OptionKind,
}

/// What values an option takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    /// Required free text that must not be empty or blank (`prompt`).
    Text {
        /// Example values from the API page.
        examples: &'static [&'static str],
    },
    /// One of a list of strings; a generated enum in Rust.
    Enum {
        /// The wire values, in spec order.
        values: &'static [&'static str],
        /// The documented default.
        default: &'static str,
    },
    /// `true` or `false`.
    Bool {
        /// The documented default.
        default: bool,
    },
}

impl OptionSpec {
    /// Whether a request must give this option (free text has no default).
    pub const fn is_required(&self) -> bool {
        matches!(self.kind, OptionKind::Text { .. })
    }

    /// The default as a wire value; `None` for required free text.
    pub const fn default_value(&self) -> Option<WireValue<'static>> {
        match self.kind {
            OptionKind::Text { .. } => None,
            OptionKind::Enum { default, .. } => Some(WireValue::Str(default)),
            OptionKind::Bool { default } => Some(WireValue::Bool(default)),
        }
    }

    /// The option named `name`, from the generated [`OPTIONS`](crate::OPTIONS).
    pub fn find(name: &str) -> Option<&'static OptionSpec> {
        crate::OPTIONS.iter().find(|o| o.name == name)
    }
}

/// A forbidden combination of option values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// A stable snake_case id (`"no_1080p_at_10s"`).
    pub id: &'static str,
    /// What users are told when a request breaks the rule.
    pub message: &'static str,
    /// The values that together are forbidden, as `(option, value)` pairs in option order.
    pub when: &'static [(&'static str, WireValue<'static>)],
}

impl Rule {
    /// Whether the rule names the option `name`.
    pub fn involves(&self, name: &str) -> bool {
        self.when.iter().any(|(option, _)| *option == name)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)?;
        f.write_str(" (")?;
        for (i, (option, value)) in self.when.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(option)?;
            f.write_str(" = ")?;
            value.fmt(f)?;
        }
        f.write_str(")")
    }
}

/// An option value as it appears on the wire: a JSON string or a JSON boolean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WireValue<'a> {
    /// A string value (enum options).
    Str(&'a str),
    /// A boolean value (bool options).
    Bool(bool),
}

impl fmt::Display for WireValue<'_> {
    /// Writes the value as JSON would: `"1080p"`, `true`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The spec's values need no escaping; anything else is escaped.
            WireValue::Str(s) if !s.contains(['"', '\\']) && !s.chars().any(char::is_control) => {
                f.write_str("\"")?;
                f.write_str(s)?;
                f.write_str("\"")
            }
            WireValue::Str(s) => write!(f, "{s:?}"),
            WireValue::Bool(true) => f.write_str("true"),
            WireValue::Bool(false) => f.write_str("false"),
        }
    }
}

impl serde::Serialize for WireValue<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            WireValue::Str(s) => serializer.serialize_str(s),
            WireValue::Bool(b) => serializer.serialize_bool(*b),
        }
    }
}

/// Implemented by every generated option enum ([`Resolution`](crate::Resolution),
/// [`Duration`](crate::Duration), [`AspectRatio`](crate::AspectRatio)): the option's name and
/// values, with one source for each wire string.
pub trait WireEnum: Copy + Eq + Default + fmt::Debug + 'static {
    /// The option's wire name (`"resolution"`).
    const OPTION: &'static str;
    /// The option's description, from the API page.
    const DESCRIPTION: &'static str;
    /// Every value, in spec order.
    const VARIANTS: &'static [Self];
    /// Every wire string, in spec order.
    const WIRE_VALUES: &'static [&'static str];

    /// The wire string of this value.
    fn wire(self) -> &'static str;

    /// The value whose wire string is exactly `s`.
    fn from_wire(s: &str) -> Option<Self> {
        Self::VARIANTS.iter().copied().find(|v| v.wire() == s)
    }
}

/// An option value that is not one of its allowed values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseOptionError {
    option: &'static str,
    value: String,
    allowed: &'static [&'static str],
}

impl ParseOptionError {
    /// The option's wire name.
    pub fn option(&self) -> &'static str {
        self.option
    }

    /// The value that was refused.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The allowed wire values.
    pub fn allowed(&self) -> &'static [&'static str] {
        self.allowed
    }
}

impl fmt::Display for ParseOptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a valid {}; allowed: {}",
            self.value,
            self.option,
            QuotedList(self.allowed)
        )
    }
}

impl std::error::Error for ParseOptionError {}

/// Why [`Options::set`](crate::Options::set) refused a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetError {
    /// No option of that name (or it is free text, which `Options` does not hold).
    UnknownOption,
    /// The value has the wrong wire type.
    WrongType {
        /// `"a string"` or `"a boolean"`.
        expected: &'static str,
    },
    /// The string is not one of the option's values.
    InvalidValue(ParseOptionError),
}

impl fmt::Display for SetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetError::UnknownOption => f.write_str("unknown option"),
            SetError::WrongType { expected } => write!(f, "expected {expected}"),
            SetError::InvalidValue(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SetError {}

/// `"a", "b", "c"`: how allowed values are listed in messages.
pub(crate) struct QuotedList<'a>(pub &'a [&'a str]);

impl fmt::Display for QuotedList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{s:?}")?;
        }
        Ok(())
    }
}

/// `FromStr` for generated enums.
#[doc(hidden)]
pub fn parse_wire<T: WireEnum>(s: &str) -> Result<T, ParseOptionError> {
    T::from_wire(s).ok_or_else(|| ParseOptionError {
        option: T::OPTION,
        value: s.to_owned(),
        allowed: T::WIRE_VALUES,
    })
}

/// [`Options::set`](crate::Options::set) for an enum field.
#[doc(hidden)]
pub fn set_enum<T: WireEnum>(slot: &mut T, value: WireValue<'_>) -> Result<(), SetError> {
    match value {
        WireValue::Str(s) => {
            *slot = parse_wire(s).map_err(SetError::InvalidValue)?;
            Ok(())
        }
        WireValue::Bool(_) => Err(SetError::WrongType {
            expected: "a string",
        }),
    }
}

/// [`Options::set`](crate::Options::set) for a bool field.
#[doc(hidden)]
pub fn set_bool(slot: &mut bool, value: WireValue<'_>) -> Result<(), SetError> {
    match value {
        WireValue::Bool(b) => {
            *slot = b;
            Ok(())
        }
        WireValue::Str(_) => Err(SetError::WrongType {
            expected: "a boolean",
        }),
    }
}

/// serde's `Deserialize` for generated enums: a string among the wire values.
#[doc(hidden)]
pub fn deserialize_wire<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: WireEnum,
{
    struct Visitor<T>(PhantomData<T>);

    impl<T: WireEnum> serde::de::Visitor<'_> for Visitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "a {} string, one of {}",
                T::OPTION,
                QuotedList(T::WIRE_VALUES)
            )
        }

        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
            T::from_wire(s).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(s), &self))
        }
    }

    deserializer.deserialize_str(Visitor(PhantomData))
}
