import { describe, expect, it } from "vitest";
import {
  adadelta, adagrad, adam, adamax, adamw, lion, loadBackend, nadam, rmsprop, sgd, type Backend, type Optimizer,
} from "../bindings/index";
import { SMALL_PROBLEM } from "../bindings/optimizers/StateStepper";
import { firstDifference } from "./support/random";

// Every optimizer, through its stepper, gives the same bits on every backend — below
// SMALL_PROBLEM (where steps run on the reference kernels) and above it (where they run
// in WebAssembly), on downhill vectors and on plain typed arrays.
const makers: Record<string, (backend: Backend) => Optimizer> = {
  "sgd nesterov": (backend) => sgd({ learningRate: 1e-3, momentum: 0.9, nesterov: true, weightDecay: 1e-4, backend }),
  "adam amsgrad": (backend) => adam({ learningRate: 1e-2, amsgrad: true, weightDecay: 1e-3, backend }),
  adamw: (backend) => adamw({ learningRate: 1e-2, backend }),
  adagrad: (backend) => adagrad({ learningRate: 0.1, learningRateDecay: 0.01, backend }),
  "rmsprop centered": (backend) => rmsprop({ learningRate: 1e-3, centered: true, momentum: 0.9, backend }),
  adadelta: (backend) => adadelta({ weightDecay: 1e-3, backend }),
  adamax: (backend) => adamax({ backend }),
  nadam: (backend) => nadam({ decoupledWeightDecay: true, weightDecay: 0.01, backend }),
  lion: (backend) => lion({ learningRate: 1e-3, weightDecay: 0.1, backend }),
};

function trajectory(backend: Backend, make: (b: Backend) => Optimizer, n: number, precision: "float64" | "float32", vectors: boolean) {
  const x = vectors ? backend.vector(n, precision) : precision === "float64" ? new Float64Array(n) : new Float32Array(n);
  const g = vectors ? backend.vector(n, precision) : precision === "float64" ? new Float64Array(n) : new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = i % 2 ? 1 : -1.2;
  const opt = make(backend);
  for (let t = 0; t < 25; t++) {
    for (let i = 0; i < n; i += 2) {
      g[i] = -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
      g[i + 1] = 200 * (x[i + 1] - x[i] * x[i]);
    }
    opt.step(x, g);
  }
  const result = x.slice();
  if (vectors) [x, g].forEach((v) => backend.free(v));
  opt.reset();
  return result;
}

describe("optimizers give the same bits on every backend", async () => {
  const [ts, simd, scalar] = await Promise.all((["ts", "wasm-simd", "wasm"] as const).map(loadBackend));
  for (const [name, make] of Object.entries(makers)) {
    it(`${name}: n = ${SMALL_PROBLEM - 2} and n = 1000, float64 and float32, vectors and plain arrays`, () => {
      for (const n of [SMALL_PROBLEM - 2, 1000]) {
        for (const precision of ["float64", "float32"] as const) {
          const reference = trajectory(ts, make, n, precision, false);
          for (const backend of [simd, scalar]) {
            for (const vectors of [true, false]) {
              const got = trajectory(backend, make, n, precision, vectors);
              expect(firstDifference(got, reference), `${backend.name} n=${n} ${precision} vectors=${vectors}`).toBe(-1);
            }
          }
        }
      }
    });
  }
});
