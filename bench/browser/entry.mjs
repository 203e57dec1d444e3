// The browser bundle's entry (built by bench/browser.mjs with esbuild): the same suites
// as `npm run bench`, from the same source files, with downhill's published bundle,
// TensorFlow.js (cpu and wasm backends) and fmin.
import * as dh from "downhill";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { fmin } from "../src/loadFmin.mjs";
import { runAll } from "../src/suite.mjs";

setWasmPaths(new URL("tfjs-wasm/", location.href).href);

globalThis.runBench = async (options) => {
  const log = (line) => console.log(line);
  let tfjs = tf;
  try {
    await tf.setBackend("cpu");
  } catch (error) {
    log(`TensorFlow.js unavailable: ${error.message}`);
    tfjs = undefined;
  }
  const result = await runAll({ dh, tf: tfjs, fmin, log, ...options });
  result.browser = {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
  };
  return JSON.parse(JSON.stringify(result));
};
globalThis.benchReady = true;
