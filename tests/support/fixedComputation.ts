// One fixed computation, run identically in Node and in Chromium: optimizer steps on
// the 10,000-dimensional chained Rosenbrock function, whose gradient uses only
// + − × (correctly rounded in every engine). Returns a digest of the final bits.

type Lib = typeof import("../../bindings/index");

export interface FixedResult {
  backend: string;
  /** Digest of everything that must be identical on every backend and in every engine. */
  digest: string;
  /**
   * Digest of Ackley's gradient and finite differences: transcendental functions, so
   * identical across engines on the WebAssembly backends (AssemblyScript's own Math) but
   * not on the ts backend (the host's Math), and not between the two kinds of backend.
   */
  transcendentalDigest: string;
  value: number;
}

const DIM = 10_000;
const STEPS = 1000;

/** FNV-1a over the bytes of the arrays. */
export function digestOf(...arrays: ArrayBufferView[]): string {
  let h = 0x811c9dc5;
  for (const a of arrays) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

function rosenbrockGradient(x: Float64Array | Float32Array, g: Float64Array | Float32Array): number {
  let f = 0;
  g.fill(0);
  for (let i = 0; i < x.length - 1; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * a * x[i] - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
}

/**
 * Runs adam, amsgrad+L2, adamw and sgd-nesterov for STEPS steps each, in both precisions,
 * then minimize, landscapes, finite differences, a schedule and L-BFGS-B.
 */
export async function runFixedComputation(lib: Lib, backendName: "wasm-simd" | "wasm" | "ts"): Promise<FixedResult> {
  const backend = await lib.loadBackend(backendName);
  const results: ArrayBufferView[] = [];
  let value = 0;
  for (const precision of ["float64", "float32"] as const) {
    const makers = [
      () => lib.adam({ learningRate: 1e-3, backend }),
      () => lib.adam({ learningRate: 1e-3, amsgrad: true, weightDecay: 1e-2, backend }),
      () => lib.adamw({ learningRate: 1e-3, backend }),
      () => lib.sgd({ learningRate: 1e-4, momentum: 0.9, nesterov: true, weightDecay: 1e-3, backend }),
    ];
    for (const make of makers) {
      const x = backend.vector(DIM, precision);
      const g = backend.vector(DIM, precision);
      for (let i = 0; i < DIM; i++) x[i] = i % 2 === 0 ? -1.2 : 1; // the standard start
      const opt = make();
      for (let t = 0; t < STEPS; t++) {
        value = rosenbrockGradient(x, g);
        opt.step(x, g);
      }
      results.push(backend.refresh(x).slice());
      backend.free(x);
      backend.free(g);
      opt.reset();
    }
  }
  // minimize (L-BFGS with a Moré–Thuente line search) on a landscape evaluated by the
  // backend, Ackley's transcendental gradient and its finite differences, a nadam run
  // driven by a cosine schedule, and L-BFGS-B with bounds.
  const rosen = lib.landscape("extendedRosenbrock", { dim: 200, backend });
  const solved = lib.minimize(rosen, rosen.x0, { backend, gradientTolerance: 1e-10 });
  const ackley = lib.landscape("ackley", { dim: 64, backend });
  const x = Float64Array.from({ length: 64 }, (_, i) => (((i * 37) % 17) - 8) * 0.04);
  const g = new Float64Array(64), fd = new Float64Array(64);
  ackley.valueAndGradient(x, g);
  ackley.differenceGradient(x, fd);
  const schedule = lib.cosineSchedule({ learningRate: 0.05, totalSteps: 300, warmupSteps: 20, minLearningRate: 1e-4 });
  const opt = lib.nadam({ backend });
  const y = Float64Array.from(rosen.x0), gy = new Float64Array(200);
  for (let t = 0; t < 300; t++) {
    rosen.valueAndGradient(y, gy);
    opt.learningRate = schedule.learningRate(t);
    opt.step(y, gy);
  }
  const bounded = lib.minimize(lib.problems.extendedRosenbrock(50), lib.problems.extendedRosenbrock(50).x0, {
    bounds: { lower: -1, upper: 0.9 },
  });
  results.push(solved.x, Float64Array.of(solved.iterations, solved.evaluations), y, bounded.x);
  return { backend: backendName, digest: digestOf(...results), transcendentalDigest: digestOf(g, fd), value };
}
