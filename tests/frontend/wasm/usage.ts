// A typed use of the WebAssembly package, compiled with tsc --strict by tests/browser.rs
// against the declarations wasm-bindgen writes (PACKAGE is replaced by the path of
// wasm/pkg/shortapi_pricing_wasm.js).
import init, { check, models, priceTable, quoteArgs, type ModelInfo, type QuoteResult } from "PACKAGE";

await init();
const all: ModelInfo[] = models();
const id: string = all[0].id;
const result: QuoteResult = quoteArgs(id, { prompt: "a black lab", image: "https://example.com/a.png" });
if (result.errors) {
  for (const v of result.errors) {
    const where: string = v.path;
    const code: string = v.code;
    console.log(where, code, v.message);
  }
} else {
  const amount: string = result.amount;
  const currency: string = result.currency;
  console.log(amount, currency);
}
const checked = check('{"model": "pixverse/pixverse-6.0/text-to-video", "args": {"prompt": "a"}}');
if (!checked.errors) {
  const args: Record<string, string | number | boolean> = checked.request.args;
  console.log(args.resolution);
}
for (const option of all[0].options) {
  if (option.type === "enum") {
    const values: string[] = option.values;
    console.log(values, option.default);
  } else if (option.type === "integer") {
    const range: [number, number] = [option.minimum, option.maximum];
    console.log(range);
  }
}
const rows = priceTable(id);
const first: string = rows[0].amount;
console.log(first);
