import { describe, expect, it } from "vitest";
import { loadBackend, referenceKernels, type Backend, type FloatArray, type KernelSet } from "../bindings/index";
import type { AdamCoefficients, SgdCoefficients } from "../bindings/backends/Kernels";

/** One update kernel run on the backend and on the reference with the same inputs. */
type UpdateCase = [label: string, stateCount: number, run: (k: KernelSet<FloatArray>, p: FloatArray, g: FloatArray, s: FloatArray[]) => void];

// The other fused updates, each in its modes. State arrays start non-negative (they
// hold squares or maxima in real use), parameters and gradients are hostile.
const updateCases: UpdateCase[] = [
  ["adagrad", 1, (k, p, g, s) => k.adagrad(p, g, s[0], { learningRate: 0.01, epsilon: 1e-10, weightDecay: 0 })],
  ["adagrad + weight decay", 1, (k, p, g, s) => k.adagrad(p, g, s[0], { learningRate: 0.1, epsilon: 0, weightDecay: 0.01 })],
  ["rmsprop", 1, (k, p, g, s) => k.rmsprop(p, g, s[0], null, null, { learningRate: 0.01, alpha: 0.99, oneMinusAlpha: 1 - 0.99, epsilon: 1e-8, weightDecay: 0, momentum: 0, centered: false })],
  ["rmsprop centered + momentum + decay", 3, (k, p, g, s) => k.rmsprop(p, g, s[0], s[1], s[2], { learningRate: 0.01, alpha: 0.9, oneMinusAlpha: 1 - 0.9, epsilon: 1e-8, weightDecay: 0.1, momentum: 0.9, centered: true })],
  ["adadelta", 2, (k, p, g, s) => k.adadelta(p, g, s[0], s[1], { learningRate: 1, rho: 0.9, oneMinusRho: 1 - 0.9, epsilon: 1e-6, weightDecay: 0.01 })],
  ["adamax", 2, (k, p, g, s) => k.adamax(p, g, s[0], s[1], { beta1: 0.9, oneMinusBeta1: 1 - 0.9, beta2: 0.999, stepSize: 0.002 / (1 - 0.9 ** 2), epsilon: 1e-8, weightDecay: 0.01 })],
  ["nadam", 2, (k, p, g, s) => k.nadam(p, g, s[0], s[1], { beta1: 0.9, oneMinusBeta1: 1 - 0.9, beta2: 0.999, oneMinusBeta2: 1 - 0.999, biasCorrection2: 1 - 0.999 ** 2, gradientCoefficient: 1.3e-3, momentumCoefficient: 0.7e-3, epsilon: 1e-8, weightDecay: 0.01, decay: 1, decoupled: false })],
  ["nadam decoupled", 2, (k, p, g, s) => k.nadam(p, g, s[0], s[1], { beta1: 0.9, oneMinusBeta1: 1 - 0.9, beta2: 0.99, oneMinusBeta2: 1 - 0.99, biasCorrection2: 0.02, gradientCoefficient: 1e-2, momentumCoefficient: 2e-3, epsilon: 0, weightDecay: 0.1, decay: 0.999, decoupled: true })],
  ["lion", 1, (k, p, g, s) => k.lion(p, g, s[0], { learningRate: 1e-4, beta1: 0.9, oneMinusBeta1: 1 - 0.9, beta2: 0.99, oneMinusBeta2: 1 - 0.99, decay: 1 })],
  ["lion + decay", 1, (k, p, g, s) => k.lion(p, g, s[0], { learningRate: 3e-4, beta1: 0.95, oneMinusBeta1: 1 - 0.95, beta2: 0.98, oneMinusBeta2: 1 - 0.98, decay: 1 - 3e-5 })],
];
import { firstDifference, hostileValues, seeded } from "./support/random";

// Every kernel × every WebAssembly backend × both precisions × these sizes, against the
// TypeScript reference. Element-wise kernels must agree bit for bit; reductions within
// n·ε relative to Σ|terms| (in fact they use the same summation order everywhere).
const SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 1000, 100003];
const PRECISIONS = ["float64", "float32"] as const;

type Precision = (typeof PRECISIONS)[number];

function fill(backend: Backend, values: number[], precision: Precision): FloatArray {
  const v = backend.vector(values.length, precision);
  v.set(values);
  return v;
}
function plain(values: number[], precision: Precision): FloatArray {
  return precision === "float64" ? Float64Array.from(values) : Float32Array.from(values);
}
function expectSame(actual: FloatArray, expected: FloatArray, what: string): void {
  const i = firstDifference(actual, expected);
  expect(i, `${what}: first difference at ${i}: ${actual[i]} vs reference ${expected[i]}`).toBe(-1);
}

const sgdCases: Array<[string, SgdCoefficients]> = [
  ["plain", { learningRate: 0.1, momentum: 0, oneMinusDampening: 1, weightDecay: 0, nesterov: false, firstStep: true }],
  ["weight decay", { learningRate: 0.03, momentum: 0, oneMinusDampening: 1, weightDecay: 0.01, nesterov: false, firstStep: false }],
  ["momentum, first step", { learningRate: 0.1, momentum: 0.9, oneMinusDampening: 1, weightDecay: 0, nesterov: false, firstStep: true }],
  ["momentum + dampening", { learningRate: 0.1, momentum: 0.9, oneMinusDampening: 0.7, weightDecay: 0.001, nesterov: false, firstStep: false }],
  ["nesterov", { learningRate: 0.01, momentum: 0.95, oneMinusDampening: 1, weightDecay: 0.02, nesterov: true, firstStep: false }],
];

function adamCase(over: Partial<AdamCoefficients>): AdamCoefficients {
  const beta1 = 0.9, beta2 = 0.999, lr = 1e-3; // the coefficients of step t = 3
  return {
    beta1, oneMinusBeta1: 1 - beta1, beta2, oneMinusBeta2: 1 - beta2,
    stepSize: lr / (1 - beta1 * beta1 * beta1), biasCorrection2Sqrt: Math.sqrt(1 - beta2 * beta2 * beta2),
    epsilon: 1e-8, weightDecay: 0, decay: 1, decoupled: false, amsgrad: false, ...over,
  };
}
const adamCases: Array<[string, AdamCoefficients]> = [
  ["plain", adamCase({})],
  ["L2 weight decay", adamCase({ weightDecay: 0.01 })],
  ["decoupled weight decay", adamCase({ weightDecay: 0.01, decay: 1 - 1e-3 * 0.01, decoupled: true })],
  ["amsgrad", adamCase({ amsgrad: true })],
  ["amsgrad + decoupled", adamCase({ amsgrad: true, weightDecay: 0.1, decay: 0.9999, decoupled: true, epsilon: 0 })],
];

for (const name of ["wasm-simd", "wasm"] as const) {
  describe(`${name} kernels equal the TypeScript reference`, async () => {
    const backend = await loadBackend(name);
    for (const precision of PRECISIONS) {
      const k = backend.kernels[precision] as KernelSet<FloatArray>;
      const ref = referenceKernels[precision] as KernelSet<FloatArray>;

      it(`element-wise fill, copy, scale, axpy, multiply are bit-identical (${precision}, n ∈ {${SIZES.join(",")}})`, () => {
        for (const n of SIZES) {
          const xs = hostileValues(n, precision, 1 + n), ys = hostileValues(n, precision, 2 + n);
          for (const alpha of [0.75, -3.1, 1e-300, 0]) {
            const x = fill(backend, xs, precision), y = fill(backend, ys, precision);
            const rx = plain(xs, precision), ry = plain(ys, precision);
            k.multiply(x, y, y); ref.multiply(rx, ry, ry);
            expectSame(y, ry, `multiply n=${n}`);
            k.axpy(alpha, x, y); ref.axpy(alpha, rx, ry);
            expectSame(y, ry, `axpy n=${n} α=${alpha}`);
            k.scale(alpha, x); ref.scale(alpha, rx);
            expectSame(x, rx, `scale n=${n} α=${alpha}`);
            k.fill(x, alpha / 3); ref.fill(rx, alpha / 3);
            expectSame(x, rx, `fill n=${n}`);
            k.copy(y, x); ref.copy(ry, rx);
            expectSame(x, rx, `copy n=${n}`);
            backend.free(x); backend.free(y);
          }
        }
      });

      it(`reductions dot, squaredNorm, maxAbs agree within n·ε (${precision})`, () => {
        for (const n of SIZES) {
          const xs = hostileValues(n, precision, 3 + n), ys = hostileValues(n, precision, 4 + n);
          const x = fill(backend, xs, precision), y = fill(backend, ys, precision);
          const rx = plain(xs, precision), ry = plain(ys, precision);
          let scale = 0;
          for (let i = 0; i < n; i++) scale += Math.abs(rx[i] * ry[i]);
          const pairs: Array<[string, number, number, number]> = [
            ["dot", k.dot(x, y), ref.dot(rx, ry), scale],
            ["squaredNorm", k.squaredNorm(x), ref.squaredNorm(rx), ref.dot(rx, rx)],
            ["maxAbs", k.maxAbs(x), ref.maxAbs(rx), 0],
          ];
          for (const [what, got, want, magnitude] of pairs) {
            if (!Number.isFinite(want)) expect(got, `${what} n=${n}`).toBe(want);
            else expect(Math.abs(got - want), `${what} n=${n}`).toBeLessThanOrEqual(n * 2 ** -52 * magnitude);
          }
          backend.free(x); backend.free(y);
        }
      });

      it(`the fused SGD update is bit-identical in every mode (${precision})`, () => {
        for (const n of SIZES) {
          for (const [mode, c] of sgdCases) {
            const ps = hostileValues(n, precision, 5 + n), gs = hostileValues(n, precision, 6 + n);
            const bs = hostileValues(n, precision, 7 + n);
            const p = fill(backend, ps, precision), g = fill(backend, gs, precision), b = fill(backend, bs, precision);
            const rp = plain(ps, precision), rg = plain(gs, precision), rb = plain(bs, precision);
            k.sgd(p, g, b, c); ref.sgd(rp, rg, rb, c);
            expectSame(p, rp, `sgd ${mode} params n=${n}`);
            expectSame(b, rb, `sgd ${mode} buffer n=${n}`);
            expectSame(g, plain(gs, precision), `sgd ${mode} leaves grads alone n=${n}`);
            backend.free(p); backend.free(g); backend.free(b);
          }
        }
      });

      it(`the fused adagrad, rmsprop, adadelta, adamax, nadam and lion updates are bit-identical (${precision})`, () => {
        for (const n of SIZES) {
          for (const [label, stateCount, run] of updateCases) {
            const ps = hostileValues(n, precision, 12 + n), gs = hostileValues(n, precision, 13 + n);
            const ss = Array.from({ length: stateCount }, (_, j) => hostileValues(n, precision, 14 + j + n).map(Math.abs));
            const p = fill(backend, ps, precision), g = fill(backend, gs, precision);
            const s = ss.map((values) => fill(backend, values, precision));
            const rp = plain(ps, precision), rg = plain(gs, precision), rs = ss.map((values) => plain(values, precision));
            for (let step = 0; step < 3; step++) {
              run(k, p, g, s);
              run(ref, rp, rg, rs);
            }
            expectSame(p, rp, `${label} params n=${n}`);
            s.forEach((state, j) => expectSame(state, rs[j], `${label} state ${j} n=${n}`));
            expectSame(g, plain(gs, precision), `${label} leaves grads alone n=${n}`);
            [p, g, ...s].forEach((v) => backend.free(v));
          }
        }
      });

      it(`the fused Adam update is bit-identical in every mode (${precision})`, () => {
        for (const n of SIZES) {
          for (const [mode, c] of adamCases) {
            const random = seeded(n);
            const ps = hostileValues(n, precision, 8 + n), gs = hostileValues(n, precision, 9 + n);
            const ms = hostileValues(n, precision, 10 + n);
            const vs = hostileValues(n, precision, 11 + n).map(Math.abs);
            const xs = vs.map((v) => (random() < 0.5 ? v : v * 2));
            const p = fill(backend, ps, precision), g = fill(backend, gs, precision);
            const m = fill(backend, ms, precision), v = fill(backend, vs, precision), vmax = fill(backend, xs, precision);
            const rp = plain(ps, precision), rg = plain(gs, precision);
            const rm = plain(ms, precision), rv = plain(vs, precision), rvmax = plain(xs, precision);
            for (let step = 0; step < 3; step++) {
              k.adam(p, g, m, v, vmax, c);
              ref.adam(rp, rg, rm, rv, rvmax, c);
            }
            expectSame(p, rp, `adam ${mode} params n=${n}`);
            expectSame(m, rm, `adam ${mode} m n=${n}`);
            expectSame(v, rv, `adam ${mode} v n=${n}`);
            expectSame(vmax, rvmax, `adam ${mode} vmax n=${n}`);
            backend.free(p); backend.free(g); backend.free(m); backend.free(v); backend.free(vmax);
          }
        }
      });
    }
  });
}
