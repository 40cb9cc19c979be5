//! `.cargo/mutants.toml` stays true to the test suite: each name it skips matches tests of the
//! slow files it is listed under (browser, frontend, extended model) and of no other, and every
//! test of those files is skipped, so a renamed test is neither run nor another skipped by
//! mistake under cargo-mutants; every excluded mutant has its one line of why.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> String {
    std::fs::read_to_string(root().join(".cargo/mutants.toml")).unwrap()
}

/// The names of the `#[test]` functions of `tests/NAME.rs`.
fn tests_of(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut names = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "#[test]" {
            let f = lines.next().unwrap_or_default().trim();
            let name = f.strip_prefix("fn ").and_then(|f| f.split('(').next());
            names.push(name.unwrap_or_else(|| panic!("{f:?}")).to_owned());
        }
    }
    names
}

/// `(file, pattern)` for every `"--skip", "PATTERN"` in the config, under its `# tests/FILE.rs`.
fn skips() -> Vec<(String, String)> {
    let mut file = None;
    let mut skips = Vec::new();
    for line in config().lines() {
        let line = line.trim();
        if let Some(f) = line.strip_prefix("# tests/") {
            file = Some(f.to_owned());
        } else if let Some(rest) = line.strip_prefix("\"--skip\", \"") {
            let pattern = rest.trim_end_matches(',').trim_end_matches('"');
            let file = file
                .clone()
                .expect("a skip under a `# tests/FILE.rs` comment");
            skips.push((file, pattern.to_owned()));
        }
    }
    skips
}

#[test]
fn each_skipped_name_is_of_its_slow_file_and_no_other() {
    let skips = skips();
    assert!(skips.len() >= 10, "{skips:?}");
    let mut files: Vec<_> = std::fs::read_dir(root().join("tests"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    for (file, pattern) in &skips {
        let mut matched = Vec::new();
        for path in &files {
            for name in tests_of(path) {
                if name.contains(pattern.as_str()) {
                    matched.push((path.file_name().unwrap().to_str().unwrap().to_owned(), name));
                }
            }
        }
        assert!(!matched.is_empty(), "--skip {pattern} matches no test");
        assert!(
            matched.iter().all(|(f, _)| f == file),
            "--skip {pattern} matches tests outside tests/{file}: {matched:?}"
        );
    }
    // Every test of the three files is skipped.
    for file in ["browser.rs", "frontend.rs", "extended_model.rs"] {
        for name in tests_of(&root().join("tests").join(file)) {
            assert!(
                skips
                    .iter()
                    .any(|(f, p)| f == file && name.contains(p.as_str())),
                "{file}: {name} is not skipped under cargo-mutants"
            );
        }
    }
}

#[test]
fn each_excluded_mutant_has_its_reason() {
    let config = config();
    let start = config.find("exclude_re = [").expect("exclude_re");
    let end = start + config[start..].find("\n]").unwrap();
    let lines: Vec<&str> = config[start..end].lines().skip(1).map(str::trim).collect();
    assert!(!lines.is_empty());
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with('\'') {
            let why = i.checked_sub(1).map(|j| lines[j]).unwrap_or_default();
            assert!(
                why.starts_with("# ") && why.len() > 20,
                "{line} has no line of why above it"
            );
        } else {
            assert!(line.starts_with("# "), "{line}");
            assert!(
                lines.get(i + 1).is_some_and(|l| l.starts_with('\'')),
                "the reason {line} is for no pattern"
            );
        }
    }
}
