import { beforeAll, describe, expect, it } from "vitest";
import {
  adam, cars, DownhillError, evaluate, huber, init, iris, linearRegression, loadBackend, logisticRegression,
  lowRankRatings, matrixFactorization, minimize, mlp, modelObjective, noisyLinearData, predict, seededRandom, sgd,
  softmaxRegression, standardize, train, twoSpirals, zeroOne, type Backend, type Model, type TrainingHistory,
} from "../bindings/index";

// Training: the acceptance criteria of the models issue (closed-form least squares,
// iris against L-BFGS, two spirals, matrix completion), the same history on every
// backend, seeded shuffling, the train loop's options, and bad data.

function expectError(fn: () => unknown, code: string, argument: string): DownhillError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a DownhillError").toBeInstanceOf(DownhillError);
  expect((caught as DownhillError).code).toBe(code);
  expect((caught as DownhillError).argument).toBe(argument);
  return caught as DownhillError;
}

beforeAll(async () => {
  await init();
});

/** Least squares with an intercept by the normal equations [X 1]ᵀ[X 1]·β = [X 1]ᵀy, Gaussian elimination with pivoting. */
function normalEquations(x: ArrayLike<number>, y: ArrayLike<number>, p: number): number[] {
  const n = y.length, q = p + 1;
  const a = Array.from({ length: q }, () => new Array(q + 1).fill(0));
  for (let i = 0; i < n; i++) {
    const row = [...Array.from({ length: p }, (_, j) => x[i * p + j]), 1];
    for (let r = 0; r < q; r++) {
      for (let c = 0; c < q; c++) a[r][c] += row[r] * row[c];
      a[r][q] += row[r] * y[i];
    }
  }
  for (let col = 0; col < q; col++) {
    let pivot = col;
    for (let r = col + 1; r < q; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < q; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= q; c++) a[r][c] -= f * a[col][c];
    }
  }
  return a.map((row, r) => row[q] / row[r]);
}

describe("acceptance", () => {
  for (const [name, data] of [
    ["cars (standardized horsepower and weight → mpg)", () => {
      const c = cars();
      return { x: standardize(c.x, { columns: 2 }).x, y: c.y, p: 2 };
    }],
    ["synthetic noisy linear data", () => {
      const d = noisyLinearData({ samples: 300, features: 4, noise: 0.3, seed: 3 });
      return { x: d.x, y: d.y, p: 4 };
    }],
  ] as const) {
    it(`linear regression by gradient descent equals the normal-equations solution to 1e-6: ${name}`, () => {
      const { x, y, p } = data();
      const exact = normalEquations(x, y, p);
      const model = linearRegression({ inputs: p });
      const history = train(model, { x, y, optimizer: sgd({ learningRate: 0.4 }), batchSize: y.length, epochs: 600, shuffle: false });
      expect(history.reason).toBe("epochs");
      const fitted = Array.from(model.parameters); // [...weights, bias]
      fitted.forEach((v, j) => expect(Math.abs(v - exact[j])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(exact[j]))));
      model.free();
    });
  }

  it("softmax regression reaches ≥ 0.97 training accuracy on iris, at the optimum L-BFGS finds (within 1e-8)", () => {
    const { x, y } = iris();
    const xs = standardize(x, { columns: 4 }).x;
    const model = softmaxRegression({ inputs: 4, classes: 3, l2: 1e-3 });
    const objective = modelObjective(model, { x: xs, y });
    const best = minimize(objective, new Float64Array(model.parameterCount), { gradientTolerance: 1e-10, maxIterations: 1000 });
    // L-BFGS stops at ‖∇f‖∞ ≈ 3e-10: beyond that no step decreases f in float64 (f ≈ 0.1).
    expect(best.gradientNorm).toBeLessThan(1e-9);
    const history = train(model, {
      x: xs, y, optimizer: sgd({ learningRate: 0.5, momentum: 0.9, nesterov: true }), batchSize: 150, epochs: 2000, shuffle: false,
    });
    expect(history.accuracy!.at(-1)).toBeGreaterThanOrEqual(0.97);
    expect(evaluate(model, { x: xs, y }).accuracy).toBeGreaterThanOrEqual(0.97);
    const gradient = new Float64Array(model.parameterCount);
    const trained = objective.valueAndGradient!(Float64Array.from(model.parameters), gradient);
    expect(Math.abs(trained - best.value)).toBeLessThanOrEqual(1e-8);
    expect(Math.max(...gradient.map(Math.abs))).toBeLessThan(1e-6);
    model.free();
  });

  it("an MLP learns the two spirals to ≥ 99% training accuracy", () => {
    const { x, y } = twoSpirals({ points: 100, turns: 2, seed: 1 });
    const net = mlp({ layers: [2, 32, 32, 2], activation: "relu", seed: 1 });
    const history = train(net, { x, y, optimizer: adam({ learningRate: 0.01 }), batchSize: 32, epochs: 300, seed: 2 });
    expect(history.epochs).toBe(300);
    expect(evaluate(net, { x, y }).accuracy).toBeGreaterThanOrEqual(0.99);
    const classes = predict(net, x, { output: "classes" }) as Int32Array;
    expect(classes.filter((c, i) => c === y[i]).length).toBeGreaterThanOrEqual(198);
    net.free();
  });

  it("matrix factorization recovers a rank-3 matrix: held-out RMSE < 0.05", () => {
    const data = lowRankRatings({ users: 60, items: 50, rank: 3, density: 0.5, noise: 0.01, seed: 1 });
    const held = Math.floor(0.1 * data.samples);
    const n = data.samples - held;
    const trainSet = { x: data.x.subarray(0, 2 * n), y: data.y.subarray(0, n) };
    const heldOut = { x: data.x.subarray(2 * n), y: data.y.subarray(n) };
    const model = matrixFactorization({ users: 60, items: 50, rank: 3, l2: 1e-6, seed: 1 });
    const optimizer = adam({ learningRate: 0.03 });
    train(model, {
      ...trainSet, optimizer, batchSize: 128, epochs: 300, seed: 3,
      onEpoch: () => void (optimizer.learningRate *= 0.985),
    });
    const result = evaluate(model, heldOut);
    expect(result.rmse).toBeLessThan(0.05);
    expect(result.samples).toBe(held);
    model.free();
  });
});

/** The runs compared across backends: each returns its history and final parameters. */
const RUNS: Array<[string, (backend: Backend, precision: "float64" | "float32") => { history: TrainingHistory; parameters: number[] }]> = [
  ["softmax regression on iris, SGD with momentum", (backend, precision) => {
    const { x, y } = iris();
    const model = softmaxRegression({ inputs: 4, classes: 3, l2: 1e-2, precision, backend });
    const history = train(model, {
      x: standardize(x, { columns: 4 }).x, y, optimizer: sgd({ learningRate: 0.1, momentum: 0.9, backend }), batchSize: 16, epochs: 10, seed: 4,
    });
    return done(model, history);
  }],
  ["logistic regression, Adam", (backend, precision) => {
    const d = noisyLinearData({ samples: 120, features: 3, seed: 8 });
    const model = logisticRegression({ inputs: 3, l2: 1e-3, precision, backend });
    const history = train(model, { x: d.x, y: Array.from(d.y, (v) => (v > 0 ? 1 : 0)), optimizer: adam({ learningRate: 0.05, backend }), batchSize: 10, epochs: 10, seed: 5 });
    return done(model, history);
  }],
  ["tanh MLP with batch norm on the two spirals, Adam, with validation", (backend, precision) => {
    const { x, y } = twoSpirals({ points: 60, seed: 2 });
    const v = twoSpirals({ points: 20, seed: 3, noise: 0.02 });
    const net = mlp({ layers: [2, 16, 12, 2], activation: "tanh", batchNorm: true, l2: 1e-4, seed: 6, precision, backend });
    const history = train(net, {
      x, y, optimizer: adam({ learningRate: 0.01, backend }), batchSize: 16, epochs: 10, seed: 7, validation: { x: v.x, y: v.y },
    });
    return done(net, history);
  }],
  ["sigmoid MLP, 1 output, SGD", (backend, precision) => {
    const d = noisyLinearData({ samples: 80, features: 2, seed: 9 });
    const net = mlp({ layers: [2, 8, 1], activation: "sigmoid", seed: 8, precision, backend });
    const history = train(net, { x: d.x, y: d.y, optimizer: sgd({ learningRate: 0.05, backend }), batchSize: 8, epochs: 10, seed: 1 });
    return done(net, history);
  }],
  ["matrix factorization, Huber loss", (backend, precision) => {
    const data = lowRankRatings({ users: 20, items: 15, rank: 2, density: 0.5, noise: 0.1, seed: 2 });
    const model = matrixFactorization({ users: 20, items: 15, rank: 2, l2: 1e-3, seed: 2, precision, backend });
    const history = train(model, { x: data.x, y: data.y, loss: huber(), optimizer: adam({ learningRate: 0.05, backend }), batchSize: 16, epochs: 10, seed: 2 });
    return done(model, history);
  }],
];
function done(model: Model, history: TrainingHistory) {
  const parameters = Array.from(model.parameters);
  model.free();
  return { history, parameters };
}
function relative(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

describe("the same training on every backend", async () => {
  const simd = await loadBackend("wasm-simd");
  const scalar = await loadBackend("wasm");
  const ts = await loadBackend("ts");
  for (const [name, run] of RUNS) {
    for (const precision of ["float64", "float32"] as const) {
      it(`${name}: WASM SIMD and WASM scalar give bit-identical histories and parameters (${precision})`, () => {
        const a = run(simd, precision), b = run(scalar, precision);
        const { elapsed: _a, ...ha } = a.history;
        const { elapsed: _b, ...hb } = b.history;
        expect(ha).toEqual(hb);
        expect(a.parameters).toEqual(b.parameters);
        expect(a.history.epochs).toBe(10);
      });
    }
    it(`${name}: WASM and TS histories agree to 1e-12 relative over 10 epochs (float64)`, () => {
      const a = run(simd, "float64"), b = run(ts, "float64");
      expect(a.history.steps).toBe(b.history.steps);
      for (const key of ["loss", "accuracy", "rmse", "validationLoss", "validationAccuracy"] as const) {
        const x = a.history[key], y = b.history[key];
        expect(x === undefined).toBe(y === undefined);
        x?.forEach((v, i) => expect(relative(v, y![i]), `${key}[${i}]`).toBeLessThanOrEqual(1e-12));
      }
      let worst = 0;
      a.parameters.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - b.parameters[i]) / Math.max(1, Math.abs(v)))));
      expect(worst).toBeLessThan(1e-10);
    });
  }
  it("float32 on the TS backend agrees with WASM float32 to float32 rounding", () => {
    const a = RUNS[0][1](simd, "float32"), b = RUNS[0][1](ts, "float32");
    a.history.loss.forEach((v, i) => expect(relative(v, b.history.loss[i])).toBeLessThan(1e-5));
  });
});

describe("shuffling and batches", () => {
  it("batchSize 1 is SGD over a seeded Fisher–Yates order, the same on every backend", async () => {
    const x = [[1, 0], [0, 1], [1, 1], [2, -1], [-1, 0.5]];
    const y = [1, -1, 0.5, 2, 0];
    // By hand: the documented shuffle and one SGD step per sample.
    const manual = linearRegression({ inputs: 2 });
    const opt = sgd({ learningRate: 0.1 });
    const random = seededRandom({ seed: 42 });
    const order = Float64Array.from({ length: 5 }, (_, i) => i);
    const grads = new Float64Array(3);
    for (let epoch = 0; epoch < 3; epoch++) {
      random.shuffle(order);
      for (const i of order) {
        manual.valueAndGradient(manual.parameters, grads, { x: [x[i]], y: [y[i]] });
        opt.step(manual.parameters, grads);
      }
    }
    for (const name of ["wasm-simd", "wasm", "ts"] as const) {
      const backend = await loadBackend(name);
      const model = linearRegression({ inputs: 2, backend });
      const history = train(model, { x, y, optimizer: sgd({ learningRate: 0.1, backend }), batchSize: 1, epochs: 3, seed: 42 });
      expect(history.steps).toBe(15);
      expect(Array.from(model.parameters)).toEqual(Array.from(manual.parameters));
      model.free();
    }
    manual.free();
  });

  it("batchSize N is full-batch gradient descent, one step per epoch, regardless of shuffling", () => {
    const d = noisyLinearData({ samples: 40, features: 2, seed: 2 });
    const a = linearRegression({ inputs: 2 }), b = linearRegression({ inputs: 2 });
    const h = train(a, { x: d.x, y: d.y, optimizer: sgd({ learningRate: 0.2 }), batchSize: 40, epochs: 5, seed: 1 });
    const opt = sgd({ learningRate: 0.2 });
    const grads = new Float64Array(3);
    const losses: number[] = [];
    for (let t = 0; t < 5; t++) {
      b.valueAndGradient(b.parameters, grads, { x: d.x, y: d.y });
      losses.push(b.valueAndGradient(b.parameters, grads, { x: d.x, y: d.y }));
      opt.step(b.parameters, grads);
    }
    expect(h.steps).toBe(5);
    Array.from(a.parameters).forEach((v, i) => expect(v).toBeCloseTo(b.parameters[i], 14));
    h.loss.forEach((v, i) => expect(v).toBeCloseTo(losses[i], 14));
    a.free();
    b.free();
  });

  it("a last partial batch is used, and shuffle: false keeps the order", () => {
    const d = noisyLinearData({ samples: 10, features: 1, seed: 5 });
    const model = linearRegression({ inputs: 1 });
    const history = train(model, { x: d.x, y: d.y, batchSize: 4, epochs: 2, shuffle: false });
    expect(history.steps).toBe(6);
    model.free();
  });
});

describe("the train loop", () => {
  const { x, y } = twoSpirals({ points: 30, seed: 4 });

  it("reports per-epoch loss and accuracy, validation results, and elapsed time", () => {
    const net = mlp({ layers: [2, 8, 2], seed: 1 });
    const infos: number[] = [];
    const history = train(net, {
      x, y, epochs: 4, batchSize: 10, validation: { x, y },
      onEpoch: (info) => void infos.push(info.epoch),
    });
    expect(infos).toEqual([1, 2, 3, 4]);
    expect(history.loss.length).toBe(4);
    expect(history.accuracy!.length).toBe(4);
    expect(history.validationLoss!.length).toBe(4);
    expect(history.validationAccuracy!.at(-1)).toBe(evaluate(net, { x, y }).accuracy);
    expect(history.validationLoss!.at(-1)).toBeCloseTo(evaluate(net, { x, y }).loss, 14);
    expect(history.rmse).toBeUndefined();
    expect(history.elapsed).toBeGreaterThan(0);
    net.free();
  });

  it("stops when onEpoch returns true, when the signal aborts, and when the loss diverges", () => {
    const net = mlp({ layers: [2, 8, 2], seed: 1 });
    expect(train(net, { x, y, epochs: 50, onEpoch: ({ epoch }) => epoch === 3 }).reason).toBe("stoppedByObserver");
    const controller = new AbortController();
    controller.abort();
    const aborted = train(net, { x, y, epochs: 5, signal: controller.signal });
    expect([aborted.reason, aborted.steps]).toEqual(["aborted", 0]);
    const wild = linearRegression({ inputs: 2 });
    const diverged = train(wild, { x, y: Array.from(y, (v) => 1e3 * v), optimizer: sgd({ learningRate: 1e6 }), batchSize: 60, epochs: 400 });
    expect(diverged.reason).toBe("diverged");
    expect(Array.from(wild.parameters).every(Number.isFinite)).toBe(true); // the bad step is not taken
    net.free();
    wild.free();
  });

  it("stops early when the monitored loss stalls and restores the best parameters", () => {
    const model = linearRegression({ inputs: 2 });
    const d = noisyLinearData({ samples: 50, features: 2, noise: 0, seed: 6 });
    const v = noisyLinearData({ samples: 20, features: 2, noise: 0, seed: 6 });
    let bestParameters: number[] = [];
    let best = Infinity;
    const history = train(model, {
      x: d.x, y: d.y, validation: { x: v.x, y: v.y }, optimizer: sgd({ learningRate: 0.5 }), batchSize: 50, epochs: 500,
      earlyStopping: { patience: 3, minDelta: 1e-3 },
      onEpoch: (info) => {
        if (info.validationLoss! < best - 1e-3) {
          best = info.validationLoss!;
          bestParameters = Array.from(model.parameters);
        }
      },
    });
    expect(history.reason).toBe("earlyStopping");
    expect(history.epochs).toBe(history.bestEpoch! + 3);
    expect(Array.from(model.parameters)).toEqual(bestParameters);
    model.free();
  });

  it("continues training across calls and resets the optimizer first", () => {
    const net = mlp({ layers: [2, 8, 2], seed: 1 });
    const optimizer = adam({ learningRate: 0.01 });
    train(net, { x, y, optimizer, epochs: 2 });
    const steps = optimizer.steps;
    const after = Array.from(net.parameters);
    train(net, { x, y, optimizer, epochs: 1 });
    expect(optimizer.steps).toBe(Math.ceil(60 / 32)); // reset, then one epoch
    expect(steps).toBe(2 * Math.ceil(60 / 32));
    expect(Array.from(net.parameters)).not.toEqual(after);
    net.free();
  });

  it("trains float32 networks", () => {
    const spirals = twoSpirals({ points: 100, turns: 1, seed: 5 });
    const net = mlp({ layers: [2, 32, 2], precision: "float32", seed: 2 });
    train(net, { x: spirals.x, y: spirals.y, optimizer: adam({ learningRate: 0.02 }), batchSize: 20, epochs: 100, seed: 1 });
    expect(evaluate(net, { x: spirals.x, y: spirals.y }).accuracy).toBeGreaterThan(0.9);
    net.free();
  });
});

describe("predict and evaluate", () => {
  it("give probabilities that sum to 1, classes, and raw values", () => {
    const model = softmaxRegression({ inputs: 2, classes: 3 });
    model.parameters.set([1, -1, 0, 0, 2, -2, 0.5, 0, -0.5]);
    const probabilities = predict(model, [[1, 2], [0, 0]]);
    expect(probabilities.length).toBe(6);
    expect(probabilities[0] + probabilities[1] + probabilities[2]).toBeCloseTo(1, 15);
    const logits = [1 + 0.5, -1 + 4, -4 - 0.5];
    const e = logits.map(Math.exp);
    expect(probabilities[1]).toBeCloseTo(e[1] / (e[0] + e[1] + e[2]), 14);
    expect(Array.from(predict(model, [[1, 2], [0, 0]], { output: "classes" }))).toEqual([1, 0]);
    expect(Array.from(predict(model, [[0, 0]], { output: "values" }))).toEqual([0.5, 0, -0.5]);
    const logistic = logisticRegression({ inputs: 1 });
    logistic.parameters.set([2, -1]);
    expect(predict(logistic, [3])[0]).toBeCloseTo(1 / (1 + Math.exp(-5)), 15);
    model.free();
    logistic.free();
  });

  it("report the loss, accuracy (classification) and RMSE and MAE (regression)", () => {
    const model = linearRegression({ inputs: 1 });
    model.parameters.set([2, 1]); // ŷ = 2x + 1
    const r = evaluate(model, { x: [0, 1, 2], y: [1, 4, 4] }); // residuals 0, −1, 1
    expect(r.loss).toBeCloseTo(2 / 3, 15);
    expect(r.rmse).toBeCloseTo(Math.sqrt(2 / 3), 15);
    expect(r.mae).toBeCloseTo(2 / 3, 15);
    expect(r.accuracy).toBeUndefined();
    const weighted = evaluate(model, { x: [0, 1, 2], y: [1, 4, 4], weights: [1, 0, 0] });
    expect(weighted.loss).toBe(0);
    const classifier = logisticRegression({ inputs: 1 });
    classifier.parameters.set([1, 0]);
    const c = evaluate(classifier, { x: [-2, -1, 1, 2], y: [0, 1, 1, 1] });
    expect(c.accuracy).toBe(0.75);
    expect(evaluate(classifier, { x: [-2, -1, 1, 2], y: [0, 1, 1, 1], loss: zeroOne() }).loss).toBe(0.25);
    model.free();
    classifier.free();
  });
});

describe("bad data and options are typed errors naming the argument, and change nothing", () => {
  const x = [[0, 1], [1, 0], [1, 1]];
  const y = [0, 1, 2];

  it("in train", () => {
    const model = softmaxRegression({ inputs: 2, classes: 3 });
    model.parameters.set([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const optimizer = sgd({ learningRate: 0.1 });
    expectError(() => train(model, { x: [[0, 1], [1]], y, optimizer }), "LENGTH_MISMATCH", "x");
    expectError(() => train(model, { x, y: [0, 1], optimizer }), "LENGTH_MISMATCH", "y");
    expectError(() => train(model, { x: [0, 1, 1, 0, 1], y, optimizer }), "LENGTH_MISMATCH", "x");
    expectError(() => train(model, { x: [[0, NaN], [1, 0], [1, 1]], y, optimizer }), "INVALID_DATA", "x");
    expectError(() => train(model, { x: [[0, 1], [Infinity, 0], [1, 1]], y, optimizer }), "INVALID_DATA", "x");
    expectError(() => train(model, { x, y: [0, 1, 3], optimizer }), "INVALID_DATA", "y");
    expectError(() => train(model, { x, y: [0, 1, 1.5], optimizer }), "INVALID_DATA", "y");
    expectError(() => train(model, { x, y: [0, 1, -1], optimizer }), "INVALID_DATA", "y");
    expectError(() => train(model, { x, y, weights: [1, -1, 1], optimizer }), "INVALID_DATA", "weights");
    expectError(() => train(model, { x, y, validation: { x: [[0, 1]], y: [5] }, optimizer }), "INVALID_DATA", "validation.y");
    expectError(() => train(model, { x, y, validation: { x: [[0, 1, 2]], y: [0] }, optimizer }), "LENGTH_MISMATCH", "validation.x");
    expectError(() => train(model, { x: "abc" as never, y, optimizer }), "WRONG_TYPE", "x");
    expectError(() => train(model, { x: [], y: [], optimizer }), "INVALID_DATA", "x");
    expectError(() => train(model, { x, y, batchSize: 0, optimizer }), "INVALID_OPTION", "batchSize");
    expectError(() => train(model, { x, y, epochs: 1.5, optimizer }), "INVALID_OPTION", "epochs");
    expectError(() => train(model, { x, y, loss: zeroOne(), optimizer }), "INVALID_OPTION", "loss");
    expectError(() => train(model, { x, y, optimizer: {} as never }), "WRONG_TYPE", "optimizer");
    expectError(() => train(model, { x, y, earlyStopping: { monitor: "validationLoss" }, optimizer }), "INVALID_OPTION", "monitor");
    expectError(() => train(model, { x, y, epoch: 3 } as never), "UNKNOWN_OPTION", "epoch");
    expectError(() => train({} as never, { x, y }), "WRONG_TYPE", "model");
    expect(Array.from(model.parameters)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(optimizer.steps).toBe(0);
    model.free();
  });

  it("on a freed model, before the optimizer is touched", () => {
    const model = linearRegression({ inputs: 2 });
    const optimizer = sgd({ learningRate: 0.1 });
    optimizer.step(new Float64Array(3), new Float64Array([1, 1, 1]));
    model.free();
    expectError(() => train(model, { x, y: [1, 2, 3], optimizer }), "INVALID_STATE", "model");
    expectError(() => predict(model, x), "INVALID_STATE", "model");
    expect(optimizer.steps).toBe(1);
  });

  it("in float32 models, values too large for float32 are caught", () => {
    const model = linearRegression({ inputs: 1, precision: "float32" });
    const error = expectError(() => train(model, { x: [1, 1e39], y: [0, 1] }), "INVALID_DATA", "x");
    expect(error.message).toContain("x[1]");
    model.free();
  });

  it("in predict and evaluate", () => {
    const model = softmaxRegression({ inputs: 2, classes: 3 });
    expectError(() => predict(model, [[0, 1, 2]]), "LENGTH_MISMATCH", "x");
    expectError(() => predict(model, [[0, 1]], { output: "labels" as never }), "INVALID_OPTION", "output");
    expectError(() => evaluate(model, { x, y: [0, 1, 7] }), "INVALID_DATA", "y");
    expectError(() => evaluate(model, { x, y, groups: [0, 1] }), "LENGTH_MISMATCH", "groups");
    model.free();
  });
});

describe("README: Models and training", () => {
  it("runs as written", () => {
    const { x, y } = iris();
    const features = standardize(x, { columns: 4 }).x;
    const model = softmaxRegression({ inputs: 4, classes: 3, l2: 1e-3 });
    const history = train(model, { x: features, y, optimizer: adam({ learningRate: 0.05 }), batchSize: 16, epochs: 100, seed: 1 });
    expect(history.loss.length).toBe(100);
    expect(evaluate(model, { x: features, y }).accuracy).toBeCloseTo(0.973, 3);
    const probabilities = predict(model, features.subarray(0, 4));
    expect(probabilities[0] + probabilities[1] + probabilities[2]).toBeCloseTo(1, 12);

    const spirals = twoSpirals({ points: 100, turns: 2, seed: 1 });
    const net = mlp({ layers: [2, 32, 32, 2], activation: "relu", precision: "float32", seed: 1 });
    train(net, { x: spirals.x, y: spirals.y, optimizer: adam({ learningRate: 0.01 }), batchSize: 32, epochs: 300, seed: 2 });
    expect(evaluate(net, { x: spirals.x, y: spirals.y }).accuracy).toBe(1);

    const grads = new Float32Array(net.parameterCount);
    const opt = adam();
    const loss = net.valueAndGradient(net.parameters, grads, { x: spirals.x, y: spirals.y });
    opt.step(net.parameters, grads);
    expect(loss).toBeGreaterThan(0);
    expect(loss).toBeLessThan(0.01);
    model.free();
    net.free();
  });

  it("WebAssembly training gives the same bits in every engine (this file also runs in Chromium)", async () => {
    const backend = await loadBackend("wasm-simd");
    const expected = { float64: [0.6582999659581521, 28.468163817746273], float32: [0.658299969881773, 28.468162434117403] };
    for (const precision of ["float64", "float32"] as const) {
      const { x, y } = twoSpirals({ points: 60, seed: 2 });
      const net = mlp({ layers: [2, 16, 12, 2], activation: "tanh", batchNorm: true, l2: 1e-4, seed: 6, precision, backend });
      const history = train(net, { x, y, optimizer: adam({ learningRate: 0.01, backend }), batchSize: 16, epochs: 10, seed: 7 });
      let sum = 0;
      for (const v of net.parameters) sum += v;
      expect([history.loss.at(-1), sum]).toEqual(expected[precision]);
      net.free();
    }
  });
});
