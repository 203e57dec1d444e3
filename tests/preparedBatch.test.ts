import { beforeAll, describe, expect, it } from "vitest";
import {
  DownhillError, hinge, init, linearRegression, loadBackend, logisticRegression, matrixFactorization, mlp, mse, seededRandom,
  softmaxRegression, type Backend, type Model, type ModelData,
} from "../bindings/index";

// model.prepare: data checked and copied once, then valueAndGradient with no per-call
// checks or copies — bit-identical to the unprepared path on every backend and precision.

type Precision = "float64" | "float32";
const PRECISIONS: Precision[] = ["float64", "float32"];
const BACKEND_NAMES = ["wasm-simd", "wasm", "ts"] as const;

function expectError(fn: () => unknown, code: string, argument: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a DownhillError").toBeInstanceOf(DownhillError);
  expect((caught as DownhillError).code).toBe(code);
  expect((caught as DownhillError).argument).toBe(argument);
}

function normals(n: number, seed: number, scale = 1): number[] {
  const r = seededRandom({ seed });
  return Array.from({ length: n }, () => scale * r.normal());
}

function labels(n: number, classes: number, seed: number): number[] {
  const r = seededRandom({ seed });
  return Array.from({ length: n }, () => Math.min(classes - 1, Math.floor(r.uniform() * classes)));
}

interface Case {
  name: string;
  make: (backend: Backend, precision: Precision) => Model;
  data: (precision: Precision) => ModelData;
}

const ROWS = 37;
const flat = (values: number[], precision: Precision) => (precision === "float32" ? Float32Array.from(values) : Float64Array.from(values));

const CASES: Case[] = [
  {
    name: "logisticRegression (flat typed x, weights)",
    make: (backend, precision) => logisticRegression({ inputs: 5, l2: 0.01, precision, backend }),
    data: (precision) => ({ x: flat(normals(ROWS * 5, 1), precision), y: labels(ROWS, 2, 2), weights: normals(ROWS, 3).map(Math.abs) }),
  },
  {
    name: "linearRegression (rows, groups)",
    make: (backend, precision) => linearRegression({ inputs: 3, outputs: 2, precision, backend }),
    data: () => {
      const x = normals(ROWS * 3, 4);
      return {
        x: Array.from({ length: ROWS }, (_, i) => x.slice(3 * i, 3 * i + 3)),
        y: normals(ROWS * 2, 5),
        groups: Array.from({ length: ROWS }, (_, i) => i % 4),
      };
    },
  },
  {
    name: "softmaxRegression",
    make: (backend, precision) => softmaxRegression({ inputs: 4, classes: 3, l2: 0.1, precision, backend }),
    data: (precision) => ({ x: flat(normals(ROWS * 4, 6), precision), y: labels(ROWS, 3, 7) }),
  },
  {
    name: "mlp with batch norm",
    make: (backend, precision) => mlp({ layers: [4, 8, 6, 3], activation: "tanh", batchNorm: true, l2: 0.01, seed: 3, precision, backend }),
    data: (precision) => ({ x: flat(normals(ROWS * 4, 8), precision), y: labels(ROWS, 3, 9) }),
  },
  {
    name: "matrixFactorization",
    make: (backend, precision) => matrixFactorization({ users: 6, items: 5, rank: 2, l2: 0.01, seed: 4, precision, backend }),
    data: () => {
      const u = labels(ROWS, 6, 10), v = labels(ROWS, 5, 11);
      return { x: u.flatMap((user, i) => [user, v[i]]), y: normals(ROWS, 12) };
    },
  },
];

beforeAll(async () => {
  await init();
});

describe("model.prepare", () => {
  for (const backendName of BACKEND_NAMES) {
    for (const precision of PRECISIONS) {
      for (const c of CASES) {
        it(`${c.name}: prepared equals unprepared bit for bit (${backendName}, ${precision})`, async () => {
          const backend = await loadBackend(backendName);
          const model = c.make(backend, precision);
          const data = c.data(precision);
          const Ctor = precision === "float32" ? Float32Array : Float64Array;
          const r = seededRandom({ seed: 21 });
          const params = model.parameters.slice();
          for (let i = 0; i < params.length; i++) params[i] += 0.1 * r.normal();
          const g1 = new Ctor(model.parameterCount), g2 = new Ctor(model.parameterCount);
          const v1 = model.valueAndGradient(params, g1, data);
          const batch = model.prepare(data);
          expect(batch.rows).toBe(ROWS);
          expect(batch.model).toBe(model);
          const v2 = model.valueAndGradient(params, g2, batch);
          expect(Object.is(v2, v1)).toBe(true);
          expect(Array.from(g2)).toEqual(Array.from(g1));
          // Twice more, with the model's own parameters and a gradient vector of the backend (the zero-copy path).
          model.parameters.set(params);
          let grads = backend.vector(model.parameterCount, precision);
          const v3 = model.valueAndGradient(model.parameters, grads, batch);
          grads = backend.refresh(grads);
          expect(Object.is(v3, v1)).toBe(true);
          expect(Array.from(grads)).toEqual(Array.from(g1));
          backend.free(grads);
          batch.free();
          expect(batch.freed).toBe(true);
          model.free();
        });
      }
    }
  }

  it("survives memory growth between prepare and use", async () => {
    const backend = await loadBackend("wasm-simd");
    const model = logisticRegression({ inputs: 3, backend });
    const data = { x: normals(30, 1), y: labels(10, 2, 2) };
    const batch = model.prepare(data);
    const big = backend.vector(40_000_000, "float64"); // grows memory: detaches every view
    const g1 = new Float64Array(4), g2 = new Float64Array(4);
    const params = Float64Array.from([0.1, -0.2, 0.3, 0.05]);
    const v1 = model.valueAndGradient(params, g1, data);
    const v2 = model.valueAndGradient(params, g2, batch);
    expect(v2).toBe(v1);
    expect(Array.from(g2)).toEqual(Array.from(g1));
    backend.free(backend.refresh(big));
    batch.free();
    model.free();
  });

  it("accepts a loss whose checks the targets pass and refuses one whose checks they do not", () => {
    const model = logisticRegression({ inputs: 2 });
    const data = { x: [[0, 1], [1, 0], [2, 2]], y: [0, 1, 1] };
    const g = new Float64Array(3);
    const forBce = model.prepare(data); // binaryCrossEntropy: targets in [0, 1]
    expect(forBce.targetKind).toBe("probabilities");
    expectError(() => model.valueAndGradient(model.parameters, g, forBce, { loss: hinge() }), "INVALID_OPTION", "loss");
    expect(model.valueAndGradient(model.parameters, g, forBce, { loss: mse() }))
      .toBe(model.valueAndGradient(model.parameters, g, data, { loss: mse() }));
    const forHinge = model.prepare(data, { loss: hinge() }); // 0/1 labels: serve every loss of this model
    expect(forHinge.targetKind).toBe("binary");
    expect(model.valueAndGradient(model.parameters, g, forHinge, { loss: hinge() }))
      .toBe(model.valueAndGradient(model.parameters, g, data, { loss: hinge() }));
    expect(model.valueAndGradient(model.parameters, g, forHinge)).toBe(model.valueAndGradient(model.parameters, g, data));
    const forMse = model.prepare({ x: data.x, y: [0.5, 2, -1] }, { loss: mse() });
    expect(forMse.targetKind).toBe("values");
    expectError(() => model.valueAndGradient(model.parameters, g, forMse), "INVALID_OPTION", "loss");
    for (const b of [forBce, forHinge, forMse]) b.free();
    model.free();
  });

  it("checks the data once, with the same errors as valueAndGradient", () => {
    const model = logisticRegression({ inputs: 2 });
    expectError(() => model.prepare({ x: [[0, 1], [1, NaN]], y: [0, 1] }), "INVALID_DATA", "x");
    expectError(() => model.prepare({ x: [[0, 1], [1, 0]], y: [0, 2] }), "INVALID_DATA", "y");
    expectError(() => model.prepare({ x: [[0, 1], [1, 0]], y: [0] }), "LENGTH_MISMATCH", "y");
    expectError(() => model.prepare({ x: [[0, 1]], y: [0], extra: 1 } as unknown as ModelData), "UNKNOWN_OPTION", "extra");
    expectError(() => model.prepare(null as unknown as ModelData), "WRONG_TYPE", "data");
    model.free();
  });

  it("refuses a freed batch, a batch of another model, and a freed model", () => {
    const a = logisticRegression({ inputs: 2 });
    const b = logisticRegression({ inputs: 2 });
    const data = { x: [[0, 1], [1, 0]], y: [0, 1] };
    const batch = a.prepare(data);
    const g = new Float64Array(3);
    expectError(() => b.valueAndGradient(b.parameters, g, batch), "INVALID_OPTION", "batch");
    batch.free();
    batch.free(); // idempotent
    expectError(() => a.valueAndGradient(a.parameters, g, batch), "INVALID_STATE", "batch");
    a.free();
    expectError(() => a.prepare(data), "INVALID_STATE", "model");
    b.free();
  });
});
