import { beforeAll, describe, expect, it } from "vitest";
import { DownhillError } from "../bindings/DownhillError";
import { init } from "../bindings/init";
import { finiteDifferenceGradient } from "../bindings/finiteDifference/finiteDifferenceGradient";
import { gradientCheck } from "../bindings/finiteDifference/gradientCheck";
import { problems } from "../bindings/problems/problems";

/** Asserts that fn throws a DownhillError with this code (and argument). */
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

/** ‖a − b‖∞ / max(1, ‖a‖∞). */
function relativeError(a: Float64Array, b: Float64Array): number {
  let error = 0;
  let size = 1;
  for (let i = 0; i < a.length; i++) {
    error = Math.max(error, Math.abs(a[i] - b[i]));
    size = Math.max(size, Math.abs(a[i]));
  }
  return error / size;
}

beforeAll(async () => {
  await init();
});

describe("finiteDifferenceGradient matches the analytic gradients of the test problems", () => {
  // Problems whose scaling defeats the standard steps: Brown's badly scaled function has
  // f(x0) ≈ 1e12 against gradient entries ≈ 2e6, so rounding in f alone is ε·f/h ≈ 40;
  // Powell's badly scaled one has terms 10⁴·x1·x2; Osborne 1 has exp(−t·x) for t up to 320.
  const central = { default: 1e-7, brownBadlyScaled: 1e-5, osborne1: 1e-5 } as Record<string, number>;
  const forward = { default: 1e-5, brownBadlyScaled: 2e-3, powellBadlyScaled: 1e-4 } as Record<string, number>;

  for (const [id, make] of Object.entries(problems)) {
    it(`${id}: central to ${central[id] ?? central.default}, forward to ${forward[id] ?? forward.default} relative`, () => {
      const p = make();
      const analytic = new Float64Array(p.dim);
      p.gradient(p.x0, analytic);
      const x = p.x0.slice();
      expect(relativeError(analytic, finiteDifferenceGradient(p, x))).toBeLessThanOrEqual(central[id] ?? central.default);
      expect(relativeError(analytic, finiteDifferenceGradient((v) => p.value(v), x, { method: "forward" }))).toBeLessThanOrEqual(
        forward[id] ?? forward.default,
      );
      expect(x).toEqual(p.x0); // never modified
    });
  }
});

describe("finiteDifferenceGradient", () => {
  it("costs 2n evaluations (central) and n + 1 (forward), each moving exactly one entry by a representable step", () => {
    const x0 = new Float64Array([0.1, -3, 1e5, 0]);
    const calls: Float64Array[] = [];
    const f = (x: Float64Array) => {
      calls.push(x.slice());
      return x[0] * x[0] + Math.sin(x[1]) + x[2] * x[3];
    };
    finiteDifferenceGradient(f, x0);
    expect(calls.length).toBe(8);
    calls.length = 0;
    finiteDifferenceGradient(f, x0, { method: "forward" });
    expect(calls.length).toBe(5);
    expect(calls[0]).toEqual(x0); // f(x) first
    for (let i = 0; i < 4; i++) {
      const moved = calls[i + 1];
      for (let j = 0; j < 4; j++) if (j !== i) expect(moved[j]).toBe(x0[j]);
      const h = moved[i] - x0[i];
      expect(h).toBeGreaterThan(0);
      expect(x0[i] + h).toBe(moved[i]); // exactly representable step
      expect(h / Math.max(1, Math.abs(x0[i]))).toBeCloseTo(Math.sqrt(2 ** -52), 10);
    }
  });

  it("uses the central step ∛ε·max(1, |xᵢ|) and writes into out when given", () => {
    const x0 = new Float64Array([2, 1e3]);
    const seen: number[] = [];
    const out = new Float64Array(2);
    const result = finiteDifferenceGradient(
      (x) => {
        seen.push(x[1]);
        return x[0] ** 3 + 5 * x[1];
      },
      x0,
      { out },
    );
    expect(result).toBe(out);
    expect(out[0]).toBeCloseTo(12, 8);
    expect(out[1]).toBeCloseTo(5, 8);
    const h = seen[2] - 1e3;
    expect(h / 1e3).toBeCloseTo(2 ** (-52 / 3), 10);
  });

  it("is exact to rounding for quadratics with central differences, and O(h) off with forward ones", () => {
    const f = (x: Float64Array) => 3 * x[0] * x[0] - 2 * x[0] * x[1] + x[1] * x[1];
    const x = [1.5, -0.5];
    const exact = [3 * 2 * 1.5 + 1, -2 * 1.5 - 1];
    const c = finiteDifferenceGradient(f, x);
    const fw = finiteDifferenceGradient(f, x, { method: "forward" });
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(c[i] - exact[i])).toBeLessThan(1e-9);
      expect(Math.abs(fw[i] - exact[i])).toBeLessThan(1e-6);
    }
  });

  it("accepts an object with value() and plain arrays, and never modifies x", () => {
    const p = problems.beale();
    const x = Array.from(p.x0);
    const g = finiteDifferenceGradient({ value: (v: Float64Array) => p.value(v) }, x);
    expect(g).toBeInstanceOf(Float64Array);
    expect(x).toEqual(Array.from(p.x0));
  });

  it("rejects bad arguments with typed errors", () => {
    const f = (x: Float64Array) => x[0];
    expectError(() => finiteDifferenceGradient(42 as never, [1]), "WRONG_TYPE", "fn");
    expectError(() => finiteDifferenceGradient(f, "1" as never), "WRONG_TYPE", "x");
    expectError(() => finiteDifferenceGradient(f, []), "LENGTH_MISMATCH", "x");
    expectError(() => finiteDifferenceGradient(f, [NaN]), "INVALID_OPTION", "x");
    expectError(() => finiteDifferenceGradient(f, [1], { method: "backward" as never }), "INVALID_OPTION", "method");
    expectError(() => finiteDifferenceGradient(f, [1], { step: 1e-3 } as never), "UNKNOWN_OPTION", "step");
    expectError(() => finiteDifferenceGradient(f, [1, 2], { out: new Float64Array(3) }), "LENGTH_MISMATCH", "out");
  });

  it("wraps an error thrown by fn as OBJECTIVE_FAILED with the original as cause", () => {
    const boom = new RangeError("outside the domain");
    const error = expectError(
      () =>
        finiteDifferenceGradient((x) => {
          if (x[1] > 2) throw boom;
          return x[0] + x[1];
        }, [1, 2]),
      "OBJECTIVE_FAILED",
      "objective",
    );
    expect(error.cause).toBe(boom);
    expect(error.message).toContain("outside the domain");
    expect(error.message).toContain("evaluation 3");
  });
});

describe("gradientCheck", () => {
  it("passes every test problem's analytic gradient at its start (except where finite differences cannot resolve it)", () => {
    for (const [id, make] of Object.entries(problems)) {
      const p = make();
      const report = gradientCheck(p, p.x0, { tolerance: id === "brownBadlyScaled" ? 1e-5 : 1e-6 });
      expect(report.ok, `${id}: ${report.maxRelativeError}`).toBe(true);
      expect(report.analytic.length).toBe(p.dim);
      expect(report.numeric.length).toBe(p.dim);
    }
  });

  it("finds a wrong gradient entry and says which", () => {
    const p = problems.wood();
    const wrong = {
      value: (x: Float64Array) => p.value(x),
      gradient(x: Float64Array, out: Float64Array) {
        p.gradient(x, out);
        out[2] *= 0.5; // a dropped factor of 2
      },
    };
    const report = gradientCheck(wrong, p.x0);
    expect(report.ok).toBe(false);
    expect(report.worstIndex).toBe(2);
    expect(report.maxRelativeError).toBeGreaterThan(0.1);
    expect(report.maxAbsoluteError).toBeGreaterThan(1);
  });

  it("reports the analytic and numeric gradients and works with (x, gradient) functions", () => {
    const f = (x: Float64Array, g?: Float64Array) => {
      if (g) {
        g[0] = Math.cos(x[0]);
        g[1] = 2 * x[1];
      }
      return Math.sin(x[0]) + x[1] * x[1];
    };
    const report = gradientCheck(f, [0.3, -1.2]);
    expect(report.ok).toBe(true);
    expect(report.analytic[0]).toBe(Math.cos(0.3));
    expect(report.numeric[0]).toBeCloseTo(Math.cos(0.3), 9);
    expect(report.maxAbsoluteError).toBeLessThan(1e-9);
  });

  it("flags a non-finite gradient", () => {
    const f = { value: (x: Float64Array) => x[0] * x[0], gradient: (_x: Float64Array, out: Float64Array) => void (out[0] = NaN) };
    const report = gradientCheck(f, [1]);
    expect(report.ok).toBe(false);
    expect(report.worstIndex).toBe(0);
  });

  it("rejects objectives without a gradient and bad options", () => {
    expectError(() => gradientCheck({ value: (x: Float64Array) => x[0] }, [1]), "INVALID_OPTION", "objective");
    expectError(() => gradientCheck((x: Float64Array) => x[0], [1]), "INVALID_OPTION", "objective");
    expectError(() => gradientCheck(problems.rosenbrock(), [1, 1], { tolerance: -1 }), "INVALID_OPTION", "tolerance");
    expectError(() => gradientCheck(problems.rosenbrock(), [1, 1], { tol: 1 } as never), "UNKNOWN_OPTION", "tol");
    expectError(() => gradientCheck(problems.rosenbrock(), [1, 1, 1]), "LENGTH_MISMATCH");
  });
});

describe("the TSDoc examples run", () => {
  it("finiteDifferenceGradient", () => {
    const f = (x: Float64Array) => Math.sin(x[0]) + x[0] * x[1] * x[1];
    const central = finiteDifferenceGradient(f, new Float64Array([1, 2]));
    expect(Math.abs(central[0] - (Math.cos(1) + 4))).toBeLessThan(1e-9);
    expect(Math.abs(central[1] - 4)).toBeLessThan(1e-9);
    const forward = finiteDifferenceGradient(f, new Float64Array([1, 2]), { method: "forward" });
    expect(Math.abs(forward[0] - (Math.cos(1) + 4))).toBeLessThan(1e-6);
  });

  it("gradientCheck", () => {
    const p = problems.rosenbrock();
    expect(gradientCheck(p, p.x0).ok).toBe(true);
    const wrong = {
      value: p.value,
      gradient(x: Float64Array, out: Float64Array) {
        p.gradient(x, out);
        out[0] *= 2;
      },
    };
    const report = gradientCheck(wrong, p.x0);
    expect(report.worstIndex).toBe(0);
    expect(report.ok).toBe(false);
  });
});
