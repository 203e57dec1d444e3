import { beforeAll, describe, expect, it } from "vitest";
import {
  binaryCrossEntropy, DownhillError, gradientCheck, hinge, huber, init, linearRegression, loadBackend, logisticRegression,
  mae, matrixFactorization, mlp, modelObjective, mse, predict, referenceModelKernels, seededRandom, softmaxCrossEntropy,
  softmaxRegression, train, type Backend, type FloatArray, type Loss, type Model, type ModelKernelSet,
} from "../bindings/index";
import { modelKernelsFor } from "../bindings/models/modelKernelsFor";

// Models: every model kernel on every backend, analytic gradients against central
// differences (batch normalization included), initialization, and the Model API.

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

beforeAll(async () => {
  await init();
});

type Precision = "float64" | "float32";
const PRECISIONS: Precision[] = ["float64", "float32"];

/** A vector of the backend (or a plain array for the reference) holding `values`. */
function make(backend: Backend | null, values: ArrayLike<number>, precision: Precision): FloatArray {
  const v = backend ? backend.vector(values.length, precision) : precision === "float32" ? new Float32Array(values.length) : new Float64Array(values.length);
  v.set(values);
  return v;
}
function normals(n: number, seed: number, scale = 1): number[] {
  const r = seededRandom({ seed });
  return Array.from({ length: n }, () => scale * r.normal());
}

describe("model kernels: WASM SIMD ≡ WASM scalar bit for bit, and ≡ the TypeScript reference", async () => {
  const simd = await loadBackend("wasm-simd");
  const scalar = await loadBackend("wasm");
  // Room for every vector below, so that no allocation grows memory and detaches the others.
  for (const b of [simd, scalar]) b.free(b.vector(4_000_000));
  /** Runs `job` on SIMD, scalar and reference; returns their outputs as number arrays. */
  const everywhere = (precision: Precision, job: (k: ModelKernelSet<FloatArray>, b: Backend | null) => FloatArray[] | number[]) =>
    [simd, scalar, null].map((b) => {
      const k = (b ? modelKernelsFor(b)[precision] : referenceModelKernels[precision]) as ModelKernelSet<FloatArray>;
      return job(k, b).map((v) => (typeof v === "number" ? v : Array.from(v)));
    });
  const SHAPES: Array<[number, number, number]> = [
    [1, 1, 1], [3, 5, 1], [4, 8, 8], [5, 7, 9], [7, 3, 10], [9, 13, 17], [64, 30, 12], [2, 100, 1], [6, 4, 3], [17, 9, 33],
  ];

  for (const precision of PRECISIONS) {
    it(`matmul, matmulTransposedA, transpose, columnSums (${precision}, tails of every kind, n = 1)`, () => {
      for (const [m, p, n] of SHAPES) {
        const a = normals(m * p, m + 10 * p), w = normals(3 + p * n, n + 7 * p), bias = normals(2 + n, 5 * n), d = normals(m * n, 3 * m + n);
        const [x, y, z] = everywhere(precision, (k, b) => {
          const A = make(b, a, precision), W = make(b, w, precision), B = make(b, bias, precision), D = make(b, d, precision);
          const c1 = make(b, new Array(m * n).fill(9), precision), c2 = make(b, new Array(m * n).fill(9), precision);
          const g = make(b, new Array(5 + p * n).fill(9), precision), t = make(b, new Array(p * n).fill(9), precision);
          const s = make(b, new Array(n + 2).fill(9), precision);
          k.matmul(A, W, 3, B, 2, c1, m, p, n);
          k.matmul(A, W, 3, null, 0, c2, m, p, n);
          k.matmulTransposedA(A, D, g, 5, m, p, n);
          k.transpose(W, 3, t, p, n);
          k.columnSums(D, s, 2, m, n);
          return [c1, c2, g, t, s];
        });
        expect(x, `${m}×${p}×${n}: SIMD vs scalar`).toEqual(y);
        expect(x, `${m}×${p}×${n}: WASM vs TypeScript`).toEqual(z);
        // And the product is a product: compare with a plain float64 evaluation.
        const c = x[0] as number[];
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let expected = bias[2 + j];
            for (let q = 0; q < p; q++) expected += a[i * p + q] * w[3 + q * n + j];
            expect(Math.abs(c[i * n + j] - expected)).toBeLessThan(precision === "float64" ? 1e-12 : 1e-4);
          }
        }
      }
    });

    it(`activations and their derivatives (${precision})`, () => {
      for (const count of [1, 3, 4, 5, 8, 13, 100]) {
        const z = normals(count, count, 3);
        z[0] = 0;
        if (count > 2) z[2] = -0;
        for (const kind of [0, 1, 2, 3] as const) {
          const [x, y, ref] = everywhere(precision, (k, b) => {
            const Z = make(b, z, precision), out = make(b, new Array(count).fill(9), precision);
            const d = make(b, normals(count, 99), precision), dz = make(b, new Array(count).fill(9), precision);
            k.activate(kind, Z, out, count);
            k.activateBackward(kind, out, d, dz, count);
            return [out, dz];
          });
          expect(x).toEqual(y);
          if (kind <= 1) expect(ref).toEqual(x); // identity, relu: plain arithmetic
          else {
            const tolerance = precision === "float64" ? 4e-16 : 2.4e-7;
            ref.forEach((r, q) => (r as number[]).forEach((v, i) => expect(Math.abs(v - (x[q] as number[])[i])).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(v)))));
          }
        }
      }
    });

    it(`batch normalization forward, backward, inference (${precision})`, () => {
      for (const [m, n] of [[1, 1], [2, 3], [8, 4], [9, 7], [16, 13]]) {
        const z = normals(m * n, m * n, 2), dy = normals(m * n, 7 + m);
        const params = normals(4 + 2 * n, n).map((v, i) => (i >= 4 && i < 4 + n ? 1 + 0.3 * v : v));
        const results = everywhere(precision, (k, b) => {
          const Z = make(b, z, precision), P = make(b, params, precision);
          const out = make(b, new Array(m * n).fill(9), precision), xhat = make(b, new Array(m * n).fill(9), precision);
          const mean = make(b, new Array(n).fill(9), precision), variance = make(b, new Array(n).fill(9), precision);
          const inv = make(b, new Array(n).fill(9), precision), D = make(b, dy, precision);
          const g = make(b, new Array(3 + 2 * n).fill(9), precision), inference = make(b, new Array(m * n).fill(9), precision);
          k.batchNormForward(Z, P, 4, 4 + n, out, xhat, mean, variance, inv, m, n, 1e-5);
          k.batchNormBackward(D, xhat, P, 4, inv, D, g, 3, 3 + n, m, n);
          k.batchNormInference(Z, P, 4, 4 + n, mean, variance, inference, m, n, 1e-5);
          return [out, xhat, mean, variance, inv, D, g, inference];
        });
        expect(results[0]).toEqual(results[1]);
        expect(results[0]).toEqual(results[2]);
      }
    });

    it(`matrix factorization, addScaled, squaredNorm, gatherRows, firstNonFinite (${precision})`, () => {
      const users = 5, items = 4, rank = 3, m = 11;
      const layout = {
        users, items, rank, userFactors: 0, itemFactors: users * rank, userBias: (users + items) * rank,
        itemBias: (users + items) * rank + users, globalBias: (users + items) * rank + users + items, biases: true,
      };
      const count = layout.globalBias + 1;
      const r = seededRandom({ seed: 4 });
      const pairs = Array.from({ length: 2 * m }, (_, i) => r.integer(i % 2 === 0 ? users : items));
      const params = normals(count, 8), delta = normals(m, 9);
      for (const biases of [true, false]) {
        const L = { ...layout, biases };
        const results = everywhere(precision, (k, b) => {
          const X = make(b, pairs, precision), P = make(b, params, precision), out = make(b, new Array(m).fill(9), precision);
          const D = make(b, delta, precision), g = make(b, new Array(count).fill(0), precision);
          k.factorizationForward(X, P, L, out, m);
          k.factorizationBackward(X, D, P, g, L, m);
          k.addScaled(0.3, P, 2, g, 1, 17);
          const norm = k.squaredNorm(P, 3, 29);
          const indices = make(b, [3, 0, 3, 2], "float64") as Float64Array;
          const gathered = make(b, new Array(4 * 5).fill(9), precision);
          k.gatherRows(P, indices, gathered, 4, 5);
          const bad = make(b, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, NaN, 20], precision);
          const clean = make(b, new Array(70).fill(1), precision);
          const infinite = make(b, [...new Array(66).fill(1), -Infinity, 1, 1, 1], precision);
          return [out, g, gathered, norm, k.firstNonFinite(bad, 20), k.firstNonFinite(bad, 18), k.firstNonFinite(clean, 70), k.firstNonFinite(infinite, 70)];
        });
        expect(results[0]).toEqual(results[1]);
        expect(results[0]).toEqual(results[2]);
        expect(results[0].slice(4)).toEqual([18, -1, -1, 66]);
      }
    });
  }
});

/** Sets the model's parameters to small random values (linear models start at zero). */
function randomize(model: Model, seed: number, scale = 0.5): Float64Array {
  const p = Float64Array.from(normals(model.parameterCount, seed, scale));
  model.parameters.set(p);
  return p;
}

describe("analytic gradients equal central finite differences (float64, relative 1e-6)", async () => {
  const random = seededRandom({ seed: 21 });
  const m = 12, p = 3;
  const x = Array.from({ length: m * p }, () => random.normal());
  const values2 = Array.from({ length: m * 2 }, () => random.normal());
  const binary = Array.from({ length: m }, () => random.integer(2));
  const probabilities = Array.from({ length: m * 2 }, () => random.uniform());
  const classes = Array.from({ length: m }, () => random.integer(3));
  const weights = Array.from({ length: m }, () => 0.2 + random.uniform());
  const groups = Array.from({ length: m }, (_, i) => i % 4);
  const pairs = Array.from({ length: 2 * m }, (_, i) => (i % 2 === 0 ? random.integer(6) : random.integer(5)));
  const ratings = Array.from({ length: m }, () => random.normal());

  type Case = [string, (backend: Backend) => Model, { x: number[]; y: number[]; loss?: Loss; weights?: number[]; groups?: number[] }];
  const cases: Case[] = [
    ["linearRegression, 2 outputs, mse, l2", (backend) => linearRegression({ inputs: p, outputs: 2, l2: 0.1, backend }), { x, y: values2 }],
    ["linearRegression, mae, weights", (backend) => linearRegression({ inputs: p, outputs: 2, backend }), { x, y: values2, loss: mae(), weights }],
    ["linearRegression, huber, groups", (backend) => linearRegression({ inputs: p, outputs: 2, l2: 0.01, backend }), { x, y: values2, loss: huber({ delta: 0.5 }), groups }],
    ["logisticRegression, binaryCrossEntropy, l2", (backend) => logisticRegression({ inputs: p, l2: 0.3, backend }), { x, y: binary }],
    ["logisticRegression, hinge, weights and groups", (backend) => logisticRegression({ inputs: p, backend }), { x, y: binary, loss: hinge(), weights, groups }],
    ["softmaxRegression, softmaxCrossEntropy, l2", (backend) => softmaxRegression({ inputs: p, classes: 3, l2: 0.05, backend }), { x, y: classes }],
    ["softmaxRegression, multiclass hinge", (backend) => softmaxRegression({ inputs: p, classes: 3, backend }), { x, y: classes, loss: hinge() }],
    ["mlp relu, softmaxCrossEntropy, l2", (backend) => mlp({ layers: [p, 6, 5, 3], activation: "relu", l2: 0.01, seed: 1, backend }), { x, y: classes }],
    ["mlp tanh", (backend) => mlp({ layers: [p, 6, 5, 3], activation: "tanh", seed: 2, backend }), { x, y: classes }],
    ["mlp sigmoid, weights", (backend) => mlp({ layers: [p, 6, 3], activation: "sigmoid", seed: 3, backend }), { x, y: classes, weights }],
    ["mlp relu + batch norm", (backend) => mlp({ layers: [p, 6, 5, 3], activation: "relu", batchNorm: true, seed: 4, backend }), { x, y: classes }],
    ["mlp tanh + batch norm, l2, groups", (backend) => mlp({ layers: [p, 7, 3], activation: "tanh", batchNorm: true, l2: 0.02, seed: 5, backend }), { x, y: classes, groups }],
    ["mlp sigmoid + batch norm, 1 output, mse", (backend) => mlp({ layers: [p, 5, 4, 1], activation: "sigmoid", batchNorm: true, seed: 6, backend }), { x, y: ratings }],
    ["mlp relu, 2 outputs, binaryCrossEntropy (multi-label)", (backend) => mlp({ layers: [p, 6, 2], seed: 7, backend }), { x, y: probabilities, loss: binaryCrossEntropy() }],
    ["matrixFactorization with biases, mse, l2", (backend) => matrixFactorization({ users: 6, items: 5, rank: 3, l2: 0.1, seed: 1, backend }), { x: pairs, y: ratings }],
    ["matrixFactorization without biases, huber, weights", (backend) => matrixFactorization({ users: 6, items: 5, rank: 2, biases: false, seed: 2, backend }), { x: pairs, y: ratings, loss: huber(), weights }],
  ];
  for (const backendName of ["wasm-simd", "ts"] as const) {
    const backend = await loadBackend(backendName);
    for (const [name, makeModel, data] of cases) {
      it(`${name} (${backendName})`, () => {
        const model = makeModel(backend);
        const point = model.name === "mlp" || model.name === "matrixFactorization" ? Float64Array.from(model.parameters) : randomize(model, 5);
        if (model.name === "mlp") for (let i = 0; i < point.length; i++) point[i] += 0.05 * Math.sin(i); // move γ, β, b off their start
        const report = gradientCheck(modelObjective(model, data), point, { tolerance: 1e-6 });
        expect(report.maxRelativeError, `worst entry ${report.worstIndex}`).toBeLessThan(1e-6);
        expect(report.ok).toBe(true);
        model.free();
      });
    }
  }
});

describe("models", () => {
  it("lay out their parameters in one vector with named blocks", () => {
    const net = mlp({ layers: [4, 8, 3], batchNorm: true });
    expect(net.blocks.map((b) => [b.name, b.offset, b.shape.join("×"), b.regularized])).toEqual([
      ["layer1.weights", 0, "4×8", true], ["layer1.scale", 32, "8", false], ["layer1.shift", 40, "8", false],
      ["layer2.weights", 48, "8×3", true], ["layer2.bias", 72, "3", false],
    ]);
    expect(net.parameterCount).toBe(75);
    expect(net.parameters.length).toBe(75);
    expect(Array.from(net.parameters.subarray(32, 40))).toEqual(new Array(8).fill(1)); // γ = 1
    expect(Array.from(net.parameters.subarray(40, 48))).toEqual(new Array(8).fill(0)); // β = 0
    const linear = linearRegression({ inputs: 3, outputs: 2 });
    expect(linear.blocks.map((b) => b.name)).toEqual(["weights", "bias"]);
    expect(Array.from(linear.parameters)).toEqual(new Array(8).fill(0));
    const mf = matrixFactorization({ users: 4, items: 3, rank: 2 });
    expect(mf.blocks.map((b) => `${b.name}@${b.offset}`)).toEqual(["userFactors@0", "itemFactors@8", "userBias@14", "itemBias@18", "globalBias@21"]);
    for (const model of [net, linear, mf]) model.free();
  });

  it("initialize from the seed, identically on every backend (He and Xavier bounds)", async () => {
    const backends = await Promise.all((["wasm-simd", "wasm", "ts"] as const).map((name) => loadBackend(name)));
    const nets = backends.map((backend) => mlp({ layers: [50, 40, 10], seed: 9, backend }));
    expect(Array.from(nets[1].parameters)).toEqual(Array.from(nets[0].parameters));
    expect(Array.from(nets[2].parameters)).toEqual(Array.from(nets[0].parameters));
    const w = nets[0].parameters.subarray(0, 2000);
    const bound = Math.sqrt(6 / 50);
    expect(Math.max(...w)).toBeLessThanOrEqual(bound);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(-bound);
    expect(Math.max(...w)).toBeGreaterThan(0.95 * bound);
    const xavier = mlp({ layers: [50, 40, 10], activation: "tanh", seed: 9 });
    expect(Math.max(...xavier.parameters.subarray(0, 2000))).toBeLessThanOrEqual(Math.sqrt(6 / 90));
    expect(Array.from(mlp({ layers: [50, 40, 10], seed: 10 }).parameters.subarray(0, 5))).not.toEqual(Array.from(w.subarray(0, 5)));
    for (const n of [...nets, xavier]) n.free();
  });

  it("valueAndGradient equals the objective, with the same result for arrays inside and outside WebAssembly memory", async () => {
    const backend = await loadBackend("wasm-simd");
    const net = mlp({ layers: [3, 5, 2], batchNorm: true, seed: 1, backend });
    const x = [[0.1, 0.2, 0.3], [1, -1, 0.5], [0.3, 0.3, -2]];
    const y = [0, 1, 1];
    const foreign = new Float64Array(net.parameterCount);
    const value = net.valueAndGradient(Float64Array.from(net.parameters), foreign, { x, y });
    const grads = backend.vector(net.parameterCount);
    const again = net.valueAndGradient(net.parameters, grads, { x: new Float64Array(x.flat()), y: Float64Array.from(y) });
    expect(again).toBe(value);
    expect(Array.from(backend.refresh(grads))).toEqual(Array.from(foreign));
    const objective = modelObjective(net, { x, y });
    const g = new Float64Array(net.parameterCount);
    expect(objective.valueAndGradient!(Float64Array.from(net.parameters), g)).toBe(value);
    expect(Array.from(g)).toEqual(Array.from(foreign));
    // Batch statistics only: the running statistics are untouched.
    expect(Array.from(net.runningStatistics()[0]!.mean)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(net.runningStatistics()[0]!.variance)).toEqual([1, 1, 1, 1, 1]);
    net.free();
  });

  it("valueAndGradient leaves the caller's vectors refreshable when its work space grows memory", async () => {
    const backend = await loadBackend("wasm-simd");
    const model = linearRegression({ inputs: 1000, backend });
    let params = backend.vector(model.parameterCount);
    let grads = backend.vector(model.parameterCount);
    params.fill(0.001);
    for (const rows of [100, 1000, 4000]) {
      const memory = (backend.exports!.memory as WebAssembly.Memory).buffer;
      const value = model.valueAndGradient(params, grads, { x: new Float64Array(rows * 1000).fill(1), y: new Float64Array(rows).fill(2) });
      if ((backend.exports!.memory as WebAssembly.Memory).buffer !== memory) {
        expect(grads.length).toBe(0); // detached by the growth…
        grads = backend.refresh(grads); // …and refreshable as usual
        params = backend.refresh(params);
      }
      expect(value).toBeCloseTo(0.998001, 10); // prediction 1000·0.001 + 0.001 = 1.001, (1.001 − 2)²
      expect(grads[0]).toBeCloseTo(-1.998, 10); // 2·(1.001 − 2)·1
    }
    backend.free(params);
    backend.free(grads);
    model.free();
  });

  it("batch normalization keeps running statistics (PyTorch's rule) and predicts with them", () => {
    const x = [[1, 2], [3, 5], [0, -1], [2, 2]];
    const net = mlp({ layers: [2, 3, 2], batchNorm: true, batchNormMomentum: 0.25, seed: 3 });
    const w = Array.from(net.parameters.subarray(0, 6));
    train(net, { x, y: [0, 1, 0, 1], batchSize: 4, epochs: 1, shuffle: false });
    // One step: running = 0.75·initial + 0.25·batch statistic (the variance unbiased, ×4/3).
    const { mean, variance } = net.runningStatistics()[0]!;
    for (let j = 0; j < 3; j++) {
      const z = x.map(([a, b]) => a * w[j] + b * w[3 + j]);
      const mu = z.reduce((s, v) => s + v) / 4;
      const v = z.reduce((s, zz) => s + (zz - mu) ** 2, 0) / 4;
      expect(mean[j]).toBeCloseTo(0.25 * mu, 12);
      expect(variance[j]).toBeCloseTo(0.75 + 0.25 * v * (4 / 3), 12);
    }
    // Inference uses them: a single row predicts the same alone or in a batch.
    const alone = predict(net, [x[1]]);
    const batch = predict(net, x);
    expect(Array.from(alone)).toEqual(Array.from(batch.subarray(2, 4)));
    net.free();
  });

  it("float32 models compute in float32", () => {
    const net = mlp({ layers: [2, 4, 2], precision: "float32", seed: 1 });
    expect(net.parameters).toBeInstanceOf(Float32Array);
    const grads = new Float32Array(net.parameterCount);
    const value = net.valueAndGradient(Float32Array.from(net.parameters), grads, { x: [[1, 2], [3, 4]], y: [0, 1] });
    expect(Number.isFinite(value)).toBe(true);
    expectError(() => net.valueAndGradient(new Float64Array(net.parameterCount), grads, { x: [[1, 2]], y: [0] }), "PRECISION_MISMATCH", "params");
    net.free();
  });

  it("check their options, naming the one at fault", () => {
    expectError(() => mlp({ layers: [3] }), "INVALID_OPTION", "layers");
    expectError(() => mlp({ layers: [3, 0, 2] }), "INVALID_OPTION", "layers[1]");
    expectError(() => mlp({ layers: [3, 2], activation: "gelu" as never }), "INVALID_OPTION", "activation");
    expectError(() => mlp({ layers: [3, 2], batchnorm: true } as never), "UNKNOWN_OPTION", "batchnorm");
    expectError(() => mlp({ layers: [3, 2], l2: -1 }), "INVALID_OPTION", "l2");
    expectError(() => mlp({ layers: [3, 2], precision: "float16" as never }), "INVALID_OPTION", "precision");
    expectError(() => linearRegression({} as never), "INVALID_OPTION", "inputs");
    expectError(() => softmaxRegression({ inputs: 2, classes: 1 }), "INVALID_OPTION", "classes");
    expectError(() => matrixFactorization({ users: 2, items: 2, rank: 1.5 }), "INVALID_OPTION", "rank");
    expectError(() => logisticRegression({ inputs: 2, backend: {} as never }), "WRONG_TYPE", "backend");
  });

  it("check parameters, gradients and batches passed to valueAndGradient", () => {
    const model = softmaxRegression({ inputs: 2, classes: 3 });
    const params = new Float64Array(model.parameterCount), grads = new Float64Array(model.parameterCount).fill(7);
    const batch = { x: [[1, 2]], y: [2] };
    expectError(() => model.valueAndGradient(new Float64Array(3), grads, batch), "LENGTH_MISMATCH", "params");
    expectError(() => model.valueAndGradient(params, [1, 2] as never, batch), "WRONG_TYPE", "grads");
    expectError(() => model.valueAndGradient(params, grads, { x: [[1, 2, 3]], y: [2] }), "LENGTH_MISMATCH", "x");
    expectError(() => model.valueAndGradient(params, grads, { x: new Float64Array([1, NaN]), y: [2] }), "INVALID_DATA", "x");
    expectError(() => model.valueAndGradient(params, grads, { x: [[1, 2]], y: [3] }), "INVALID_DATA", "y");
    expectError(() => model.valueAndGradient(params, grads, { x: [[1, 2]], y: [1, 2] }), "LENGTH_MISMATCH", "y");
    expectError(() => model.valueAndGradient(params, grads, { x: [[1, 2]], y: [1] }, { loss: mse() }), "LENGTH_MISMATCH", "y");
    expectError(() => model.valueAndGradient(params, grads, { x: [[1, 2]], y: [1], extra: 1 } as never), "UNKNOWN_OPTION", "extra");
    expect(Array.from(grads)).toEqual(new Array(model.parameterCount).fill(7)); // untouched
    const mf = matrixFactorization({ users: 3, items: 2, rank: 1 });
    const g = new Float64Array(mf.parameterCount);
    expectError(() => mf.valueAndGradient(Float64Array.from(mf.parameters), g, { x: [[3, 0]], y: [1] }), "INVALID_DATA", "x");
    expectError(() => mf.valueAndGradient(Float64Array.from(mf.parameters), g, { x: [[0, 1.5]], y: [1] }), "INVALID_DATA", "x");
    expectError(() => mf.valueAndGradient(Float64Array.from(mf.parameters), g, { x: [[0, 1]], y: [1] }, { loss: softmaxCrossEntropy() }), "INVALID_OPTION", "loss");
    model.free();
    mf.free();
    expectError(() => model.parameters, "INVALID_STATE", "model");
  });
});
