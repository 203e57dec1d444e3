// The first part of npm start: a large problem on every backend.
//
// A weighted least-squares problem with 1,000,000 parameters,
//   f(x) = ½ Σ d_i (x_i − c_i)²,   d_i from 1 to 100 (condition number 100),
// with a target c drawn from a seeded generator, minimized by SGD with momentum and by
// Adam, in float64 and float32, on the wasm-simd, wasm and ts backends. The gradient
// g = d ⊙ (x − c) and the loss run on the same backend's kernels as the update, so the
// whole loop stays in WebAssembly memory with no copies.
import { adam, loadBackend, sgd } from "downhill";
import { printTable } from "./printTable.mjs";

const N = 1_000_000;
const STEPS = 100;
const BACKENDS = ["wasm-simd", "wasm", "ts"];
const RUNS = [
  { label: "SGD momentum 0.9, η = 0.01", make: (backend) => sgd({ learningRate: 0.01, momentum: 0.9, backend }) },
  { label: "Adam, η = 0.05", make: (backend) => adam({ learningRate: 0.05, backend }) },
];

/** mulberry32: the seeded generator behind the embedded target c. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function problem(backend, precision) {
  const random = seeded(2026);
  const x = backend.vector(N, precision);
  const grads = backend.vector(N, precision);
  const residual = backend.vector(N, precision);
  const d = backend.vector(N, precision);
  const c = backend.vector(N, precision);
  for (let i = 0; i < N; i++) {
    d[i] = 1 + (99 * i) / (N - 1);
    c[i] = 2 * random() - 1;
  }
  const k = backend.kernels[precision];
  /** Writes ∇f(x) into grads and returns f(x): r = x − c, g = d ⊙ r, f = ½ r·g. */
  const valueAndGradient = (x) => {
    k.copy(x, residual);
    k.axpy(-1, c, residual);
    k.multiply(d, residual, grads);
    return 0.5 * k.dot(residual, grads);
  };
  const release = () => [x, grads, residual, d, c].forEach((v) => backend.free(v));
  return { x, grads, valueAndGradient, release };
}

/** Runs the comparison and prints its table. */
export async function leastSquares() {
  const rows = [];
  for (const precision of ["float64", "float32"]) {
    for (const run of RUNS) {
      const timings = {};
      for (const name of BACKENDS) {
        const backend = await loadBackend(name);
        const { x, grads, valueAndGradient, release } = problem(backend, precision);
        const optimizer = run.make(backend);
        const initial = valueAndGradient(x);
        optimizer.step(x, grads); // the first step sizes the optimizer's state
        const started = performance.now();
        for (let t = 1; t < STEPS; t++) {
          valueAndGradient(x);
          optimizer.step(x, grads);
        }
        const perStep = (performance.now() - started) / (STEPS - 1);
        const final = valueAndGradient(x);
        timings[name] = perStep;
        optimizer.reset(); // frees its state
        release();
        rows.push({ precision, optimizer: run.label, backend: name, initial, final, perStep });
      }
      for (const row of rows.slice(-BACKENDS.length)) row.speedUp = timings.ts / row.perStep;
    }
  }

  console.log(`Weighted least squares, ${N.toLocaleString("en-US")} parameters, condition number 100, ${STEPS} steps`);
  console.log("(gradient, loss and update all run on the named backend; time per step = gradient + update)\n");
  printTable(
    ["precision", "optimizer", "backend", "steps", "loss at start", "final loss", "ms / step", "vs ts"],
    rows.map((r) => [
      r.precision, r.optimizer, r.backend, String(STEPS),
      r.initial.toExponential(4), r.final.toExponential(4), r.perStep.toFixed(2), `${r.speedUp.toFixed(1)}×`,
    ]),
    3,
  );
}
