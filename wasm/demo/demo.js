// The demo page: pick a model, get a form built from its JSON Schema, see the exact price (or
// each problem next to its field) as you edit. A model priced by a quantity the request does
// not carry (the seconds of an input video) gets a field for it: empty, the page shows the
// bounds ("between 0.330 and 1.10 USD"); typed, the exact price. A price the page does not give
// is shown with its reason. No framework: the package's functions and the DOM. Served from
// wasm/ (`python3 -m http.server -d wasm`), it loads the package from ../pkg/.

import init, { argsSchema, checkArgs, model, models, quoteArgs } from "../pkg/shortapi_pricing_wasm.js";

await init();

const modelSelect = document.getElementById("model");
const form = document.getElementById("form");
const price = document.getElementById("price");
const errors = document.getElementById("errors");
const body = document.getElementById("body");

for (const m of models()) {
  modelSelect.add(new Option(m.name, m.id));
}
modelSelect.addEventListener("change", () => build(modelSelect.value));
form.addEventListener("input", update);
form.addEventListener("change", update);
build(new URLSearchParams(location.search).get("model") ?? modelSelect.value);

/** One field per property of the model's args schema, in the spec's option order. */
function build(id) {
  modelSelect.value = id;
  const schema = argsSchema(id);
  const required = new Set(schema.required ?? []);
  const order = model(id).options.map((o) => o.name);
  const names = Object.keys(schema.properties).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const fields = names.map((name) => field(name, schema.properties[name], required.has(name)));
  const pricing = model(id).pricing;
  const measured = pricing.form === "per_unit" ? pricing.quantities : [];
  form.replaceChildren(...fields, ...measured.map(quantityField));
  form.dataset.model = id;
  update();
}

/** A labelled control for one option, with its description and a place for its errors. */
function field(name, prop, required) {
  const wrap = document.createElement("div");
  wrap.className = "field";
  wrap.dataset.option = name;
  const label = document.createElement("label");
  label.htmlFor = `option-${name}`;
  label.textContent = required ? `${name} *` : name;
  const control = controlFor(prop);
  control.id = `option-${name}`;
  control.name = name;
  control.setAttribute("aria-describedby", `hint-${name} error-${name}`);
  const hint = document.createElement("small");
  hint.id = `hint-${name}`;
  hint.textContent = hintFor(prop);
  const error = document.createElement("p");
  error.id = `error-${name}`;
  error.className = "error";
  wrap.append(label, control, hint, error);
  return wrap;
}

/** A number field for a measured quantity: not part of the request, it prices it exactly. */
function quantityField(q) {
  const wrap = document.createElement("div");
  wrap.className = "field measured";
  wrap.dataset.quantity = q.name;
  const label = document.createElement("label");
  label.htmlFor = `usage-${q.name}`;
  label.textContent = `${q.name} (measured)`;
  const input = document.createElement("input");
  input.type = "number";
  input.step = "any";
  input.min = q.minimum;
  if (q.maximum !== null) input.max = q.maximum;
  input.id = `usage-${q.name}`;
  input.name = q.name;
  input.dataset.kind = "usage";
  input.setAttribute("aria-describedby", `hint-usage-${q.name} error-usage-${q.name}`);
  const hint = document.createElement("small");
  hint.id = `hint-usage-${q.name}`;
  const range = q.maximum === null ? `at least ${q.minimum}` : `${q.minimum} to ${q.maximum}`;
  hint.textContent = `${q.description}, in ${q.unit}s (${range}); leave empty for the bounds`;
  const error = document.createElement("p");
  error.id = `error-usage-${q.name}`;
  error.className = "error";
  wrap.append(label, input, hint, error);
  return wrap;
}

function controlFor(prop) {
  if (prop.type === "array" && prop.items?.type === "object") {
    // A list of objects (Kling 3.0's shots): one JSON object a line.
    const area = document.createElement("textarea");
    area.rows = 3;
    const fields = Object.keys(prop.items.properties ?? {});
    area.placeholder = `one JSON object per line: {${fields.map((f) => `"${f}": …`).join(", ")}}`;
    area.dataset.kind = "objects";
    return area;
  }
  if (prop.type === "array") {
    // A list of texts (image URLs): one item a line.
    const area = document.createElement("textarea");
    area.rows = 3;
    area.placeholder = "one per line";
    area.dataset.kind = "list";
    return area;
  }
  if (Array.isArray(prop.enum)) {
    const select = document.createElement("select");
    // No default on the page: nothing chosen until the user picks (then it is sent).
    if (prop.default === undefined) select.add(new Option("(choose)", "", true, true));
    for (const value of prop.enum) {
      select.add(new Option(String(value), String(value), false, value === prop.default));
    }
    // A list of whole numbers (1, 2, 4, 8) is sent as numbers.
    select.dataset.kind = prop.type === "integer" ? "integer" : "enum";
    return select;
  }
  const input = document.createElement("input");
  switch (prop.type) {
    case "boolean":
      input.type = "checkbox";
      input.checked = prop.default === true;
      input.dataset.kind = "bool";
      break;
    case "integer":
      input.type = "number";
      input.step = "1";
      if (prop.minimum !== undefined) input.min = String(prop.minimum);
      if (prop.maximum !== undefined) input.max = String(prop.maximum);
      if (prop.default !== undefined) input.value = String(prop.default);
      input.dataset.kind = "integer";
      break;
    case "number":
      // A number read exactly by the checker (`cfg_scale`): any decimal in the range.
      input.type = "number";
      input.step = "any";
      if (prop.minimum !== undefined) input.min = String(prop.minimum);
      if (prop.maximum !== undefined) input.max = String(prop.maximum);
      input.dataset.kind = "number";
      break;
    default:
      input.type = "text";
      input.dataset.kind = "text";
  }
  return input;
}

function hintFor(prop) {
  const parts = [prop.description ?? ""];
  if ((prop.type === "integer" || prop.type === "number") && prop.minimum !== undefined) {
    parts.push(`${prop.minimum} to ${prop.maximum}`);
  }
  if (prop.type === "array") {
    const most = prop.maxItems === undefined ? "" : ` (at most ${prop.maxItems})`;
    const what = prop.items?.type === "object" ? "one JSON object per line" : "one per line";
    parts.push(`${what}${most}`);
  }
  if (prop.maxLength !== undefined) parts.push(`at most ${prop.maxLength} characters`);
  if (prop.default !== undefined) parts.push(`default ${prop.default}`);
  return parts.filter(Boolean).join(" · ");
}

/**
 * The form's controls. Not `form.elements`: a form's named controls shadow its properties, and
 * Kling O1's option `elements` (as its `action`) is one.
 */
function controls() {
  return form.querySelectorAll("input, select, textarea");
}

/** The measured quantities typed in, as decimal strings (exact: not read as numbers). */
function usage() {
  const out = {};
  for (const control of controls()) {
    if (control.dataset.kind === "usage" && control.value !== "") out[control.name] = control.value;
  }
  return out;
}

/** The args the form says: every control with a value (an empty text or number is left out). */
function args() {
  const out = {};
  for (const control of controls()) {
    switch (control.dataset.kind) {
      case "usage":
        break;
      case "bool":
        out[control.name] = control.checked;
        break;
      case "integer":
      case "number":
        if (control.value !== "") out[control.name] = Number(control.value);
        break;
      case "enum":
        if (control.value !== "") out[control.name] = control.value;
        break;
      case "list":
        // Each line an item, as typed (a blank line is an item the checker refuses).
        if (control.value !== "") out[control.name] = control.value.split("\n");
        break;
      case "objects":
        // Each line one object; a line that is not JSON goes as the text it is, for the
        // checker to refuse with the fields an item takes.
        if (control.value !== "") {
          out[control.name] = control.value.split("\n").map((line) => {
            try {
              return JSON.parse(line);
            } catch {
              return line;
            }
          });
        }
        break;
      default:
        if (control.value !== "") out[control.name] = control.value;
    }
  }
  return out;
}

/** Prices the form's args; shows the price, or each violation next to its field. */
function update() {
  const id = form.dataset.model;
  const given = args();
  const result = quoteArgs(id, given, usage());
  for (const p of form.querySelectorAll(".error")) p.textContent = "";
  for (const f of form.querySelectorAll(".field")) {
    f.classList.remove("invalid");
    // Required by a condition only while the checker says so (Vidu's voice_id with audio).
    const label = f.querySelector("label");
    if (label && f.dataset.requiredNow) {
      label.textContent = f.dataset.option;
      delete f.dataset.requiredNow;
    }
  }
  errors.replaceChildren();
  delete price.dataset.min;
  delete price.dataset.max;
  if (result.errors) {
    const unpriced = result.errors.every((v) => v.code === "unpriced");
    price.dataset.state = unpriced ? "unpriced" : "rejected";
    price.dataset.amount = "";
    price.textContent = unpriced
      ? `No price: ${result.errors[0].message}`
      : "No price: fix the fields marked below.";
    for (const v of result.errors) {
      if (unpriced) break;
      const [, first, second] = v.path.split("/");
      const name = first === "usage" && second ? `usage-${second}` : (first ?? "");
      const slot = name && form.querySelector(`#error-${CSS.escape(name)}`);
      if (slot) {
        slot.textContent = slot.textContent ? `${slot.textContent} ${v.message}` : v.message;
        slot.dataset.code = v.code;
        const wrap = slot.closest(".field");
        wrap.classList.add("invalid");
        const label = wrap.querySelector("label");
        if (v.code === "conditionally_required" && label && !label.textContent.endsWith(" *")) {
          label.textContent = `${name} *`;
          wrap.dataset.requiredNow = "true";
        }
      } else {
        const li = document.createElement("li");
        li.textContent = `${v.path || "(request)"}: ${v.message}`;
        li.dataset.code = v.code;
        errors.append(li);
      }
    }
    body.textContent = JSON.stringify({ model: id, args: given }, null, 2);
  } else if (result.amount === undefined) {
    // A rate per measured quantity: the bounds until the quantity is typed in.
    price.dataset.state = "estimated";
    price.dataset.amount = "";
    if (result.min_amount !== undefined) price.dataset.min = result.min_amount;
    if (result.max_amount !== undefined) price.dataset.max = result.max_amount;
    const bounds =
      result.max_amount !== undefined
        ? `between ${result.min_amount} and ${result.max_amount} ${result.currency}`
        : `at least ${result.min_amount} ${result.currency}`;
    price.textContent = `${bounds} (${result.rate} ${result.currency} per ${result.unit} of ${result.needs.join(" + ")}; type the measured value for the exact price)`;
    body.textContent = JSON.stringify(checkArgs(id, given).request, null, 2);
  } else {
    price.dataset.state = "quoted";
    price.dataset.amount = result.amount;
    price.dataset.currency = result.currency;
    price.textContent = `${result.amount} ${result.currency}`;
    body.textContent = JSON.stringify(checkArgs(id, given).request, null, 2);
  }
}
