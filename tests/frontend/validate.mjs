// Validates cases with ajv, as a frontend validates a form, and reports where ajv's verdict
// differs from the crate's checker. Run by tests/frontend.rs:
//   node tests/frontend/validate.mjs CASES.json
// CASES.json: {"schemas": {name: schema}, "cases": [{"schema": name, "input": any, "valid": bool}]}
// (a case may give "text", JSON text, instead of "input")
// Prints {"checked": n, "disagreements": [...], "warnings": [...]}.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020.js";

const { schemas, cases } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const warnings = [];
const logger = { log() {}, warn: (...a) => warnings.push(a.join(" ")), error: (...a) => warnings.push(a.join(" ")) };

const validators = {};
for (const [name, schema] of Object.entries(schemas)) {
  // Draft 2020-12 with ajv's default strict mode; an OpenAPI 3.0 schema object has `example`
  // and `discriminator`, which JSON Schema does not know, and comes wrapped with the
  // `components` its `$ref`s point into, so it is read without strict mode.
  const ajv = schema.$schema
    ? new Ajv2020({ allErrors: true, logger })
    : new Ajv({ allErrors: true, strict: false, logger });
  // The crate's extension keyword for counts across lists, which JSON Schema cannot say: told
  // to ajv (strict mode refuses an unknown keyword), and applied by the checker alone.
  ajv.addKeyword({ keyword: "x-shortapi-totals", schemaType: "array" });
  ajv.addKeyword({ keyword: "x-shortapi-sums", schemaType: "array" });
  ajv.addKeyword({ keyword: "x-shortapi-relations", schemaType: "array" });
  validators[name] = ajv.compile(schema);
}

const disagreements = [];
for (const c of cases) {
  // A case given as text is parsed as a browser parses it (`1e1` and `10.0` are both 10).
  const input = c.text !== undefined ? JSON.parse(c.text) : c.input;
  const ok = validators[c.schema](input);
  if (ok !== c.valid) disagreements.push({ schema: c.schema, input: c.input ?? c.text, checker: c.valid, ajv: ok });
}
console.log(JSON.stringify({ checked: cases.length, disagreements: disagreements.slice(0, 10), warnings }));
