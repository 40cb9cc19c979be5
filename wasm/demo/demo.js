// The demo page: pick a model, get a form built from its JSON Schema, see the exact price (or
// each problem next to its field) as you edit. No framework: the package's functions and the
// DOM. Served from wasm/ (`python3 -m http.server -d wasm`), it loads the package from ../pkg/.

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
  form.replaceChildren(...names.map((name) => field(name, schema.properties[name], required.has(name))));
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

function controlFor(prop) {
  if (Array.isArray(prop.enum)) {
    const select = document.createElement("select");
    for (const value of prop.enum) {
      select.add(new Option(String(value), String(value), false, value === prop.default));
    }
    select.dataset.kind = "enum";
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
    default:
      input.type = "text";
      input.dataset.kind = "text";
  }
  return input;
}

function hintFor(prop) {
  const parts = [prop.description ?? ""];
  if (prop.type === "integer" && prop.minimum !== undefined) parts.push(`${prop.minimum} to ${prop.maximum}`);
  if (prop.default !== undefined) parts.push(`default ${prop.default}`);
  return parts.filter(Boolean).join(" · ");
}

/** The args the form says: every control with a value (an empty text or number is left out). */
function args() {
  const out = {};
  for (const control of form.elements) {
    switch (control.dataset.kind) {
      case "bool":
        out[control.name] = control.checked;
        break;
      case "integer":
        if (control.value !== "") out[control.name] = Number(control.value);
        break;
      case "enum":
        out[control.name] = control.value;
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
  const result = quoteArgs(id, given);
  for (const p of form.querySelectorAll(".error")) p.textContent = "";
  for (const f of form.querySelectorAll(".field")) f.classList.remove("invalid");
  errors.replaceChildren();
  if (result.errors) {
    price.dataset.state = "rejected";
    price.dataset.amount = "";
    price.textContent = "No price: fix the fields marked below.";
    for (const v of result.errors) {
      const name = v.path.split("/")[1] ?? "";
      const slot = name && form.querySelector(`#error-${CSS.escape(name)}`);
      if (slot) {
        slot.textContent = slot.textContent ? `${slot.textContent} ${v.message}` : v.message;
        slot.dataset.code = v.code;
        slot.closest(".field").classList.add("invalid");
      } else {
        const li = document.createElement("li");
        li.textContent = `${v.path || "(request)"}: ${v.message}`;
        li.dataset.code = v.code;
        errors.append(li);
      }
    }
    body.textContent = JSON.stringify({ model: id, args: given }, null, 2);
  } else {
    price.dataset.state = "quoted";
    price.dataset.amount = result.amount;
    price.dataset.currency = result.currency;
    price.textContent = `${result.amount} ${result.currency}`;
    body.textContent = JSON.stringify(checkArgs(id, given).request, null, 2);
  }
}
