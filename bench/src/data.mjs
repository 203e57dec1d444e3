// The data of the end-to-end workloads, from the seeded generator, so every
// implementation (downhill, plain loops, TensorFlow.js, bench/native/bench.c) computes
// on the same numbers. Definitions: bench/README.md.
import { seeded } from "./harness.mjs";

export const W1_N = 1_000_000;
export const LOGISTIC_FEATURES = 100;
export const LOGISTIC_ROWS = [10_000, 100_000];
export const MLP = { inputs: 784, hidden: 128, outputs: 10, batch: 64 };
/** Parameters of the MLP: W1 (784×128, row-major, input-major), b1, W2 (128×10), b2. */
export const MLP_PARAMS = MLP.inputs * MLP.hidden + MLP.hidden + MLP.hidden * MLP.outputs + MLP.outputs;

/** W1/W2 inputs: pᵢ = sin i, gᵢ = 10⁻³·cos i. */
export function fillStepInputs(p, g) {
  for (let i = 0; i < p.length; i++) {
    p[i] = Math.sin(i);
    g[i] = Math.cos(i) * 1e-3;
  }
}

/**
 * W3 data: X (rows × 100, row-major) uniform in [−1, 1) from seed 3; true weights w*
 * uniform in [−1, 1) from seed 4; yᵣ = 1 if u < σ(xᵣ·w*) (u from seed 5), else 0; the
 * evaluation point wⱼ = 0.01·((j mod 11) − 5), bias 0.1. `Ctor` is Float64Array or
 * Float32Array (X and y are generated in float64 and rounded once).
 */
export function logisticData(rows, Ctor = Float64Array, d = LOGISTIC_FEATURES) {
  const rx = seeded(3);
  const rw = seeded(4);
  const ry = seeded(5);
  const wstar = new Float64Array(d);
  for (let j = 0; j < d; j++) wstar[j] = 2 * rw() - 1;
  const X = new Ctor(rows * d);
  for (let i = 0; i < rows * d; i++) X[i] = 2 * rx() - 1;
  const y = new Ctor(rows);
  for (let r = 0; r < rows; r++) {
    let z = 0;
    for (let j = 0; j < d; j++) z += X[r * d + j] * wstar[j];
    y[r] = ry() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  const w = new Ctor(d + 1);
  for (let j = 0; j < d; j++) w[j] = 0.01 * ((j % 11) - 5);
  w[d] = 0.1;
  return { X, y, w, rows, d };
}

/**
 * W5 data: a batch of 64 inputs uniform in [0, 1) (seed 11), labels b mod 10; weights
 * He-uniform (U(−√(6/fan_in), √(6/fan_in)), seed 12: all of W1, then all of W2), biases 0.
 */
export function mlpData() {
  const { inputs, hidden, outputs, batch } = MLP;
  const rx = seeded(11);
  const rp = seeded(12);
  const x = new Float32Array(batch * inputs);
  for (let i = 0; i < x.length; i++) x[i] = rx();
  const labels = new Int32Array(batch);
  for (let b = 0; b < batch; b++) labels[b] = b % outputs;
  const oneHot = new Float32Array(batch * outputs);
  for (let b = 0; b < batch; b++) oneHot[b * outputs + labels[b]] = 1;
  const W1 = new Float32Array(inputs * hidden);
  const l1 = Math.sqrt(6 / inputs);
  for (let i = 0; i < W1.length; i++) W1[i] = (2 * rp() - 1) * l1;
  const W2 = new Float32Array(hidden * outputs);
  const l2 = Math.sqrt(6 / hidden);
  for (let i = 0; i < W2.length; i++) W2[i] = (2 * rp() - 1) * l2;
  const b1 = new Float32Array(hidden);
  const b2 = new Float32Array(outputs);
  return { x, labels, oneHot, W1, b1, W2, b2 };
}
