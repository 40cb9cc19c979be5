// The WebAssembly package and its demo page in a real browser, run by tests/browser.rs:
//
//   node browser.mjs SUITE WASM_DIR FIXTURES_DIR
//
// serves WASM_DIR (the demo in demo/, the package in pkg/) and FIXTURES_DIR (as /fixtures/)
// from 127.0.0.1, starts Debian's Chromium headless (/usr/bin/chromium, or $CHROMIUM) through
// puppeteer-core, and runs one suite:
//
// - form:    the demo page driven like a person (pick the model, type the texts, choose each
//            option); the price shown equals the documented one, and a forbidden combination
//            shows its rule's message next to the field (fixtures/form.json);
// - parity:  the package's quote and quoteArgs equal the native quotes (fixtures/native.json);
// - hostile: the package's check and checkArgs equal the native checker on the hostile corpus
//            (fixtures/hostile.json);
// - readme:  the README's JavaScript example runs in the page and logs what its comments say
//            (fixtures/readme.mjs, fixtures/readme.json);
// - screenshot: the demo with a quote, saved as FIXTURES_DIR/demo.png.
//
// Prints one line per check and exits 1 on the first failure, with what differed.

import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, normalize, extname } from "node:path";
import { deepStrictEqual } from "node:assert/strict";
import puppeteer from "puppeteer-core";

const [suite, wasmDir, fixturesDir] = process.argv.slice(2);
if (!suite || !wasmDir || !fixturesDir) {
  console.error("usage: node browser.mjs SUITE WASM_DIR FIXTURES_DIR");
  process.exit(2);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
};

/** A static file server on 127.0.0.1 (a free port): /fixtures/… from FIXTURES_DIR, the rest from WASM_DIR. */
function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const [root, rest] = path.startsWith("/fixtures/")
      ? [fixturesDir, path.slice("/fixtures/".length)]
      : [wasmDir, path.slice(1)];
    const file = normalize(join(root, rest.endsWith("/") || rest === "" ? `${rest}index.html` : rest));
    if (!file.startsWith(normalize(root)) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const profile = mkdtempSync(join(tmpdir(), "shortapi-pricing-chromium-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  userDataDir: profile,
  // What this machine's closed network needs: no background connections, no sandbox as root.
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const problems = [];
let page;

async function newPage() {
  const p = await browser.newPage();
  p.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  p.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  return p;
}

function fixture(name) {
  return JSON.parse(readFileSync(join(fixturesDir, name), "utf8"));
}

/** A decimal string without trailing zeros after the point ("0.340" → "0.34", "1.000" → "1"). */
function canonical(amount) {
  if (typeof amount !== "string" || !/^\d+(\.\d+)?$/.test(amount)) return `not a decimal string: ${JSON.stringify(amount)}`;
  return amount.includes(".") ? amount.replace(/0+$/, "").replace(/\.$/, "") : amount;
}

function fail(what, detail) {
  console.log(`FAILED ${what}`);
  if (detail !== undefined) console.log(typeof detail === "string" ? detail : JSON.stringify(detail, null, 2));
  process.exitCode = 1;
}

/** Loads the demo page and waits until the package has answered once. */
async function openDemo() {
  await page.goto(`${origin}/demo/`, { waitUntil: "load" });
  await page.waitForFunction(() => document.getElementById("price").dataset.state !== "loading", { timeout: 90000 });
}

/** What the page shows: the price element's state and amount, and each field's error. */
function shown() {
  return page.evaluate(() => {
    const price = document.getElementById("price");
    const errors = {};
    for (const p of document.querySelectorAll(".field .error")) {
      if (p.textContent) errors[p.id.replace(/^error-/, "")] = p.textContent;
    }
    // The fields marked required now by a condition (`name *` while the checker says so).
    const requiredNow = [...document.querySelectorAll(".field[data-required-now]")].map((f) => f.dataset.option);
    return {
      requiredNow,
      state: price.dataset.state,
      amount: price.dataset.amount,
      min: price.dataset.min,
      max: price.dataset.max,
      text: price.textContent,
      errors,
      general: [...document.querySelectorAll("#errors li")].map((li) => li.textContent),
    };
  });
}

async function formSuite() {
  const cases = fixture("form.json");
  page = await newPage();
  for (const c of cases) {
    const label = `${c.model} ${JSON.stringify(c.options)}`;
    await openDemo();
    // As a person would: choose the model, type each text, set each option.
    await page.select("#model", c.model);
    await page.waitForFunction((id) => document.getElementById("form").dataset.model === id, {}, c.model);
    for (const [name, text] of Object.entries(c.texts)) {
      await page.type(`#option-${name}`, text);
    }
    for (const [name, value] of Object.entries(c.options)) {
      const selector = `#option-${name}`;
      if (typeof value === "boolean") {
        const checked = await page.$eval(selector, (e) => e.checked);
        if (checked !== value) await page.click(selector);
      } else if (typeof value === "number" && (await page.$eval(selector, (e) => e.tagName)) !== "SELECT") {
        // A number input: cleared, then typed into (a list of whole numbers, as Flux's
        // num_images, is a select).
        await page.$eval(selector, (e) => { e.value = ""; });
        await page.type(selector, String(value));
      } else {
        await page.select(selector, String(value));
      }
    }
    // Bounds first (the measured quantity left empty), then the quantity typed in.
    if (c.estimate !== undefined) {
      const got = await shown();
      if (got.state !== "estimated" || got.min !== c.estimate.min || (got.max ?? null) !== c.estimate.max || !got.text.startsWith(c.estimate.text)) {
        fail(`form ${label}: expected the bounds ${JSON.stringify(c.estimate)}`, got);
        return;
      }
      console.log(`ok bounds ${label} shows ${got.text}`);
      for (const [name, value] of Object.entries(c.usage ?? {})) {
        await page.type(`#usage-${name}`, value);
      }
    }
    const got = await shown();
    if (c.unpriced !== undefined) {
      if (got.state !== "unpriced" || !got.text.includes(c.unpriced)) {
        fail(`form ${label}: expected no price, saying "${c.unpriced}"`, got);
        return;
      }
      console.log(`ok form ${label} shows ${got.text}`);
    } else if (c.price !== undefined) {
      if (got.state !== "quoted" || canonical(got.amount) !== canonical(c.price) || !got.text.startsWith(`${got.amount} `)) {
        fail(`form ${label}: expected the documented price ${c.price}`, got);
        return;
      }
      console.log(`ok form ${label} shows ${got.text}`);
    } else {
      const message = got.errors[c.rule.option] ?? "";
      if (got.state !== "rejected" || !message.startsWith(c.rule.message)) {
        fail(`form ${label}: expected "${c.rule.message}" next to ${c.rule.option}`, got);
        return;
      }
      if (c.rule.requiredNow && !got.requiredNow.includes(c.rule.option)) {
        fail(`form ${label}: expected ${c.rule.option} marked required now`, got);
        return;
      }
      console.log(`ok form ${label} shows next to ${c.rule.option}: ${message}${c.rule.requiredNow ? " (marked required)" : ""}`);
    }
  }
}

/** Loads the package into a blank page of the same origin, as `window.pp`. */
async function openPackage() {
  page = await newPage();
  await page.goto(`${origin}/fixtures/blank.html`, { waitUntil: "load" });
  await page.evaluate(async () => {
    const m = await import("/pkg/shortapi_pricing_wasm.js");
    await m.default();
    window.pp = m;
  });
}

async function paritySuite() {
  await openPackage();
  const cases = fixture("native.json");
  const got = await page.evaluate(async () => {
    const cases = await (await fetch("/fixtures/native.json")).json();
    return cases.map((c) => ({
      args: window.pp.quoteArgs(c.model, c.args, c.usage),
      body: window.pp.quote(c.body_text, c.usage),
    }));
  });
  let quoted = 0;
  for (const [i, c] of cases.entries()) {
    try {
      deepStrictEqual(got[i].args, c.quote, "quoteArgs");
      deepStrictEqual(got[i].body, c.body_quote, "quote");
    } catch (e) {
      fail(`parity ${c.model} ${JSON.stringify(c.args)}`, e.message);
      return;
    }
    if (c.quote.amount !== undefined) quoted++;
  }
  console.log(`ok parity: ${cases.length} combinations (${quoted} quoted, ${cases.length - quoted} rejected) equal the native answers, as bare args and as bodies`);
}

async function hostileSuite() {
  await openPackage();
  const cases = fixture("hostile.json");
  const got = await page.evaluate(async () => {
    const cases = await (await fetch("/fixtures/hostile.json")).json();
    return cases.map((c) => ({ body: window.pp.check(c.text), args: window.pp.checkArgs(c.model, c.text) }));
  });
  for (const [i, c] of cases.entries()) {
    try {
      deepStrictEqual(got[i].body, c.body, "check");
      deepStrictEqual(got[i].args, c.args, "checkArgs");
    } catch (e) {
      fail(`hostile ${c.name}`, e.message);
      return;
    }
  }
  console.log(`ok hostile: ${cases.length} files give the native verdicts (violations' path, code and message), as bodies and as bare args`);
}

async function readmeSuite() {
  page = await newPage();
  const logged = [];
  page.on("console", (m) => {
    if (m.type() === "log") logged.push(m.text());
  });
  await page.goto(`${origin}/fixtures/blank.html`, { waitUntil: "load" });
  await page.evaluate(async () => {
    await import("/fixtures/readme.mjs");
  });
  const want = fixture("readme.json");
  try {
    deepStrictEqual(logged, want);
  } catch (e) {
    fail("readme: the example logs what its comments say", e.message);
    return;
  }
  console.log(`ok readme: ${want.length} lines logged as documented`);
}

async function screenshotSuite() {
  page = await newPage();
  await page.setViewport({ width: 900, height: 1000 });
  await openDemo();
  await page.select("#model", "pixverse/pixverse-6.0/image-to-video");
  await page.type("#option-prompt", "A black lab swimming in a lake at dawn");
  await page.type("#option-image", "https://example.com/lab.png");
  await page.select("#option-duration", "8");
  await page.click("#option-multi_shot");
  const main = await page.$("main");
  await main.screenshot({ path: join(fixturesDir, "demo.png") });
  console.log(`ok screenshot: ${join(fixturesDir, "demo.png")} (${(await shown()).text})`);
}

const suites = { form: formSuite, parity: paritySuite, hostile: hostileSuite, readme: readmeSuite, screenshot: screenshotSuite };
try {
  if (!suites[suite]) throw new Error(`unknown suite ${suite}; known: ${Object.keys(suites).join(", ")}`);
  await suites[suite]();
  if (problems.length) fail("the page reported errors", problems.join("\n"));
} catch (e) {
  fail(`${suite}: ${e.stack ?? e}`);
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
