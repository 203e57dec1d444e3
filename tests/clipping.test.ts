import { describe, expect, it } from "vitest";
import { clipByGlobalNorm } from "../bindings/clipping/clipByGlobalNorm";
import { clipByValue } from "../bindings/clipping/clipByValue";
import { DownhillError } from "../bindings/DownhillError";

function expectError(fn: () => unknown, code: string, argument?: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DownhillError);
  expect((caught as DownhillError).code).toBe(code);
  if (argument !== undefined) expect((caught as DownhillError).argument).toBe(argument);
}

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe("clipByValue", () => {
  it("clamps every entry to [−limit, limit] in place", () => {
    const g = new Float64Array([0.5, -3, 12, -0, 0, 1, -1, Infinity, -Infinity, NaN, 1e-320]);
    expect(clipByValue(g, { limit: 1 })).toBeUndefined();
    expect(sameBits(g, [0.5, -1, 1, -0, 0, 1, -1, 1, -1, NaN, 1e-320])).toBe(true);
  });

  it("clips every array of a list, and Float32Array to the float32-rounded limit", () => {
    const a = new Float64Array([2, -2]);
    const b = new Float32Array([0.05, -7, 7]);
    clipByValue([a, b], { limit: 0.1 });
    expect(Array.from(a)).toEqual([0.1, -0.1]);
    expect(Array.from(b)).toEqual([Math.fround(0.05), Math.fround(-0.1), Math.fround(0.1)]);
    clipByValue([], { limit: 1 });
  });

  it("rejects bad input before modifying anything", () => {
    const a = new Float64Array([5]);
    expectError(() => clipByValue([a, [1, 2] as never], { limit: 1 }), "WRONG_TYPE", "grads[1]");
    expect(a[0]).toBe(5);
    expectError(() => clipByValue(a, { limit: 0 }), "INVALID_OPTION", "limit");
    expectError(() => clipByValue(a, { limit: -1 }), "INVALID_OPTION", "limit");
    expectError(() => clipByValue(a, { limit: NaN }), "INVALID_OPTION", "limit");
    expectError(() => clipByValue(a, { limit: Infinity }), "INVALID_OPTION", "limit");
    expectError(() => clipByValue(a, {} as never), "INVALID_OPTION", "limit");
    expectError(() => clipByValue(a, { limit: 1, clipValue: 1 } as never), "UNKNOWN_OPTION", "clipValue");
    expectError(() => clipByValue([1, 2] as never, { limit: 1 }), "WRONG_TYPE", "grads[0]");
    expectError(() => clipByValue("g" as never, { limit: 1 }), "WRONG_TYPE", "grads");
    expect(a[0]).toBe(5);
  });
});

describe("clipByGlobalNorm", () => {
  it("returns the pre-clip norm and scales by maxNorm / (norm + 1e-6) when that is < 1", () => {
    const w = new Float64Array([3, 0]);
    const b = new Float64Array([4]);
    expect(clipByGlobalNorm([w, b], { maxNorm: 1 })).toBe(5);
    const c = 1 / (5 + 1e-6); // PyTorch's clip_coef
    expect(Array.from(w)).toEqual([3 * c, 0]);
    expect(Array.from(b)).toEqual([4 * c]);
    // The clipped norm is slightly below maxNorm.
    expect(Math.hypot(w[0], b[0])).toBeLessThan(1);
    expect(Math.hypot(w[0], b[0])).toBeCloseTo(1, 6);
  });

  it("leaves gradients alone when the coefficient is ≥ 1", () => {
    const g = new Float64Array([0.3, -0.4]);
    expect(clipByGlobalNorm(g, { maxNorm: 1 })).toBeCloseTo(0.5, 16);
    expect(Array.from(g)).toEqual([0.3, -0.4]);
    const exact = new Float64Array([3, 4]);
    expect(clipByGlobalNorm(exact, { maxNorm: 5 + 1e-6 })).toBe(5); // coefficient exactly 1
    expect(Array.from(exact)).toEqual([3, 4]);
  });

  it("follows PyTorch in the sliver maxNorm − 1e-6 < norm ≤ maxNorm (scales by a factor just below 1)", () => {
    const g = new Float64Array([3, 4]);
    expect(clipByGlobalNorm(g, { maxNorm: 5 })).toBe(5);
    const c = 5 / (5 + 1e-6);
    expect(c).toBeLessThan(1);
    expect(Array.from(g)).toEqual([3 * c, 4 * c]);
  });

  it("accumulates one norm over all arrays, in float64, for Float32Array too", () => {
    const a = new Float32Array([1, 2, 2]); // ‖a‖ = 3
    const b = new Float64Array([4]); // joint norm sqrt(9 + 16) = 5
    const c = new Float32Array(0);
    const norm = clipByGlobalNorm([a, c, b], { maxNorm: 2.5 });
    expect(norm).toBe(5);
    const s = 2.5 / (5 + 1e-6);
    expect(Array.from(a)).toEqual([Math.fround(1 * s), Math.fround(2 * s), Math.fround(2 * s)]);
    expect(b[0]).toBe(4 * s);
    expect(clipByGlobalNorm([], { maxNorm: 1 })).toBe(0);
    expect(clipByGlobalNorm(new Float64Array([0, -0]), { maxNorm: 1 })).toBe(0);
  });

  it("measures huge and tiny gradients without overflow or underflow", () => {
    const huge = new Float64Array([1e200, -1e200, 1e200, -1e200]);
    expect(clipByGlobalNorm(huge, { maxNorm: 1 })).toBe(2e200);
    for (const v of huge) expect(Math.abs(v)).toBeCloseTo(0.5, 12);
    const tiny = new Float64Array([3e-200, 4e-200]);
    expect(clipByGlobalNorm(tiny, { maxNorm: 1 })).toBeCloseTo(5e-200, 214);
    expect(Array.from(tiny)).toEqual([3e-200, 4e-200]);
    const denormal = new Float64Array([3e-320, 4e-320]);
    const n = clipByGlobalNorm(denormal, { maxNorm: 1 });
    expect(Math.abs(n - 5e-320)).toBeLessThanOrEqual(1e-323);
  });

  it("non-finite norms: default follows PyTorch's arithmetic, errorIfNonFinite throws and modifies nothing", () => {
    // +Infinity: N = ∞, coefficient M/∞ = 0 → finite entries 0, infinite ones NaN.
    const inf = new Float64Array([1, Infinity, -2]);
    expect(clipByGlobalNorm(inf, { maxNorm: 1 })).toBe(Infinity);
    expect(sameBits(inf, [0, NaN, -0])).toBe(true);
    // NaN: N = NaN, coefficient NaN → every entry NaN.
    const nan = [new Float64Array([1, 2]), new Float64Array([NaN])];
    expect(clipByGlobalNorm(nan, { maxNorm: 1 })).toBeNaN();
    expect([...nan[0], ...nan[1]].every(Number.isNaN)).toBe(true);
    // errorIfNonFinite: throws, nothing touched.
    const a = new Float64Array([1, 2]);
    const b = new Float64Array([-Infinity]);
    expectError(() => clipByGlobalNorm([a, b], { maxNorm: 1, errorIfNonFinite: true }), "INVALID_OPTION", "grads");
    expect(Array.from(a)).toEqual([1, 2]);
    expect(Array.from(b)).toEqual([-Infinity]);
    const c = new Float64Array([NaN, Infinity]);
    expectError(() => clipByGlobalNorm(c, { maxNorm: 1, errorIfNonFinite: true }), "INVALID_OPTION", "grads");
    expect(sameBits(c, [NaN, Infinity])).toBe(true);
    // Finite gradients are unaffected by the flag.
    const d = new Float64Array([6, 8]);
    expect(clipByGlobalNorm(d, { maxNorm: 1, errorIfNonFinite: true })).toBe(10);
  });

  it("rejects bad input before modifying anything", () => {
    const a = new Float64Array([30, 40]);
    expectError(() => clipByGlobalNorm([a, null as never], { maxNorm: 1 }), "WRONG_TYPE", "grads[1]");
    expectError(() => clipByGlobalNorm(a, { maxNorm: 0 }), "INVALID_OPTION", "maxNorm");
    expectError(() => clipByGlobalNorm(a, { maxNorm: -1 }), "INVALID_OPTION", "maxNorm");
    expectError(() => clipByGlobalNorm(a, { maxNorm: Infinity }), "INVALID_OPTION", "maxNorm");
    expectError(() => clipByGlobalNorm(a, {} as never), "INVALID_OPTION", "maxNorm");
    expectError(() => clipByGlobalNorm(a, { maxNorm: 1, errorIfNonFinite: 1 as never }), "INVALID_OPTION", "errorIfNonFinite");
    expectError(() => clipByGlobalNorm(a, { maxNorm: 1, normType: 2 } as never), "UNKNOWN_OPTION", "normType");
    expectError(() => clipByGlobalNorm(a, null as never), "WRONG_TYPE", "options");
    expect(Array.from(a)).toEqual([30, 40]);
  });
});
