// npm run bench — every suite in Node, plus the native C reference and the bandwidth
// probe, in one run. Writes bench/results/node.{json,md}, node-kernels.svg and the
// README's generated benchmark block. Definitions and method: bench/README.md.
//
//   node bench/run.mjs [--quick] [--suites overhead,workloads,tfjs,minimize,kernels,native]
//                      [--sizes 10,1000] [--out DIR] [--no-readme] [--no-tfjs]
import { parseArgs } from "node:util";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as dh from "downhill";
import { fmin } from "./src/loadFmin.mjs";
import { machineInfo, packageVersions } from "./src/machine.mjs";
import { runNative } from "./src/native.mjs";
import { saveResult, updateReadme } from "./src/files.mjs";
import { textReport } from "./src/report.mjs";
import { runAll, SUITES } from "./src/suite.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    suites: { type: "string", default: [...SUITES, "native"].join(",") },
    sizes: { type: "string" },
    out: { type: "string", default: join(root, "bench", "results") },
    "no-readme": { type: "boolean", default: false },
    "no-tfjs": { type: "boolean", default: false },
  },
});
const suites = values.suites.split(",");
const log = (line) => console.log(line);

let tf;
if (!values["no-tfjs"]) {
  tf = await loadTfjs();
}

const started = new Date();
const result = {
  schema: "downhill-bench/1",
  environment: "node",
  date: started.toISOString(),
  machine: machineInfo(),
  versions: packageVersions(root),
};

if (suites.includes("native")) {
  log("— native C reference kernels and memory bandwidth (gcc -O3 -march=native -fno-math-errno)");
  result.native = runNative(values.quick ? { time: 40, samples: 3 } : { time: 150, samples: 7 });
  if (!result.native) log("gcc not found: no native reference");
  else result.machine.gcc = result.native.compiler;
}

const run = await runAll({
  dh, tf, fmin, quick: values.quick, log,
  suites: suites.filter((s) => s !== "native"),
  sizes: values.sizes ? { kernels: values.sizes.split(",").map(Number) } : {},
});
Object.assign(result, run, { notes: [...(run.notes ?? []), ...(result.native ? [] : ["gcc not found: no native reference, no bandwidth bound."])] });

console.log("\n" + textReport(result));
const paths = saveResult(result, values.out);
console.log(`\nwrote ${paths.map((p) => p.replace(root + "/", "")).join(", ")}`);
if (!values["no-readme"] && !values.quick) {
  console.log(updateReadme(join(root, "README.md"), values.out) ? "updated README.md's benchmark block" : "README.md has no benchmark block markers: not updated");
}
console.log(`done in ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s`);

/** TensorFlow.js with the wasm backend's .wasm files from node_modules (no network). */
async function loadTfjs() {
  try {
    const tfjs = await import("@tensorflow/tfjs");
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths(join(root, "node_modules", "@tensorflow", "tfjs-backend-wasm", "dist") + "/");
    // tfjs prints a hint about tfjs-node once; we compare against its cpu and wasm backends on purpose.
    const warn = console.warn;
    console.warn = () => {};
    await tfjs.setBackend("cpu");
    console.warn = warn;
    return tfjs;
  } catch (error) {
    console.log(`TensorFlow.js unavailable (${error.message}): no tfjs rows`);
    return undefined;
  }
}
