// Kernel suites: every fused optimizer update (through the optimizers' own `step`, as
// a user calls it), dot and axpy, at each size, in each precision, on each backend,
// plus the plain-loop baseline where one exists (Adam, SGD, dot, axpy).
import { driver, fnDriver, measureGroup } from "./harness.mjs";
import { arena, plainAdam32, plainAdam64, plainAxpy, plainDot, plainSgd32, plainSgd64 } from "./plainLoops.mjs";

export const KERNEL_SIZES = [10, 100, 1_000, 10_000, 100_000, 1_000_000];
export const PRECISIONS = ["float64", "float32"];
export const BACKENDS = ["wasm-simd", "wasm", "ts"];

/** The optimizer configuration each kernel row uses (defaults are PyTorch's). */
export const OPTIMIZER_SETTINGS = {
  sgd: ["sgd", { learningRate: 0.01, momentum: 0.9 }],
  adam: ["adam", { learningRate: 1e-3 }],
  adagrad: ["adagrad", {}],
  rmsprop: ["rmsprop", {}],
  adadelta: ["adadelta", {}],
  adamax: ["adamax", {}],
  nadam: ["nadam", {}],
  lion: ["lion", {}],
};

export const KERNELS = [...Object.keys(OPTIMIZER_SETTINGS), "dot", "axpy"];

const PLAIN = {
  adam: { float64: plainAdam64, float32: plainAdam32 },
  sgd: { float64: plainSgd64, float32: plainSgd32 },
};

function fillInputs(x, g) {
  for (let i = 0; i < x.length; i++) {
    x[i] = Math.sin(i);
    g[i] = Math.cos(i) * 1e-3;
  }
}

/**
 * Sets up one kernel on one implementation and returns its timed loop and a cleanup.
 * `impl` is a Backend, or "plain" for the hand-written loop.
 */
function prepare(dh, kernel, precision, n, impl) {
  if (impl === "plain") {
    const Ctor = precision === "float32" ? Float32Array : Float64Array;
    const alloc = arena(Ctor, n, 4);
    const x = alloc();
    const g = alloc();
    fillInputs(x, g);
    if (kernel === "dot") return { run: fnDriver(plainDot, x, g), done() {} };
    if (kernel === "axpy") return { run: fnDriver(plainAxpy, 1e-9, g, x), done() {} };
    const opt = PLAIN[kernel][precision](n, OPTIMIZER_SETTINGS[kernel][1], alloc);
    opt.step(x, g);
    return { run: driver(opt, "step", x, g), done() {} };
  }
  const backend = impl;
  let x = backend.vector(n, precision);
  let g = backend.vector(n, precision);
  fillInputs(x, g);
  const free = () => {
    backend.free(backend.refresh(x));
    backend.free(backend.refresh(g));
  };
  const k = backend.kernels[precision];
  if (kernel === "dot") return { run: driver(k, "dot", x, g), done: free };
  if (kernel === "axpy") return { run: driver(k, "axpy", 1e-9, g, x), done: free };
  const [factory, options] = OPTIMIZER_SETTINGS[kernel];
  const opt = dh[factory]({ ...options, backend });
  opt.step(x, g); // sizes the optimizer's state, which may grow memory and detach views
  x = backend.refresh(x);
  g = backend.refresh(g);
  return {
    run: driver(opt, "step", x, g),
    done() {
      opt.reset();
      free();
    },
  };
}

/** Does this kernel have a plain-loop baseline? */
export const hasPlain = (kernel) => kernel === "dot" || kernel === "axpy" || kernel in PLAIN;

/**
 * Runs the kernel suite. Returns one record per (kernel, precision, n, impl) with
 * per-call times in ms.
 * @param {object} o
 * @param {object} o.dh the downhill module
 * @param {string[]} [o.backends] backend names
 * @param {number[]} [o.sizes]
 * @param {string[]} [o.precisions]
 * @param {string[]} [o.kernels]
 * @param {string} [o.suite] the record's suite name
 */
export async function runKernelSuite({
  dh, backends = BACKENDS, sizes = KERNEL_SIZES, precisions = PRECISIONS, kernels = KERNELS,
  timing, plain = true, suite = "kernels", log = () => {},
}) {
  const loaded = await Promise.all(backends.map((name) => dh.loadBackend(name)));
  const records = [];
  for (const precision of precisions) {
    for (const n of sizes) {
      for (const kernel of kernels) {
        const impls = [...loaded, ...(plain && hasPlain(kernel) ? ["plain"] : [])];
        const names = impls.map((impl) => (impl === "plain" ? "plain" : impl.name));
        const prepared = [];
        let results;
        try {
          for (const impl of impls) prepared.push(prepare(dh, kernel, precision, n, impl));
          results = await measureGroup(
            prepared.map((p, k) => ({ name: `${kernel} ${precision} n=${n} ${names[k]}`, run: p.run })),
            timing,
          );
        } finally {
          for (const p of prepared) p.done();
        }
        const line = [];
        results.forEach((stats, k) => {
          records.push({ suite, kernel, precision, n, impl: names[k], ...stats });
          line.push(`${names[k]} ${formatMs(stats.median)}`);
        });
        log(`${suite} ${kernel.padEnd(8)} ${precision} n=${String(n).padEnd(7)} ${line.join("  ")}`);
      }
    }
  }
  return records;
}

/** Time in ms as a short human string (ns, µs or ms). */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 1e-3) return `${(ms * 1e6).toPrecision(3)} ns`;
  if (ms < 1) return `${(ms * 1e3).toPrecision(3)} µs`;
  if (ms < 1000) return `${ms.toPrecision(3)} ms`;
  return `${(ms / 1000).toPrecision(3)} s`;
}

/**
 * Where the time of a tiny step goes (n = 2 by default): the same Adam / SGD-momentum
 * update called four ways on each WebAssembly backend — the raw WebAssembly export
 * with precomputed pointers, the backend's kernel wrapper (argument checks, pointer
 * lookup), the optimizer's `step` (validation, state bookkeeping) — and `step` on the
 * ts backend, against the plain loop. The raw-export rows call the module's internal
 * ABI (bindings/backends/wasmBackend.ts) and are skipped if it changes.
 */
export async function runOverheadSuite({ dh, n = 2, precisions = PRECISIONS, timing, log = () => {} }) {
  const records = [];
  const wasmBackends = [];
  for (const name of ["wasm-simd", "wasm"]) {
    try {
      wasmBackends.push(await dh.loadBackend(name));
    } catch {
      // not available in this engine
    }
  }
  const ts = await dh.loadBackend("ts");
  for (const precision of precisions) {
    const suffix = precision === "float32" ? "F32" : "F64";
    for (const kernel of ["adam", "sgd"]) {
      const tasks = [];
      const cleanups = [];
      try {
        for (const backend of wasmBackends) {
          const k = backend.kernels[precision];
          const vectors = Array.from({ length: 4 }, () => backend.vector(n, precision));
          cleanups.push(() => vectors.forEach((v) => backend.free(backend.refresh(v))));
          const [p, g, s1, s2] = vectors;
          fillInputs(p, g);
          const raw = backend.exports?.[`${kernel}${suffix}`];
          const at = (v) => backend.address(v, "bench");
          if (kernel === "adam") {
            const c = {
              beta1: 0.9, oneMinusBeta1: 0.1, beta2: 0.999, oneMinusBeta2: 0.001, stepSize: 1e-3,
              biasCorrection2Sqrt: 0.5, epsilon: 1e-8, weightDecay: 0, decay: 1, decoupled: false, amsgrad: false,
            };
            if (typeof raw === "function" && backend.address) {
              tasks.push({ name: `${backend.name} export`, run: fnDriver(raw, at(p), at(g), at(s1), at(s2), 0, n, 0.9, 0.1, 0.999, 0.001, 1e-3, 0.5, 1e-8, 0, 1, 0) });
            }
            tasks.push({ name: `${backend.name} kernel`, run: driver(k, "adam", p, g, s1, s2, null, c) });
          } else {
            const c = { learningRate: 0.01, momentum: 0.9, oneMinusDampening: 1, weightDecay: 0, nesterov: false, firstStep: false };
            if (typeof raw === "function" && backend.address) {
              tasks.push({ name: `${backend.name} export`, run: fnDriver(raw, at(p), at(g), at(s1), n, 0.01, 0.9, 1, 0, 2) });
            }
            tasks.push({ name: `${backend.name} kernel`, run: driver(k, "sgd", p, g, s1, c) });
          }
        }
        for (const backend of [...wasmBackends, ts]) {
          let p = backend.vector(n, precision);
          let g = backend.vector(n, precision);
          fillInputs(p, g);
          const [factory, options] = OPTIMIZER_SETTINGS[kernel];
          const opt = dh[factory]({ ...options, backend });
          opt.step(p, g);
          p = backend.refresh(p);
          g = backend.refresh(g);
          cleanups.push(() => {
            opt.reset();
            backend.free(backend.refresh(p));
            backend.free(backend.refresh(g));
          });
          tasks.push({ name: `${backend.name} step`, run: driver(opt, "step", p, g) });
        }
        {
          const Ctor = precision === "float32" ? Float32Array : Float64Array;
          const alloc = arena(Ctor, n, 4);
          const p = alloc();
          const g = alloc();
          fillInputs(p, g);
          const opt = PLAIN[kernel][precision](n, OPTIMIZER_SETTINGS[kernel][1], alloc);
          opt.step(p, g);
          tasks.push({ name: "plain", run: driver(opt, "step", p, g) });
        }
        const results = await measureGroup(tasks, timing);
        results.forEach((stats, k) => records.push({ suite: "overhead", kernel, precision, n, impl: tasks[k].name, ...stats }));
        log(`overhead ${kernel} ${precision} n=${n}: ${results.map((s, k) => `${tasks[k].name} ${formatMs(s.median)}`).join("  ")}`);
      } finally {
        for (const c of cleanups) c();
      }
    }
  }
  return records;
}
