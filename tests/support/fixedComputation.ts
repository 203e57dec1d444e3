// One fixed computation, run identically in Node and in Chromium: optimizer steps on
// the 10,000-dimensional chained Rosenbrock function, whose gradient uses only
// + − × (correctly rounded in every engine). Returns a digest of the final bits.

type Lib = typeof import("../../bindings/index");

export interface FixedResult {
  backend: string;
  digest: string;
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

/** Runs adam, amsgrad+L2, adamw and sgd-nesterov for STEPS steps each, in both precisions. */
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
  return { backend: backendName, digest: digestOf(...results), value };
}
