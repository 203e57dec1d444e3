// Runs every suite in one process, in Node or in the browser bundle: the per-call
// overhead at n = 2, the workloads (with TensorFlow.js's wasm backend interleaved),
// TensorFlow.js's cpu backend, the fmin comparison, and the kernel suites. Node-only
// parts (native C, files) are added by bench/run.mjs.
import { DEFAULT_TIMING, QUICK_TIMING } from "./harness.mjs";
import { KERNEL_SIZES, runKernelSuite, runOverheadSuite } from "./kernels.mjs";
import { modelSupport } from "./models.mjs";
import { runFmin } from "./fmin.mjs";
import { runTfjs, tfjsInfo, tfjsPeer, useBackend } from "./tfjs.mjs";
import { runWorkloads } from "./workloads.mjs";

export const SUITES = ["overhead", "workloads", "tfjs", "minimize", "kernels"];

/**
 * @param {object} o
 * @param {object} o.dh downhill
 * @param {object} [o.tf] TensorFlow.js with the wasm backend registered (optional)
 * @param {object} [o.fmin] the fmin library (optional)
 * @param {boolean} [o.quick]
 * @param {object} [o.timing] overrides the timing preset
 * @param {string[]} [o.suites]
 * @param {object} [o.sizes] smaller problems (the smoke test): { kernels: number[], steps, logisticRows, lbfgs, finiteDifference }
 */
export async function runAll({ dh, tf, fmin, quick = false, timing, suites = SUITES, sizes = {}, backends, log = () => {} }) {
  const t = timing ?? (quick ? QUICK_TIMING : DEFAULT_TIMING);
  const started = performance.now();
  const result = { timing: t, quick, suites, notes: [] };
  const support = modelSupport(dh);
  if (support.note) result.notes.push(`W3/W5: ${support.note}; their downhill rows are missing, the peers still run.`);
  const tfOk = tf && suites.some((s) => s === "workloads" || s === "tfjs");
  if (tfOk) {
    await useBackend(tf, "wasm"); // initializes the wasm backend single-threaded
    result.tfjs = await tfjsInfo(tf);
  }
  const common = backends ? { backends } : {};

  if (suites.includes("overhead")) {
    log("— per-call overhead, n = 2");
    result.overhead = await runOverheadSuite({ dh, timing: t, log });
  }
  if (suites.includes("workloads")) {
    log("— workloads");
    const peers = [];
    if (tfOk) {
      await useBackend(tf, "wasm");
      peers.push(tfjsPeer(tf, "wasm"));
    }
    result.workloads = await runWorkloads({
      dh, timing: t, log, peers, ...common,
      sizes: { steps: sizes.steps, logisticRows: sizes.logisticRows, lbfgs: sizes.lbfgs, finiteDifference: sizes.finiteDifference },
    });
  }
  if (suites.includes("tfjs") && tfOk) {
    log("— TensorFlow.js cpu backend");
    const cpu = await runTfjs({ tf, backends: ["cpu"], timing: t, log, sizes: { steps: sizes.steps, logisticRows: sizes.logisticRows } });
    result.workloads = [...(result.workloads ?? []), ...cpu];
  } else if (!tf) {
    result.notes.push("TensorFlow.js was not loaded in this run: no tfjs rows.");
  }
  if (suites.includes("minimize") && fmin) {
    log("— minimization: downhill vs fmin");
    result.minimize = await runFmin({ dh, fmin, timing: t, log, n: sizes.finiteDifference ?? 100 });
  }
  if (suites.includes("kernels")) {
    log("— kernels");
    result.kernels = await runKernelSuite({ dh, timing: t, log, sizes: sizes.kernels ?? KERNEL_SIZES, ...common });
  }
  result.elapsedSeconds = (performance.now() - started) / 1000;
  return result;
}
