// TensorFlow.js peers for W1, W2, W3 and W5, on its cpu and wasm backends, computing
// what downhill's workloads compute (bench/README.md). TensorFlow.js works in float32
// only, so its rows compare with downhill's float32 rows. `tf` is passed in: the Node
// entry and the browser bundle each load it (and point the wasm backend at its .wasm
// files) their own way.
import { fnDriver, measureGroup } from "./harness.mjs";
import { fillStepInputs, LOGISTIC_ROWS, logisticData, MLP, mlpData, W1_N } from "./data.mjs";

export const TFJS_BACKENDS = ["wasm", "cpu"];

/** Switches backend; the wasm backend single-threaded (like downhill and the C kernels). */
export async function useBackend(tf, name) {
  if (name === "wasm") tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tfjs backend ${name} failed to initialize`);
  await tf.ready();
}

/** What the tfjs wasm backend runs with here (SIMD, threads). */
export async function tfjsInfo(tf) {
  return {
    version: tf.version?.tfjs ?? tf.version_core ?? "unknown",
    wasmSimd: await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"),
    wasmThreads: await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT"),
  };
}

/** A variable holding a copy of `values` (the temporary tensor is released). */
function variableFrom(tf, values, shape) {
  const initial = tf.tensor(values, shape);
  const v = tf.variable(initial);
  initial.dispose();
  return v;
}

/** W1/W2: one optimizer step on a 1e6 variable with a precomputed gradient tensor. */
function stepJob(tf, id, n) {
  const p = new Float32Array(n);
  const g = new Float32Array(n);
  fillStepInputs(p, g);
  const variable = variableFrom(tf, p, [n]);
  const gradient = tf.tensor1d(g);
  const optimizer = id === "W1" ? tf.train.adam(1e-3, 0.9, 0.999, 1e-8) : tf.train.momentum(0.01, 0.9);
  const grads = { [variable.name]: gradient };
  const step = () => optimizer.applyGradients(grads);
  step();
  return {
    run: fnDriver(step),
    done() {
      optimizer.dispose();
      variable.dispose();
      gradient.dispose();
    },
  };
}

/** W3: mean logistic loss and its gradient with respect to (w, b), read back to the host. */
function logisticJob(tf, rows, n = 100) {
  const data = logisticData(rows, Float32Array, n);
  const X = tf.tensor2d(data.X, [rows, n]);
  const y = tf.tensor2d(data.y, [rows, 1]);
  const w = variableFrom(tf, data.w.subarray(0, n), [n, 1]);
  const b = variableFrom(tf, [data.w[n]], []);
  const loss = () => {
    const z = X.matMul(w).add(b);
    // log(1 + e^z) − y·z, stably: relu(z) − y·z + log1p(e^−|z|)
    return z.relu().sub(y.mul(z)).add(z.abs().neg().exp().log1p()).mean();
  };
  let lastLoss = NaN;
  const evaluate = () => {
    const { value, grads } = tf.variableGrads(loss, [w, b]);
    // Reading the results back is part of the job (downhill returns them in host-visible memory).
    lastLoss = value.dataSync()[0];
    grads[w.name].dataSync();
    grads[b.name].dataSync();
    value.dispose();
    grads[w.name].dispose();
    grads[b.name].dispose();
  };
  evaluate();
  return {
    run: fnDriver(evaluate),
    loss: () => lastLoss,
    done() {
      X.dispose();
      y.dispose();
      w.dispose();
      b.dispose();
    },
  };
}

/** W5: forward, softmax cross-entropy, backward and Adam for the 784-128-10 MLP. */
function mlpJob(tf) {
  const d = mlpData();
  const { inputs, hidden, outputs, batch } = MLP;
  const x = tf.tensor2d(d.x, [batch, inputs]);
  const labels = tf.tensor2d(d.oneHot, [batch, outputs]);
  const W1 = variableFrom(tf, d.W1, [inputs, hidden]);
  const b1 = variableFrom(tf, d.b1, [hidden]);
  const W2 = variableFrom(tf, d.W2, [hidden, outputs]);
  const b2 = variableFrom(tf, d.b2, [outputs]);
  const optimizer = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
  const loss = () => tf.losses.softmaxCrossEntropy(labels, x.matMul(W1).add(b1).relu().matMul(W2).add(b2));
  let firstLoss;
  const step = () => {
    const value = optimizer.minimize(loss, true, [W1, b1, W2, b2]);
    const v = value.dataSync()[0];
    if (firstLoss === undefined) firstLoss = v;
    value.dispose();
  };
  step();
  return {
    run: fnDriver(step),
    firstLoss: () => firstLoss,
    done() {
      optimizer.dispose();
      for (const t of [x, labels, W1, b1, W2, b2]) t.dispose();
    },
  };
}

/**
 * A peer for {@link runWorkloads}' interleaved groups: `make(spec)` builds the job for a
 * workload spec (`{ id, precision, n, rows }`) on the active tfjs backend, or returns
 * null for what TensorFlow.js does not do (float64). Call {@link useBackend} first.
 */
export function tfjsPeer(tf, backend) {
  return {
    impl: `tfjs-${backend}`,
    make(spec) {
      if (spec.precision !== "float32") return null;
      if (spec.id === "W1" || spec.id === "W2") return stepJob(tf, spec.id, spec.n);
      if (spec.id === "W3") return logisticJob(tf, spec.rows);
      if (spec.id === "W5") {
        const job = mlpJob(tf);
        return { ...job, loss: job.firstLoss };
      }
      return null;
    },
  };
}

/**
 * Runs the TensorFlow.js peers on their own. Records: `{ suite: "workloads", id, impl: "tfjs-wasm" | "tfjs-cpu", … }`.
 * Each job is measured on its own backend (tfjs has one active backend at a time), so
 * these rows are not interleaved with downhill's.
 */
export async function runTfjs({
  tf, backends = TFJS_BACKENDS, timing, only = ["W1", "W2", "W3", "W5"], sizes = {}, log = () => {},
}) {
  const n1 = sizes.steps ?? W1_N;
  const logisticRows = sizes.logisticRows ?? LOGISTIC_ROWS;
  const records = [];
  for (const backend of backends) {
    await useBackend(tf, backend);
    const impl = `tfjs-${backend}`;
    const jobs = [];
    if (only.includes("W1")) jobs.push({ id: "W1", make: () => stepJob(tf, "W1", n1), n: n1 });
    if (only.includes("W2")) jobs.push({ id: "W2", make: () => stepJob(tf, "W2", n1), n: n1 });
    if (only.includes("W3")) {
      for (const rows of logisticRows) jobs.push({ id: "W3", rows, variant: `${rows.toLocaleString("en-US")} × 100`, make: () => logisticJob(tf, rows) });
    }
    if (only.includes("W5")) jobs.push({ id: "W5", make: () => mlpJob(tf) });
    for (const spec of jobs) {
      const before = tf.memory().numTensors;
      const job = spec.make();
      try {
        const [stats] = await measureGroup([{ name: `${spec.id} ${impl}`, run: job.run }], timing);
        const extra = job.loss ? { loss: job.loss() } : job.firstLoss ? { loss: job.firstLoss() } : undefined;
        const { make, ...rest } = spec;
        const record = { suite: "workloads", ...rest, precision: "float32", impl, ...stats, ...(extra ? { extra } : {}) };
        records.push(record);
        log(`workload ${spec.id} ${spec.variant ?? ""} float32 ${impl}: ${stats.median.toPrecision(4)} ms [${stats.min.toPrecision(3)}–${stats.max.toPrecision(3)}]`);
      } finally {
        job.done();
      }
      // tfjs's MomentumOptimizer keeps its momentum scalar after dispose(): 1 is expected for W2.
      const leaked = tf.memory().numTensors - before;
      if (leaked > (spec.id === "W2" ? 1 : 0)) log(`warning: ${spec.id} on ${impl} left ${leaked} tensors`);
    }
  }
  return records;
}
