// A typed use of the WebAssembly package, compiled with tsc --strict by tests/browser.rs
// against the declarations wasm-bindgen writes (PACKAGE is replaced by the path of
// wasm/pkg/shortapi_pricing_wasm.js).
import init, { check, models, priceTable, quoteArgs, type ModelInfo, type QuoteResult } from "PACKAGE";

await init();
const all: ModelInfo[] = models();
const id: string = all[0].id;
// A model's conditional requirements and its totals (limits on lists counted together).
for (const m of all) {
  for (const r of m.requirements) {
    const field: string = "require" in r ? r.require : r.forbid;
    console.log(r.id, field, r.when);
  }
  for (const t of m.totals) {
    const lists: string[] = t.count;
    const most: number | undefined = t.maximum;
    console.log(t.id, lists, most, t.message);
  }
  // Narrower limits (a list's count or a choice's values) and sums over a list's items.
  for (const l of m.limits) {
    const field: string = l.field;
    console.log(l.id, field, l.min_items, l.max_items, l.values, l.when);
  }
  for (const x of m.sums) {
    const parts: [string, string, string] = [x.list, x.field, x.equals];
    console.log(x.id, parts, x.message);
  }
  // A list of objects describes its items' fields.
  for (const o of m.options) {
    if (o.type === "list" && "fields" in o) {
      const fields: string[] = o.fields.map((f) => f.name);
      const open: boolean = o.open;
      console.log(o.name, fields, open);
    }
  }
}
const result: QuoteResult = quoteArgs(id, { prompt: "a black lab", image: "https://example.com/a.png" });
if (result.errors) {
  for (const v of result.errors) {
    const where: string = v.path;
    const code: string = v.code;
    console.log(where, code, v.message);
  }
} else if (result.amount !== undefined) {
  const amount: string = result.amount;
  const currency: string = result.currency;
  console.log(amount, currency);
} else {
  // A price per measured quantity: the rate and the bounds until the quantity is given.
  const rate: string = result.rate;
  const needs: string[] = result.needs;
  const most: string | undefined = result.max_amount;
  console.log(rate, needs, most);
}
const measured: QuoteResult = quoteArgs(
  "kwaivgi/kling-o1/video-to-video",
  { prompt: "a", video: "https://example.com/v.mp4" },
  { input_video_seconds: "7.2" },
);
console.log(measured.errors ? measured.errors.length : measured.currency);
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
const first: string | undefined = rows[0].amount ?? rows[0].rate ?? rows[0].unpriced;
console.log(first);
