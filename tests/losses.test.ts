import { describe, expect, it } from "vitest";
import {
  binaryCrossEntropy, DownhillError, hinge, huber, loadBackend, mae, mse, referenceModelKernels, seededRandom,
  softmaxCrossEntropy, zeroOne, type FloatArray, type Loss, type ModelKernelSet,
} from "../bindings/index";
import { modelKernelsFor } from "../bindings/models/modelKernelsFor";

// Losses: their values, their gradients against central differences, weights and
// per-group normalization, numerical stability, and the loss kernel on every backend.

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

/** max over i of |a_i − n_i| / max(|a_i|, |n_i|, 1e-4): relative, with a floor for entries near 0. */
function relativeError(a: ArrayLike<number>, n: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - n[i]) / Math.max(Math.abs(a[i]), Math.abs(n[i]), 1e-4));
  return worst;
}

/** Central differences of f at x: (f(x + h e_i) − f(x − h e_i))/(2h), h = 1e-5·max(1, |x_i|). */
function centralDifferences(f: (x: Float64Array) => number, x: Float64Array): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(x[i]));
    const saved = x[i];
    x[i] = saved + h;
    const up = f(x);
    x[i] = saved - h;
    const down = f(x);
    x[i] = saved;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

describe("loss values", () => {
  it("mse: (1/c)·Σ(o − y)², averaged over samples", () => {
    const gradient = new Float64Array(2);
    expect(mse().value([1, 2], [0, 4], { gradient })).toBe(2.5);
    expect(Array.from(gradient)).toEqual([1, -2]);
    expect(mse().value([1, 2, 3, 4], [0, 0, 0, 0], { outputsPerSample: 2 })).toBe((1 + 4) / 2 / 2 + (9 + 16) / 2 / 2);
  });

  it("mae and huber", () => {
    expect(mae().value([1, 2], [0, 4])).toBe(1.5);
    expect(huber({ delta: 1 }).value([0.5, 3], [0, 0])).toBe(1.3125);
    expect(huber({ delta: 2 }).value([3], [0])).toBe(2 * (3 - 1));
    expect(huber().delta).toBe(1);
  });

  it("binaryCrossEntropy from logits: log 2 at 0, exact and finite at ±800", () => {
    expect(binaryCrossEntropy().value([0], [1])).toBeCloseTo(Math.LN2, 15);
    expect(binaryCrossEntropy().value([800], [1])).toBe(0);
    expect(binaryCrossEntropy().value([-800], [1])).toBe(800);
    expect(binaryCrossEntropy().value([-800], [0])).toBe(0);
    const gradient = new Float64Array(1);
    binaryCrossEntropy().value([-800], [1], { gradient });
    expect(gradient[0]).toBe(-1);
    // Soft labels: −y log σ(z) − (1 − y) log(1 − σ(z)).
    const z = 0.7, y = 0.3, s = 1 / (1 + Math.exp(-z));
    expect(binaryCrossEntropy().value([z], [y])).toBeCloseTo(-y * Math.log(s) - (1 - y) * Math.log(1 - s), 14);
  });

  it("softmaxCrossEntropy: −log softmax(z)_y, stable for huge logits", () => {
    expect(softmaxCrossEntropy().value([2, 0, 0, 0, 2, 0], [0, 1])).toBeCloseTo(Math.log(1 + 2 * Math.exp(-2)), 15);
    expect(softmaxCrossEntropy().value([1000, 0], [0])).toBe(0);
    expect(softmaxCrossEntropy().value([1000, 0], [1])).toBe(1000);
    const gradient = new Float64Array(3);
    softmaxCrossEntropy().value([0, 0, 0], [2], { gradient });
    expect(Array.from(gradient, (g) => +g.toFixed(15))).toEqual([0.333333333333333, 0.333333333333333, -0.666666666666667]);
  });

  it("hinge: binary with labels 0/1, Crammer–Singer with several outputs", () => {
    expect(hinge().value([0.5, -2], [1, 0])).toBe(0.25);
    expect(hinge().value([2, 1.5, -1], [0])).toBe(0.5); // 1 + 1.5 − 2
    expect(hinge().value([2, 0.5, -1], [0])).toBe(0);
    const gradient = new Float64Array(3);
    hinge().value([2, 1.5, -1], [0], { gradient });
    expect(Array.from(gradient)).toEqual([-1, 1, 0]);
  });

  it("zeroOne counts mistakes and has a zero gradient", () => {
    expect(zeroOne().value([2, -1, 0.5], [1, 1, 0])).toBeCloseTo(2 / 3, 15);
    expect(zeroOne().value([0.1, 0.5, 0.2, 0.9, 0.1, 0], [1, 0])).toBe(0); // argmax 1 and 0
    const gradient = new Float64Array(3).fill(7);
    zeroOne().value([2, -1, 0.5], [1, 1, 0], { gradient });
    expect(Array.from(gradient)).toEqual([0, 0, 0]);
    expect(zeroOne().differentiable).toBe(false);
  });
});

describe("loss gradients equal central finite differences (relative 1e-6, float64)", () => {
  const random = seededRandom({ seed: 11 });
  const m = 7, c = 3;
  const outputs = Float64Array.from({ length: m * c }, () => 3 * random.normal());
  const values = Float64Array.from({ length: m * c }, () => random.normal());
  const probabilities = Float64Array.from({ length: m * c }, () => random.uniform());
  const labels = Float64Array.from({ length: m }, () => random.integer(c));
  const binary = Float64Array.from({ length: m }, () => random.integer(2));
  const weights = Float64Array.from({ length: m }, () => 0.1 + random.uniform());
  const groups = [0, 0, 1, 2, 2, 2, 1];
  const cases: Array<[string, Loss, Float64Array, ArrayLike<number>, number]> = [
    ["mse", mse(), outputs, values, c],
    ["mae", mae(), outputs, values, c],
    ["huber", huber({ delta: 0.8 }), outputs, values, c],
    ["binaryCrossEntropy (soft labels)", binaryCrossEntropy(), outputs, probabilities, c],
    ["softmaxCrossEntropy", softmaxCrossEntropy(), outputs, labels, c],
    ["hinge, multiclass", hinge(), outputs, labels, c],
    ["hinge, binary", hinge(), outputs.slice(0, m), binary, 1],
  ];
  for (const [name, loss, o, y, perSample] of cases) {
    for (const [label, extra] of [
      ["", {}],
      [" with weights", { weights }],
      [" with weights and groups", { weights, groups }],
    ] as const) {
      it(`${name}${label}`, () => {
        const options = { outputsPerSample: perSample, ...extra };
        const gradient = new Float64Array(o.length);
        loss.value(o, y, { ...options, gradient });
        const numeric = centralDifferences((x) => loss.value(x, y, options), Float64Array.from(o));
        expect(relativeError(gradient, numeric)).toBeLessThan(1e-6);
      });
    }
  }
});

describe("weights and per-group normalization", () => {
  const o = [1, 2, 3, 4, 5];
  const y = [0, 0, 0, 0, 0];
  const squares = o.map((v) => v * v);

  it("weights give the weighted mean Σ wℓ / Σ w", () => {
    const w = [1, 0, 2, 1, 0.5];
    const expected = squares.reduce((s, l, i) => s + w[i] * l, 0) / w.reduce((a, b) => a + b);
    expect(mse().value(o, y, { weights: w })).toBeCloseTo(expected, 13);
  });

  it("groups take the mean within each group, then across groups (a loss per atom, not per molecule)", () => {
    const groups = [7, 7, 7, 7, 3]; // a big molecule of 4 atoms and a small one of 1
    const expected = ((squares[0] + squares[1] + squares[2] + squares[3]) / 4 + squares[4]) / 2;
    expect(mse().value(o, y, { groups })).toBeCloseTo(expected, 13);
    // Not the plain mean, which lets the big group dominate.
    expect(mse().value(o, y)).not.toBeCloseTo(expected, 3);
  });

  it("groups with weights: weighted means within groups", () => {
    const groups = [0, 0, 1, 1, 1];
    const w = [1, 3, 1, 1, 2];
    const g0 = (1 * squares[0] + 3 * squares[1]) / 4, g1 = (squares[2] + squares[3] + 2 * squares[4]) / 4;
    expect(mse().value(o, y, { groups, weights: w })).toBeCloseTo((g0 + g1) / 2, 13);
  });

  it("rejects negative weights, groups whose weights are all 0, and wrong lengths", () => {
    expectError(() => mse().value(o, y, { weights: [1, -1, 1, 1, 1] }), "INVALID_DATA", "weights");
    expectError(() => mse().value(o, y, { weights: [0, 0, 0, 0, 0] }), "INVALID_DATA", "weights");
    expectError(() => mse().value(o, y, { weights: [1, 1, 0, 0, 0], groups: [0, 0, 1, 1, 1] }), "INVALID_DATA", "weights");
    expectError(() => mse().value(o, y, { weights: [1, 1] }), "LENGTH_MISMATCH", "weights");
    expectError(() => mse().value(o, y, { groups: [1, 1] }), "LENGTH_MISMATCH", "groups");
  });
});

describe("bad input to loss.value", () => {
  it("names the argument", () => {
    expectError(() => mse().value([1, NaN], [0, 0]), "INVALID_DATA", "outputs");
    expectError(() => mse().value([1, 2], [0, Infinity]), "INVALID_DATA", "targets");
    expectError(() => mse().value([1, 2], [0]), "LENGTH_MISMATCH", "targets");
    expectError(() => softmaxCrossEntropy().value([1, 2, 3, 4], [0, 2]), "INVALID_DATA", "targets");
    expectError(() => softmaxCrossEntropy().value([1, 2, 3], [0, 1]), "LENGTH_MISMATCH", "targets");
    expectError(() => softmaxCrossEntropy().value([1, 2], [0, 0]), "INVALID_OPTION", "loss");
    expectError(() => binaryCrossEntropy().value([1], [1.5]), "INVALID_DATA", "targets");
    expectError(() => hinge().value([1, 2], [1, 0.5]), "INVALID_DATA", "targets");
    expectError(() => mse().value("nope" as never, [1]), "WRONG_TYPE", "outputs");
    expectError(() => mse().value([1], [1], { gradient: new Float64Array(2) }), "LENGTH_MISMATCH", "gradient");
    expectError(() => mse().value([1], [1], { gradient: new Float32Array(1) as never }), "WRONG_TYPE", "gradient");
    expectError(() => huber({ delta: 0 }), "INVALID_OPTION", "delta");
    expectError(() => mse({ delta: 1 } as never), "UNKNOWN_OPTION", "delta");
  });

  it("writes nothing when it throws", () => {
    const gradient = new Float64Array([5, 5]);
    expect(() => mse().value([1, 2], [0, NaN], { gradient })).toThrow(DownhillError);
    expect(Array.from(gradient)).toEqual([5, 5]);
  });
});

// The loss kernel on every backend: the two WebAssembly builds agree bit for bit; the
// TypeScript reference agrees exactly where no exp/log is involved and within a few ulp
// otherwise (it uses the host's Math, WebAssembly uses AssemblyScript's).
describe("the loss kernel on every backend", async () => {
  const simd = await loadBackend("wasm-simd");
  const scalar = await loadBackend("wasm");
  const kinds: Array<[string, Loss, boolean]> = [
    ["mse", mse(), true], ["mae", mae(), true], ["huber", huber({ delta: 0.5 }), true],
    ["binaryCrossEntropy", binaryCrossEntropy(), false], ["softmaxCrossEntropy", softmaxCrossEntropy(), false],
    ["hinge", hinge(), true], ["zeroOne", zeroOne(), true],
  ];
  for (const precision of ["float64", "float32"] as const) {
    for (const [name, loss, exact] of kinds) {
      for (const c of [1, 4]) {
        if (name === "softmaxCrossEntropy" && c === 1) continue;
        it(`${name}, ${c} output${c > 1 ? "s" : ""}, ${precision}`, () => {
          const random = seededRandom({ seed: 3 + c });
          const m = 37;
          const kind = loss.targetKind(c);
          const width = kind === "values" || kind === "probabilities" ? c : 1;
          const o = Array.from({ length: m * c }, () => 4 * random.normal());
          const t = Array.from({ length: m * width }, () =>
            kind === "values" ? random.normal() : kind === "probabilities" ? random.uniform() : random.integer(kind === "binary" ? 2 : c));
          const s = Array.from({ length: m }, () => 2 * random.uniform());
          const run = (backend: typeof simd | null) => {
            const make = (values: number[]) => {
              const v = backend ? backend.vector(values.length, precision) : precision === "float32" ? new Float32Array(values.length) : new Float64Array(values.length);
              v.set(values);
              return v;
            };
            const [out, targets, scale, grad] = [make(o), make(t), make(s), make(new Array(m * c).fill(0))];
            const k = (backend ? modelKernelsFor(backend)[precision] : referenceModelKernels[precision]) as ModelKernelSet<FloatArray>;
            const value = k.loss(loss.code, out, targets, scale, grad, m, c, loss.delta);
            return { value, grad: Array.from(grad) };
          };
          const a = run(simd), b = run(scalar), ref = run(null);
          expect(a.value).toBe(b.value);
          expect(a.grad).toEqual(b.grad);
          if (exact) {
            expect(ref.value).toBe(a.value);
            expect(ref.grad).toEqual(a.grad);
          } else {
            const tolerance = precision === "float64" ? 1e-14 : 1e-6;
            expect(Math.abs(ref.value - a.value)).toBeLessThanOrEqual(tolerance * Math.abs(a.value));
            for (let i = 0; i < a.grad.length; i++) {
              expect(Math.abs(ref.grad[i] - a.grad[i])).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(a.grad[i]), 1e-3));
            }
          }
        });
      }
    }
  }
});
