// npm run bench:browser — the same suites as `npm run bench`, bundled with esbuild and
// run in headless Chromium (Debian's /usr/bin/chromium or CHROME_PATH; never a
// downloaded browser) through playwright-core. The page is served from 127.0.0.1 with
// cross-origin isolation, so performance.now() has 5 µs resolution instead of 100 µs;
// TensorFlow.js's wasm backend is kept single-threaded all the same (bench/src/tfjs.mjs).
// Writes bench/results/chromium.{json,md}, chromium-kernels.svg and the README block.
//
//   node bench/browser.mjs [--quick] [--suites ...] [--sizes 10,1000] [--out DIR] [--no-readme]
import { createServer } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { saveResult, updateReadme } from "./src/files.mjs";
import { machineInfo, packageVersions } from "./src/machine.mjs";
import { runNative } from "./src/native.mjs";
import { textReport } from "./src/report.mjs";
import { SUITES } from "./src/suite.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    suites: { type: "string", default: [...SUITES, "native"].join(",") },
    sizes: { type: "string" },
    out: { type: "string", default: join(root, "bench", "results") },
    "no-readme": { type: "boolean", default: false },
  },
});
const suites = values.suites.split(",");
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromePath)) {
  console.error(`Chromium not found at ${chromePath}: install it (apt-get install -y chromium) or set CHROME_PATH.`);
  process.exit(1);
}

// 1. Bundle.
const outDir = join(here, ".build", "browser");
mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: [join(here, "browser", "entry.mjs")],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "chrome120",
  outfile: join(outDir, "bench.js"),
  alias: { downhill: join(root, "dist", "downhill.js") },
  // Node built-ins referenced by Emscripten's glue in tfjs-backend-wasm, never reached in a browser.
  external: ["fs", "path", "crypto", "worker_threads", "perf_hooks", "os"],
  logLevel: "warning",
});
writeFileSync(join(outDir, "index.html"), '<!doctype html><meta charset="utf-8"><title>downhill bench</title><script type="module" src="bench.js"></script>\n');

// 2. Serve it on 127.0.0.1, cross-origin isolated.
const tfjsWasmDir = join(root, "node_modules", "@tensorflow", "tfjs-backend-wasm", "dist");
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".map": "application/json" };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = path.startsWith("/tfjs-wasm/")
    ? join(tfjsWasmDir, normalize(path.slice("/tfjs-wasm/".length)).replace(/^(\.\.[/\\])+/, ""))
    : join(outDir, normalize(path === "/" ? "index.html" : path.slice(1)).replace(/^(\.\.[/\\])+/, ""));
  if (!existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-embedder-policy": "require-corp",
  });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

// 3. Run.
const userDataDir = mkdtempSync(join(tmpdir(), "downhill-bench-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const started = new Date();
let result;
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => console.log(message.text()));
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => globalThis.benchReady === true, null, { timeout: 60_000 });
  const chromiumVersion = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1]));
  const options = {
    quick: values.quick,
    suites: suites.filter((s) => s !== "native"),
    sizes: values.sizes ? { kernels: values.sizes.split(",").map(Number) } : {},
  };
  const run = await page.evaluate((o) => globalThis.runBench(o), options);
  result = {
    schema: "downhill-bench/1",
    environment: "chromium",
    date: started.toISOString(),
    machine: { ...machineInfo(), chromium: chromiumVersion },
    versions: packageVersions(root),
    ...run,
  };
} finally {
  await context.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

// 4. The native reference, for the "× native" columns of this run.
if (suites.includes("native")) {
  console.log("— native C reference kernels and memory bandwidth");
  result.native = runNative(values.quick ? { time: 40, samples: 3 } : { time: 150, samples: 7 });
  if (result.native) result.machine.gcc = result.native.compiler;
  else result.notes.push("gcc not found: no native reference, no bandwidth bound.");
}

console.log("\n" + textReport(result));
const paths = saveResult(result, values.out);
console.log(`\nwrote ${paths.map((p) => p.replace(root + "/", "")).join(", ")}`);
if (!values["no-readme"] && !values.quick) {
  console.log(updateReadme(join(root, "README.md"), values.out) ? "updated README.md's benchmark block" : "README.md has no benchmark block markers: not updated");
}
console.log(`done in ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s`);
