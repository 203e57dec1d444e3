import { beforeAll, describe, expect, it } from "vitest";
import {
  adam, DownhillError, init, linearRegression, loadBackend, logisticRegression, matrixFactorization, mlp, predict,
  seededRandom, softmaxRegression, train, twoSpirals, type Model, type ModelState,
} from "../bindings/index";

// model.state() / model.loadState(): parameters and batch-norm running statistics, saved
// as plain structured-clone-safe data and restored bit for bit; bad states are refused
// with INVALID_STATE and leave the model unchanged.

type Precision = "float64" | "float32";

function expectError(fn: () => unknown, code: string, argument?: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a DownhillError").toBeInstanceOf(DownhillError);
  expect((caught as DownhillError).code).toBe(code);
  if (argument !== undefined) expect((caught as DownhillError).argument).toBe(argument);
}

beforeAll(async () => {
  await init();
});

const spirals = twoSpirals({ points: 40, turns: 1.5, seed: 1 });

function same(a: ArrayLike<number>, b: ArrayLike<number>): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) expect(`[${i}] ${b[i]}`).toBe(`[${i}] ${a[i]}`);
}

describe("model state", () => {
  for (const backendName of ["wasm-simd", "wasm", "ts"] as const) {
    for (const precision of ["float64", "float32"] as Precision[]) {
      it(`mlp with batch norm: train 3 epochs, save, restore into a fresh model, identical predictions (${backendName}, ${precision})`, async () => {
        const backend = await loadBackend(backendName);
        const make = (seed: number) => mlp({ layers: [2, 16, 8, 2], batchNorm: true, l2: 1e-4, seed, precision, backend });
        const model = make(1);
        train(model, { x: spirals.x, y: spirals.y, optimizer: adam({ learningRate: 0.01, backend }), batchSize: 16, epochs: 3, seed: 2 });
        const saved = structuredClone(model.state());
        expect(saved.format).toBe("downhill/model-state");
        expect(saved.version).toBe(1);
        expect(saved.model).toBe("mlp");
        expect(Object.keys(saved.statistics).sort()).toEqual(
          ["layer1.runningMean", "layer1.runningVariance", "layer2.runningMean", "layer2.runningVariance"],
        );
        const fresh = make(99); // other initial weights: loadState replaces them
        fresh.loadState(saved);
        same(fresh.parameters, model.parameters);
        same(predict(fresh, spirals.x), predict(model, spirals.x));
        // The state is a copy: training the original further does not change it.
        const before = saved.parameters.slice();
        train(model, { x: spirals.x, y: spirals.y, optimizer: adam({ backend }), batchSize: 16, epochs: 1, seed: 3 });
        same(saved.parameters, before);
        model.free();
        fresh.free();
      });
    }
  }

  it("restores every model kind, across backends", async () => {
    const simd = await loadBackend("wasm-simd");
    const ts = await loadBackend("ts");
    const makers: Array<(backend: typeof simd) => Model> = [
      (backend) => linearRegression({ inputs: 3, outputs: 2, l2: 0.1, backend }),
      (backend) => logisticRegression({ inputs: 3, backend }),
      (backend) => softmaxRegression({ inputs: 3, classes: 4, precision: "float32", backend }),
      (backend) => mlp({ layers: [3, 5, 1], activation: "tanh", seed: 4, backend }),
      (backend) => matrixFactorization({ users: 4, items: 3, rank: 2, biases: false, seed: 5, backend }),
    ];
    for (const make of makers) {
      const a = make(simd);
      const r = seededRandom({ seed: 7 });
      const p = a.parameters;
      for (let i = 0; i < p.length; i++) p[i] = r.normal();
      const b = make(ts);
      b.loadState(structuredClone(a.state()));
      same(b.parameters, a.parameters);
      a.free();
      b.free();
    }
  });

  describe("refuses a mismatched or corrupted state and leaves the model unchanged", () => {
    const make = (options: Partial<Parameters<typeof mlp>[0]> = {}) =>
      mlp({ layers: [2, 6, 2], batchNorm: true, l2: 0.01, seed: 1, ...options });
    const trained = (): ModelState => {
      const m = make({ seed: 3 });
      train(m, { x: spirals.x, y: spirals.y, optimizer: adam(), batchSize: 20, epochs: 1, seed: 1 });
      const s = m.state();
      m.free();
      return s;
    };
    const cases: Array<[string, (s: ModelState) => unknown, string?]> = [
      ["not an object", () => null],
      ["another format", (s) => ({ ...s, format: "something/else" })],
      ["another version", (s) => ({ ...s, version: 2 })],
      ["another model kind", (s) => ({ ...s, model: "linearRegression" })],
      ["another precision", (s) => ({ ...s, precision: "float32" }), "precision"],
      ["other layers", (s) => ({ ...s, options: { ...s.options, layers: [2, 7, 2] } }), "layers"],
      ["another l2", (s) => ({ ...s, options: { ...s.options, l2: 0 } }), "l2"],
      ["no batch norm", (s) => ({ ...s, options: { ...s.options, batchNorm: false } }), "batchNorm"],
      ["another activation", (s) => ({ ...s, options: { ...s.options, activation: 2 } }), "activation"],
      ["an unknown option", (s) => ({ ...s, options: { ...s.options, dropout: 0.5 } }), "dropout"],
      ["missing options", (s) => ({ ...s, options: undefined })],
      ["parameters too short", (s) => ({ ...s, parameters: s.parameters.slice(1) }), "parameters"],
      ["parameters of the wrong type", (s) => ({ ...s, parameters: Float32Array.from(s.parameters) }), "parameters"],
      ["parameters as a plain array", (s) => ({ ...s, parameters: Array.from(s.parameters) }), "parameters"],
      ["a NaN parameter", (s) => { const p = s.parameters.slice(); p[p.length - 1] = NaN; return { ...s, parameters: p }; }, "parameters"],
      ["missing statistics", (s) => ({ ...s, statistics: {} }), "layer1.runningMean"],
      ["unexpected statistics", (s) => ({ ...s, statistics: { ...s.statistics, "layer2.runningMean": new Float64Array(2) } }), "layer2.runningMean"],
      ["a negative running variance", (s) => {
        const v = s.statistics["layer1.runningVariance"].slice();
        v[0] = -1;
        return { ...s, statistics: { ...s.statistics, "layer1.runningVariance": v } };
      }, "layer1.runningVariance"],
      ["statistics of the wrong length", (s) => ({ ...s, statistics: { ...s.statistics, "layer1.runningMean": new Float64Array(5) } }), "layer1.runningMean"],
    ];
    for (const [name, corrupt, argument] of cases) {
      it(name, () => {
        const saved = trained();
        const model = make();
        const before = model.state();
        const predictionsBefore = predict(model, spirals.x);
        expectError(() => model.loadState(corrupt(structuredClone(saved)) as ModelState), "INVALID_STATE", argument);
        const after = model.state();
        same(after.parameters, before.parameters);
        for (const key of Object.keys(before.statistics)) same(after.statistics[key], before.statistics[key]);
        same(predict(model, spirals.x), predictionsBefore);
        model.loadState(saved); // the uncorrupted state still loads
        same(model.parameters, saved.parameters);
        model.free();
      });
    }
  });

  it("a freed model neither saves nor loads", () => {
    const model = logisticRegression({ inputs: 2 });
    const saved = model.state();
    model.free();
    expectError(() => model.state(), "INVALID_STATE", "model");
    expectError(() => model.loadState(saved), "INVALID_STATE", "model");
  });
});
