import { describe, expect, it } from "vitest";
import { DownhillError } from "../bindings/DownhillError";
import { backtracking } from "../bindings/lineSearch/backtracking";
import type { LineFunction, LinePoint } from "../bindings/lineSearch/LineSearch";
import { strongWolfe } from "../bindings/lineSearch/strongWolfe";

function expectError(fn: () => unknown, code: string, argument?: string): DownhillError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a DownhillError").toBeInstanceOf(DownhillError);
  const error = caught as DownhillError;
  expect(error.code).toBe(code);
  if (argument !== undefined) expect(error.argument).toBe(argument);
  return error;
}

interface TestFunction {
  name: string;
  f: (a: number) => number;
  df: (a: number) => number;
  /** μ (c1) and η (c2) of Moré & Thuente's experiments. */
  mu: number;
  eta: number;
  /** Evaluations their algorithm needs from α0 = 1e-3, 1e-1, 1e1, 1e3 (Tables 1–6). */
  evaluations: [number, number, number, number];
  /** The steps it ends at, to two digits. */
  steps: [number, number, number, number];
}

/** A LineFunction for φ and φ′ that counts its calls. */
function line(fn: { f: (a: number) => number; df: (a: number) => number }): LineFunction & { calls: number } {
  return {
    calls: 0,
    value(a: number) {
      this.calls++;
      return fn.f(a);
    },
    evaluate(a: number, point: LinePoint) {
      this.calls++;
      point.step = a;
      point.value = fn.f(a);
      point.derivative = fn.df(a);
    },
  };
}

// The six functions of J. J. Moré and D. J. Thuente, "Line search algorithms with
// guaranteed sufficient decrease", ACM TOMS 20(3):286–307, 1994, §5.
const gamma = (b: number) => Math.sqrt(1 + b * b) - b;
const yanai = (b1: number, b2: number) => ({
  f: (a: number) => gamma(b1) * Math.sqrt((1 - a) ** 2 + b2 * b2) + gamma(b2) * Math.sqrt(a * a + b1 * b1),
  df: (a: number) => (gamma(b1) * (a - 1)) / Math.sqrt((1 - a) ** 2 + b2 * b2) + (gamma(b2) * a) / Math.sqrt(a * a + b1 * b1),
});
const L = 39;
const B = 0.01;
const mtFunctions: TestFunction[] = [
  {
    name: "φ(α) = −α/(α² + 2)",
    f: (a) => -a / (a * a + 2),
    df: (a) => (a * a - 2) / (a * a + 2) ** 2,
    mu: 0.001,
    eta: 0.1,
    evaluations: [6, 3, 1, 4],
    steps: [1.4, 1.4, 10, 37],
  },
  {
    name: "φ(α) = (α + 0.004)⁵ − 2(α + 0.004)⁴",
    f: (a) => (a + 0.004) ** 5 - 2 * (a + 0.004) ** 4,
    df: (a) => 5 * (a + 0.004) ** 4 - 8 * (a + 0.004) ** 3,
    mu: 0.1,
    eta: 0.1,
    evaluations: [12, 8, 8, 11],
    steps: [1.6, 1.6, 1.6, 1.6],
  },
  {
    name: "φ(α) = φ0(α) + 2(1 − β)/(lπ)·sin(lπα/2), l = 39, β = 0.01",
    f: (a) =>
      (a <= 1 - B ? 1 - a : a >= 1 + B ? a - 1 : (a - 1) ** 2 / (2 * B) + B / 2) +
      ((2 * (1 - B)) / (L * Math.PI)) * Math.sin((L * Math.PI * a) / 2),
    df: (a) => (a <= 1 - B ? -1 : a >= 1 + B ? 1 : (a - 1) / B) + (1 - B) * Math.cos((L * Math.PI * a) / 2),
    mu: 0.1,
    eta: 0.1,
    evaluations: [12, 12, 10, 13],
    steps: [1.0, 1.0, 1.0, 1.0],
  },
  { name: "Yanai–Ozawa–Kaneko, β1 = β2 = 0.001", ...yanai(0.001, 0.001), mu: 0.001, eta: 0.001, evaluations: [4, 1, 3, 4], steps: [0.085, 0.1, 0.35, 0.83] },
  { name: "Yanai–Ozawa–Kaneko, β1 = 0.01, β2 = 0.001", ...yanai(0.01, 0.001), mu: 0.001, eta: 0.001, evaluations: [6, 3, 7, 8], steps: [0.075, 0.078, 0.073, 0.076] },
  { name: "Yanai–Ozawa–Kaneko, β1 = 0.001, β2 = 0.01", ...yanai(0.001, 0.01), mu: 0.001, eta: 0.001, evaluations: [13, 11, 8, 11], steps: [0.93, 0.93, 0.92, 0.92] },
];
const STARTS = [1e-3, 1e-1, 1e1, 1e3];

/** Relative agreement to two significant digits. */
function twoDigits(actual: number, expected: number): void {
  expect(Math.abs(actual - expected) / expected).toBeLessThan(0.06);
}

describe("strongWolfe (Moré–Thuente) on the functions of Moré and Thuente's paper", () => {
  for (const fn of mtFunctions) {
    STARTS.forEach((a0, k) => {
      it(`${fn.name}, α0 = ${a0}: strong Wolfe point in ${fn.evaluations[k]} evaluations, as in the paper`, () => {
        const search = strongWolfe({ sufficientDecrease: fn.mu, curvature: fn.eta, maxEvaluations: 30 });
        const phi = line(fn);
        const f0 = fn.f(0);
        const g0 = fn.df(0);
        const r = search.search(phi, { value: f0, derivative: g0 }, a0);
        expect(r.status).toBe("strongWolfe");
        expect(r.ok).toBe(true);
        // The promise, checked independently:
        expect(fn.f(r.step)).toBeLessThanOrEqual(f0 + fn.mu * r.step * g0);
        expect(Math.abs(fn.df(r.step))).toBeLessThanOrEqual(fn.eta * Math.abs(g0));
        expect(r.value).toBe(fn.f(r.step));
        expect(r.derivative).toBe(fn.df(r.step));
        expect(r.evaluations).toBe(fn.evaluations[k]);
        expect(phi.calls).toBe(r.evaluations);
        twoDigits(r.step, fn.steps[k]);
      });
    });
  }

  it("meets the default conditions (c1 = 1e-4, c2 = 0.9) and the CG ones (c2 = 0.1) on every function and start", () => {
    for (const c2 of [0.9, 0.1]) {
      const search = strongWolfe({ curvature: c2 });
      for (const fn of mtFunctions) {
        for (const a0 of STARTS) {
          const r = search.search(line(fn), { value: fn.f(0), derivative: fn.df(0) }, a0);
          expect(r.status, `${fn.name} α0 ${a0} c2 ${c2}: ${r.message}`).toBe("strongWolfe");
          expect(fn.f(r.step)).toBeLessThanOrEqual(fn.f(0) + 1e-4 * r.step * fn.df(0));
          expect(Math.abs(fn.df(r.step))).toBeLessThanOrEqual(c2 * Math.abs(fn.df(0)));
          expect(r.evaluations).toBeLessThanOrEqual(20);
        }
      }
    }
  });

  it("finds the exact minimizer of a quadratic in one interpolation", () => {
    const fn = { f: (a: number) => (a - 2) ** 2, df: (a: number) => 2 * (a - 2) };
    const r = strongWolfe({ curvature: 0.1 }).search(line(fn), { value: 4, derivative: -4 }, 8);
    expect(r.status).toBe("strongWolfe");
    expect(r.step).toBeCloseTo(2, 12);
    expect(r.evaluations).toBe(2);
  });

  it("shortens steps where φ is not finite, and never returns such a step", () => {
    // ln-barrier: φ(α) = (α − 1)² − ln(3 − α) is undefined for α ≥ 3.
    const fn = {
      f: (a: number) => (a < 3 ? (a - 1) ** 2 - Math.log(3 - a) : NaN),
      df: (a: number) => (a < 3 ? 2 * (a - 1) + 1 / (3 - a) : NaN),
    };
    for (const a0 of [5, 100, 1e6]) {
      const r = strongWolfe().search(line(fn), { value: fn.f(0), derivative: fn.df(0) }, a0);
      expect(r.ok).toBe(true);
      expect(r.step).toBeLessThan(3);
      expect(Number.isFinite(r.value)).toBe(true);
      expect(r.value).toBeLessThanOrEqual(fn.f(0) + 1e-4 * r.step * fn.df(0));
    }
  });

  it("stays within maxEvaluations and falls back to sufficient decrease when it cannot do better", () => {
    const fn = mtFunctions[2];
    const r = strongWolfe({ sufficientDecrease: 0.1, curvature: 0.1, maxEvaluations: 3 }).search(line(fn), { value: fn.f(0), derivative: fn.df(0) }, 1e-3);
    expect(r.evaluations).toBeLessThanOrEqual(3);
    expect(r.status).toBe("sufficientDecrease");
    expect(fn.f(r.step)).toBeLessThanOrEqual(fn.f(0) + 0.1 * r.step * fn.df(0));
    expect(fn.f(r.step)).toBeLessThan(fn.f(0));
  });

  it("fails, with step 0, when φ′(0) claims descent but φ only increases", () => {
    const fn = { f: (a: number) => a, df: () => 1 };
    const r = strongWolfe().search(line(fn), { value: 0, derivative: -1 }, 1);
    expect(r.status).toBe("failed");
    expect(r.ok).toBe(false);
    expect(r.step).toBe(0);
    expect(r.value).toBe(0);
    expect(r.evaluations).toBeLessThanOrEqual(20);
  });

  it("respects maxStep on a function that decreases forever", () => {
    const fn = { f: (a: number) => -a, df: () => -1 };
    const r = strongWolfe({ maxStep: 1000 }).search(line(fn), { value: 0, derivative: -1 }, 1);
    expect(r.step).toBe(1000);
    expect(r.status).toBe("sufficientDecrease");
  });
});

describe("backtracking (Armijo)", () => {
  it("returns the first step of α0, ρα0, ρ²α0, … with sufficient decrease, on every test function and start", () => {
    for (const shrink of [0.5, 0.1]) {
      for (const fn of mtFunctions) {
        for (const a0 of STARTS) {
          const c1 = fn.mu;
          const search = backtracking({ sufficientDecrease: c1, shrink, maxEvaluations: 100 });
          const phi = line(fn);
          const f0 = fn.f(0);
          const g0 = fn.df(0);
          const r = search.search(phi, { value: f0, derivative: g0 }, a0);
          expect(r.status).toBe("sufficientDecrease");
          expect(fn.f(r.step)).toBeLessThanOrEqual(f0 + c1 * r.step * g0);
          expect(r.value).toBe(fn.f(r.step));
          expect(Number.isNaN(r.derivative)).toBe(true); // values only
          // Every longer step tried failed the test: this is the first acceptable one.
          let step = a0;
          for (let k = 1; k < r.evaluations; k++) {
            expect(fn.f(step) > f0 + c1 * step * g0).toBe(true);
            step *= shrink;
          }
          expect(step).toBe(r.step);
          expect(phi.calls).toBe(r.evaluations);
        }
      }
    }
  });

  it("rejects non-finite values like any other", () => {
    const fn = { f: (a: number) => (a < 3 ? (a - 1) ** 2 - Math.log(3 - a) : NaN), df: () => NaN };
    const r = backtracking().search(line(fn), { value: fn.f(0), derivative: 2 * -1 + 1 / 3 }, 64);
    expect(r.ok).toBe(true);
    expect(r.step).toBe(1); // 64, 32, …, 2 are rejected
  });

  it("fails after maxEvaluations with step 0", () => {
    const fn = { f: (a: number) => a, df: () => 1 };
    const r = backtracking({ maxEvaluations: 7 }).search(line(fn), { value: 0, derivative: -1 }, 1);
    expect(r).toMatchObject({ status: "failed", ok: false, step: 0, value: 0, evaluations: 7 });
  });

  it("exposes its constants", () => {
    expect(backtracking()).toMatchObject({ name: "backtracking", sufficientDecrease: 1e-4, shrink: 0.5, maxEvaluations: 50 });
    expect(strongWolfe()).toMatchObject({ name: "strongWolfe", sufficientDecrease: 1e-4, curvature: 0.9, maxEvaluations: 20 });
  });
});

describe("line-search errors", () => {
  const fn = { f: (a: number) => (a - 1) ** 2, df: (a: number) => 2 * (a - 1) };

  it("rejects bad constants and unknown options when made", () => {
    expectError(() => strongWolfe({ sufficientDecrease: 0 }), "INVALID_OPTION", "sufficientDecrease");
    expectError(() => strongWolfe({ curvature: 1 }), "INVALID_OPTION", "curvature");
    expectError(() => strongWolfe({ maxEvaluations: 2.5 }), "INVALID_OPTION", "maxEvaluations");
    expectError(() => strongWolfe({ c1: 1e-4 } as never), "UNKNOWN_OPTION", "c1");
    expectError(() => backtracking({ shrink: 1.5 }), "INVALID_OPTION", "shrink");
    expectError(() => backtracking({ sufficientDecrease: NaN }), "INVALID_OPTION", "sufficientDecrease");
    expectError(() => backtracking({ maxEvaluations: 0 }), "INVALID_OPTION", "maxEvaluations");
    expectError(() => backtracking({ rho: 0.5 } as never), "UNKNOWN_OPTION", "rho");
    expectError(() => backtracking(0.5 as never), "WRONG_TYPE", "options");
  });

  it("rejects a start that is not a descent direction, non-finite values, and bad first steps", () => {
    for (const search of [strongWolfe(), backtracking()]) {
      expectError(() => search.search(line(fn), { value: 1, derivative: 2 }), "INVALID_OPTION", "start.derivative");
      expectError(() => search.search(line(fn), { value: 1, derivative: 0 }), "INVALID_OPTION", "start.derivative");
      expectError(() => search.search(line(fn), { value: NaN, derivative: -2 }), "INVALID_OPTION", "start.value");
      expectError(() => search.search(line(fn), { value: 1, derivative: -2 }, -1), "INVALID_OPTION", "initialStep");
      expectError(() => search.search({} as never, { value: 1, derivative: -2 }), "WRONG_TYPE", "line");
    }
  });
});
