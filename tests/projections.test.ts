import { describe, expect, it } from "vitest";
import { DownhillError } from "../bindings/DownhillError";
import type { FloatArray } from "../bindings/FloatArray";
import { box } from "../bindings/projections/box";
import { l1Ball } from "../bindings/projections/l1Ball";
import { l2Ball } from "../bindings/projections/l2Ball";
import { nonNegative } from "../bindings/projections/nonNegative";
import type { Projection } from "../bindings/projections/Projection";
import { simplex } from "../bindings/projections/simplex";
import { seeded } from "./support/random";

// ---------- independent references, written here, not shared with the implementation ----------

/** τ solving Σ max(v_i − τ, 0) = r by bisection (f is continuous and decreasing in τ). */
function bisectionThreshold(v: ArrayLike<number>, r: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < v.length; i++) {
    lo = Math.min(lo, v[i]);
    hi = Math.max(hi, v[i]);
  }
  lo -= r / v.length; // f(lo) ≥ 0
  // f(hi) = −r < 0
  for (let k = 0; k < 2000; k++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    let s = 0;
    for (let i = 0; i < v.length; i++) s += Math.max(v[i] - mid, 0);
    if (s > r) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

function referenceSimplex(x: ArrayLike<number>, r: number): number[] {
  const tau = bisectionThreshold(x, r);
  return Array.from(x, (v) => Math.max(v - tau, 0));
}

function referenceL1(x: ArrayLike<number>, r: number): number[] {
  const abs = Array.from(x, Math.abs);
  if (abs.reduce((a, b) => a + b, 0) <= r) return Array.from(x);
  const y = referenceSimplex(abs, r);
  return y.map((v, i) => (x[i] < 0 ? -v : v));
}

/** Sum with Neumaier compensation (the test's own, accurate to about one ulp). */
function accurateSum(values: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** ⟨x − p, y − p⟩ — must be ≤ 0 (up to rounding) for every feasible y iff p is the projection. */
function variational(x: ArrayLike<number>, p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - p[i]) * (y[i] - p[i]);
  return s;
}

function projected(projection: Projection, x: ArrayLike<number>): Float64Array {
  const y = Float64Array.from(x);
  projection.project(y);
  return y;
}

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function randomVector(random: () => number, n: number, scale: number): Float64Array {
  return Float64Array.from({ length: n }, () => (random() * 2 - 1) * scale);
}

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

const SIZES = [1, 2, 3, 5, 10, 64, 257, 1000];
const SCALES = [1e-3, 1, 30];
const RADII = [1, 0.25, 7];

// ---------- simplex ----------

describe("simplex", () => {
  it("matches the bisection reference, sums to the radius and has no negative entry", () => {
    const random = seeded(1);
    for (const n of SIZES)
      for (const scale of SCALES)
        for (const r of RADII) {
          const x = randomVector(random, n, scale);
          const p = projected(simplex({ radius: r }), x);
          const ref = referenceSimplex(x, r);
          const tolerance = 1e-12 * Math.max(1, scale);
          for (let i = 0; i < n; i++) {
            expect(Math.abs(p[i] - ref[i]), `n=${n} scale=${scale} r=${r} i=${i}`).toBeLessThanOrEqual(tolerance);
            expect(p[i] >= 0 && !Object.is(p[i], -0)).toBe(true);
          }
          expect(Math.abs(accurateSum(p) - r)).toBeLessThanOrEqual(2 * Number.EPSILON * r);
        }
  });

  it("satisfies the variational inequality ⟨x − P(x), y − P(x)⟩ ≤ 1e-12 for feasible y", () => {
    const random = seeded(2);
    for (const n of [1, 2, 3, 7, 50, 300])
      for (const r of RADII) {
        const x = randomVector(random, n, 3);
        const p = projected(simplex({ radius: r }), x);
        // Every vertex r·e_j (the maximum of a linear function over the simplex is at one) …
        for (let j = 0; j < n; j++) {
          const y = new Float64Array(n);
          y[j] = r;
          expect(variational(x, p, y)).toBeLessThanOrEqual(1e-12);
        }
        // … and random points of the simplex.
        for (let k = 0; k < 50; k++) {
          const y = Float64Array.from({ length: n }, () => random() + 1e-3);
          const s = y.reduce((a, b) => a + b, 0);
          for (let i = 0; i < n; i++) y[i] = (y[i] / s) * r;
          expect(variational(x, p, y)).toBeLessThanOrEqual(1e-12);
        }
      }
  });

  it("is idempotent bit for bit, and leaves points of the simplex exactly as they are", () => {
    const random = seeded(3);
    for (const n of SIZES)
      for (const r of RADII) {
        const once = projected(simplex({ radius: r }), randomVector(random, n, 5));
        const twice = projected(simplex({ radius: r }), once);
        expect(sameBits(once, twice), `n=${n} r=${r}`).toBe(true);
      }
    for (const point of [[1], [0.25, 0.25, 0.5], [0, 0, 1], [0.5, -0, 0.5], [0.125, 0.375, 0.5, 0]]) {
      const x = Float64Array.from(point);
      simplex().project(x);
      expect(sameBits(x, point)).toBe(true); // including the −0
    }
  });

  it("handles the edge cases: n = 1, equal entries, huge values, −0", () => {
    expect(Array.from(projected(simplex(), [-5]))).toEqual([1]);
    expect(Array.from(projected(simplex({ radius: 3 }), [1e9]))).toEqual([3]);
    expect(Array.from(projected(simplex(), [7, 7, 7, 7]))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(Array.from(projected(simplex(), [-3, -3]))).toEqual([0.5, 0.5]);
    // Huge magnitudes: the answer is exact although x − τ would lose every digit.
    expect(Array.from(projected(simplex(), [1e300, -1e300]))).toEqual([1, 0]);
    expect(Array.from(projected(simplex(), [1.7e308, -1.7e308, 0]))).toEqual([1, 0, 0]);
    expect(Array.from(projected(simplex(), [1e10, 1e10 + 0.5]))).toEqual([0.25, 0.75]);
    expect(Array.from(projected(simplex(), [1e16, 1e16 + 2]))).toEqual([0, 1]);
    expect(Array.from(projected(simplex(), [-1e300, -1e300, -1e300, -1e300]))).toEqual([0.25, 0.25, 0.25, 0.25]);
    // −0 is 0: [−0, −0] is not on the simplex (sum 0) and goes to its center, all +0-free.
    const z = projected(simplex(), [-0, -0]);
    expect(Array.from(z)).toEqual([0.5, 0.5]);
    const w = projected(simplex(), [-0, 2, -0]);
    expect(w[1]).toBe(1);
    expect(Object.is(w[0], 0) && Object.is(w[2], 0)).toBe(true); // written zeros are +0
    // The TSDoc example.
    const example = projected(simplex(), [0.5, 1.2, -0.3]);
    expect(example[0]).toBeCloseTo(0.15, 15);
    expect(example[1]).toBeCloseTo(0.85, 15);
    expect(Object.is(example[2], 0)).toBe(true);
    // Tiny radius and tiny values.
    const tiny = projected(simplex({ radius: 1e-300 }), [1e-300, 3e-300, 0]);
    expect(Math.abs(accurateSum(tiny) - 1e-300)).toBeLessThanOrEqual(1e-315);
  });

  it("keeps full accuracy far from the origin (translation invariance) and in a skewed case", () => {
    const random = seeded(5);
    for (const offset of [1e6, 1e12, -1e12, 2 ** 44]) {
      // δ on a 2^-8 grid, exactly representable next to the offset.
      const delta = Float64Array.from({ length: 40 }, () => Math.round((random() * 4 - 2) * 256) / 256);
      const p = projected(simplex(), Array.from(delta, (d) => offset + d));
      const ref = referenceSimplex(delta, 1);
      for (let i = 0; i < delta.length; i++) expect(Math.abs(p[i] - ref[i])).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(accurateSum(p) - 1)).toBeLessThanOrEqual(2 * Number.EPSILON);
    }
    // One dominant entry and 999 nearly equal ones: τ ≈ −0.999·r in shifted coordinates,
    // where a plain τ would leave the sum off by ~1e-13.
    const skewed = [0, ...Array.from({ length: 999 }, (_, i) => -0.999 - i * 1e-9)];
    const p = projected(simplex(), skewed);
    expect(Math.abs(accurateSum(p) - 1)).toBeLessThanOrEqual(2 * Number.EPSILON);
    const ref = referenceSimplex(skewed, 1);
    for (let i = 0; i < p.length; i++) expect(Math.abs(p[i] - ref[i])).toBeLessThanOrEqual(1e-13);
  });

  it("projects Float32Array to float32 precision", () => {
    const random = seeded(4);
    for (const n of [1, 3, 100]) {
      const x64 = randomVector(random, n, 2);
      const x32 = Float32Array.from(x64);
      const ref = referenceSimplex(x32, 1);
      simplex().project(x32);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        expect(x32[i]).toBeGreaterThanOrEqual(0);
        expect(Math.abs(x32[i] - ref[i])).toBeLessThanOrEqual(2e-7);
        sum += x32[i];
      }
      expect(Math.abs(sum - 1)).toBeLessThanOrEqual(4e-7);
      const again = Float32Array.from(x32);
      simplex().project(again);
      expect(sameBits(again, x32)).toBe(true);
    }
  });

  it("reuses its workspace across calls of different lengths", () => {
    const p = simplex();
    for (const n of [5, 3, 5, 1000, 2]) {
      const x = randomVector(seeded(n), n, 1);
      expect(Array.from(projected(p, x))).toEqual(Array.from(projected(simplex(), x)));
    }
  });

  it("rejects bad input and leaves x untouched", () => {
    expectError(() => simplex({ radius: 0 }), "INVALID_OPTION", "radius");
    expectError(() => simplex({ radius: -1 }), "INVALID_OPTION", "radius");
    expectError(() => simplex({ radius: NaN }), "INVALID_OPTION", "radius");
    expectError(() => simplex({ radius: Infinity }), "INVALID_OPTION", "radius");
    expectError(() => simplex({ raduis: 1 } as never), "UNKNOWN_OPTION", "raduis");
    expectError(() => simplex().project([1, 2] as never), "WRONG_TYPE", "x");
    expectError(() => simplex().project(new Float64Array(0)), "INVALID_OPTION", "x");
    for (const bad of [NaN, Infinity, -Infinity]) {
      const x = new Float64Array([3, -1, bad, 2]);
      const before = Float64Array.from(x);
      expectError(() => simplex().project(x), "INVALID_OPTION", "x");
      expect(sameBits(x, before)).toBe(true);
    }
  });
});

// ---------- l1Ball ----------

describe("l1Ball", () => {
  it("matches the bisection reference and lands on the sphere Σ|x| = r", () => {
    const random = seeded(11);
    for (const n of SIZES)
      for (const scale of SCALES)
        for (const r of RADII) {
          const x = randomVector(random, n, scale);
          const p = projected(l1Ball({ radius: r }), x);
          const ref = referenceL1(x, r);
          const tolerance = 1e-12 * Math.max(1, scale);
          for (let i = 0; i < n; i++) {
            expect(Math.abs(p[i] - ref[i]), `n=${n} scale=${scale} r=${r} i=${i}`).toBeLessThanOrEqual(tolerance);
            expect(p[i] === 0 || Math.sign(p[i]) === Math.sign(x[i])).toBe(true);
          }
          const l1 = accurateSum(Array.from(x, Math.abs));
          if (l1 > r) expect(Math.abs(accurateSum(Array.from(p, Math.abs)) - r)).toBeLessThanOrEqual(2 * Number.EPSILON * r);
          else expect(sameBits(p, x)).toBe(true);
        }
  });

  it("satisfies the variational inequality over the vertices ±r·e_j and random points", () => {
    const random = seeded(12);
    for (const n of [1, 2, 5, 40, 300])
      for (const r of RADII) {
        const x = randomVector(random, n, 4);
        const p = projected(l1Ball({ radius: r }), x);
        for (let j = 0; j < n; j++)
          for (const sign of [1, -1]) {
            const y = new Float64Array(n);
            y[j] = sign * r;
            expect(variational(x, p, y)).toBeLessThanOrEqual(1e-12);
          }
        for (let k = 0; k < 50; k++) {
          const y = randomVector(random, n, 1);
          const s = y.reduce((a, b) => a + Math.abs(b), 0);
          const shrink = random();
          for (let i = 0; i < n; i++) y[i] = (y[i] / s) * r * shrink;
          expect(variational(x, p, y)).toBeLessThanOrEqual(1e-12);
        }
      }
  });

  it("is idempotent, leaves interior points alone and handles edge cases", () => {
    const random = seeded(13);
    for (const n of SIZES) {
      const once = projected(l1Ball(), randomVector(random, n, 3));
      expect(sameBits(projected(l1Ball(), once), once)).toBe(true);
    }
    for (const inside of [[0.2, -0.3, 0.1], [-0, 0], [1], [-1], [0.5, -0.5], []]) {
      expect(sameBits(projected(l1Ball(), inside), inside)).toBe(true);
    }
    expect(Array.from(projected(l1Ball(), [-4]))).toEqual([-1]);
    expect(Array.from(projected(l1Ball({ radius: 2 }), [3, -3, 3, -3]))).toEqual([0.5, -0.5, 0.5, -0.5]);
    expect(Array.from(projected(l1Ball(), [1e300, -1e300]))).toEqual([0.5, -0.5]);
    const documented = projected(l1Ball(), [0.9, -0.6, 0.05]); // the TSDoc example
    expect(documented[0]).toBeCloseTo(0.65, 15);
    expect(documented[1]).toBeCloseTo(-0.35, 15);
    expect(Object.is(documented[2], 0)).toBe(true);
  });

  it("rejects bad input and leaves x untouched", () => {
    expectError(() => l1Ball({ radius: 0 }), "INVALID_OPTION", "radius");
    expectError(() => l1Ball({ size: 1 } as never), "UNKNOWN_OPTION", "size");
    expectError(() => l1Ball().project(new Int32Array(2) as never), "WRONG_TYPE", "x");
    const x = new Float64Array([5, NaN]);
    expectError(() => l1Ball().project(x), "INVALID_OPTION", "x");
    expect(x[0]).toBe(5);
  });
});

// ---------- box and nonNegative ----------

describe("box", () => {
  it("is the closed form min(max(x, lower), upper), scalar and per-coordinate", () => {
    const random = seeded(21);
    const n = 100;
    const lower = Float64Array.from({ length: n }, () => random() * 2 - 1.5); // in [−1.5, 0.5)
    const upper = Float64Array.from(lower, (l) => l + random() * 2);
    const x = randomVector(random, n, 3);
    const expected = Array.from(x, (v, i) => Math.min(Math.max(v, lower[i]), upper[i]));
    expect(Array.from(projected(box({ lower, upper }), x))).toEqual(expected);
    expect(Array.from(projected(box({ lower: -0.5, upper: 0.5 }), x))).toEqual(
      Array.from(x, (v) => Math.min(Math.max(v, -0.5), 0.5)),
    );
    expect(Array.from(projected(box({ lower, upper: 0.75 }), x))).toEqual(
      Array.from(x, (v, i) => Math.min(Math.max(v, lower[i]), 0.75)),
    );
    expect(Array.from(projected(box({ lower: -2, upper }), x))).toEqual(
      Array.from(x, (v, i) => Math.min(Math.max(v, -2), upper[i])),
    );
    expect(Array.from(projected(box({ upper: 1 }), [-1e300, 2, 0.5]))).toEqual([-1e300, 1, 0.5]);
    expect(Array.from(projected(box({ lower: 0, upper: 1 }), [-0.5, 0.3, 7]))).toEqual([0, 0.3, 1]); // TSDoc example
    expect(Array.from(projected(box(), [-1e308, 5]))).toEqual([-1e308, 5]); // no bounds: identity
    expect(Array.from(projected(box({ lower: 0, upper: 1 }), [-Infinity, Infinity, 0.3]))).toEqual([0, 1, 0.3]);
    expect(Number.isNaN(projected(box({ lower: 0, upper: 1 }), [NaN])[0])).toBe(true);
  });

  it("satisfies the variational inequality, is idempotent and leaves inside points (even −0) alone", () => {
    const random = seeded(22);
    const projection = box({ lower: -1, upper: 2 });
    for (let k = 0; k < 20; k++) {
      const x = randomVector(random, 10, 5);
      const p = projected(projection, x);
      expect(sameBits(projected(projection, p), p)).toBe(true);
      for (let m = 0; m < 20; m++) {
        const y = Float64Array.from({ length: 10 }, () => -1 + 3 * random());
        expect(variational(x, p, y)).toBeLessThanOrEqual(1e-12);
      }
    }
    expect(sameBits(projected(box({ lower: 0, upper: 1 }), [-0, 0, 1, 0.5]), [-0, 0, 1, 0.5])).toBe(true);
    expect(Array.from(projected(box({ lower: 2, upper: 2 }), [1, 3]))).toEqual([2, 2]);
  });

  it("copies its bounds and writes bounds rounded to float32 into Float32Array", () => {
    const lower = new Float64Array([0, 0]);
    const projection = box({ lower, upper: 1 });
    lower[0] = 0.9;
    expect(Array.from(projected(projection, [0.5, -1]))).toEqual([0.5, 0]);
    const x = new Float32Array([5, -5]);
    box({ lower: -0.1, upper: 0.1 }).project(x);
    expect(Array.from(x)).toEqual([Math.fround(0.1), Math.fround(-0.1)]);
  });

  it("rejects bad bounds, naming the argument, and mismatched lengths", () => {
    expectError(() => box({ lower: 1, upper: 0 }), "INVALID_OPTION", "lower");
    expectError(
      () => box({ lower: new Float64Array([0, 3]), upper: new Float64Array([1, 2]) }),
      "INVALID_OPTION",
      "lower",
    );
    expectError(() => box({ lower: 0, upper: new Float64Array([1, -1]) }), "INVALID_OPTION", "lower");
    expectError(() => box({ lower: NaN }), "INVALID_OPTION", "lower");
    expectError(() => box({ lower: Infinity }), "INVALID_OPTION", "lower");
    expectError(() => box({ upper: -Infinity }), "INVALID_OPTION", "upper");
    expectError(() => box({ upper: new Float64Array([1, NaN]) }), "INVALID_OPTION", "upper");
    expectError(() => box({ lower: [0, 1] as never }), "WRONG_TYPE", "lower");
    expectError(() => box({ lower: "0" as never }), "WRONG_TYPE", "lower");
    expectError(() => box({ lowerBound: 0 } as never), "UNKNOWN_OPTION", "lowerBound");
    expectError(() => box({ lower: new Float64Array(2), upper: new Float64Array(3) }), "LENGTH_MISMATCH", "upper");
    const x = new Float64Array([5, 5, 5]);
    expectError(() => box({ lower: new Float64Array(2) }).project(x), "LENGTH_MISMATCH", "x");
    expect(Array.from(x)).toEqual([5, 5, 5]);
  });
});

describe("nonNegative", () => {
  it("is max(x, 0): negatives become +0, the rest is left exactly as it is", () => {
    const p = projected(nonNegative(), [-2, 3, -0, 0, -Infinity, Infinity, -1e-320]);
    expect(sameBits(p, [0, 3, -0, 0, 0, Infinity, 0])).toBe(true);
    expect(Number.isNaN(projected(nonNegative(), [NaN])[0])).toBe(true);
    const x = randomVector(seeded(31), 50, 2);
    expect(sameBits(projected(nonNegative(), x), projected(box({ lower: 0 }), x))).toBe(true);
    const once = projected(nonNegative(), x);
    expect(sameBits(projected(nonNegative(), once), once)).toBe(true);
    const x32 = new Float32Array([-1, 2]);
    nonNegative().project(x32);
    expect(Array.from(x32)).toEqual([0, 2]);
  });

  it("takes no options", () => {
    expect(nonNegative({}).name).toBe("nonNegative");
    expectError(() => nonNegative({ lower: 0 } as never), "UNKNOWN_OPTION", "lower");
    expectError(() => nonNegative(5 as never), "WRONG_TYPE", "options");
    expectError(() => nonNegative().project(null as never), "WRONG_TYPE", "x");
  });
});

// ---------- l2Ball ----------

describe("l2Ball", () => {
  it("is the closed form c + (x − c)·r/‖x − c‖ outside and the identity inside", () => {
    const random = seeded(41);
    for (const n of [1, 2, 3, 10, 1000])
      for (const r of RADII)
        for (const withCenter of [false, true]) {
          const center = withCenter ? randomVector(random, n, 2) : new Float64Array(n);
          const x = randomVector(random, n, 4);
          const p = projected(l2Ball(withCenter ? { radius: r, center } : { radius: r }), x);
          const d = Array.from(x, (v, i) => v - center[i]);
          const norm = Math.sqrt(dot(d, d));
          for (let i = 0; i < n; i++) {
            const expected = norm <= r ? x[i] : center[i] + (d[i] * r) / norm;
            expect(Math.abs(p[i] - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected)));
          }
          if (norm <= r) expect(sameBits(p, x)).toBe(true);
          // Variational inequality: the worst feasible y is c + r·(x − p)/‖x − p‖.
          const a = Array.from(x, (v, i) => v - p[i]);
          const an = Math.sqrt(dot(a, a));
          if (an > 0) {
            const worst = a.map((v, i) => center[i] + (r * v) / an);
            expect(variational(x, p, worst)).toBeLessThanOrEqual(1e-12 * Math.max(1, an));
          }
          for (let k = 0; k < 20; k++) {
            const y = randomVector(random, n, 1);
            const yn = Math.sqrt(dot(y, y));
            const t = random();
            const feasible = Array.from(y, (v, i) => center[i] + (v / yn) * r * t);
            expect(variational(x, p, feasible)).toBeLessThanOrEqual(1e-12 * Math.max(1, an));
          }
        }
  });

  it("is idempotent and lands on the sphere", () => {
    const random = seeded(42);
    for (const n of [1, 2, 7, 100, 10000]) {
      const once = projected(l2Ball({ radius: 2 }), randomVector(random, n, 10));
      const twice = projected(l2Ball({ radius: 2 }), once);
      expect(sameBits(twice, once)).toBe(true);
      expect(Math.abs(Math.sqrt(dot(once, once)) - 2)).toBeLessThanOrEqual(1e-14);
      const center = randomVector(random, n, 1);
      const ball = l2Ball({ radius: 0.5, center });
      const c1 = projected(ball, randomVector(random, n, 10));
      const c2 = projected(ball, c1);
      for (let i = 0; i < n; i++) expect(Math.abs(c2[i] - c1[i])).toBeLessThanOrEqual(4 * Number.EPSILON);
    }
  });

  it("handles huge and tiny vectors without overflow or underflow", () => {
    const big = projected(l2Ball(), [1e300, 1e300]);
    expect(big[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(big[1]).toBeCloseTo(Math.SQRT1_2, 15);
    const huge = projected(l2Ball({ radius: 3 }), [1.7e308, -1.7e308, 0]);
    expect(huge[0]).toBeCloseTo(3 * Math.SQRT1_2, 14);
    expect(huge[1]).toBeCloseTo(-3 * Math.SQRT1_2, 14);
    const tiny = projected(l2Ball({ radius: 1e-300 }), [3e-300, 4e-300]);
    expect(tiny[0] / 1e-300).toBeCloseTo(0.6, 14);
    expect(tiny[1] / 1e-300).toBeCloseTo(0.8, 14);
    expect(sameBits(projected(l2Ball(), [1e-320, -0]), [1e-320, -0])).toBe(true);
    expect(Array.from(projected(l2Ball(), [3, 4]))).toEqual([0.6000000000000001, 0.8]);
    expect(Array.from(projected(l2Ball(), [-5]))).toEqual([-1]);
  });

  it("copies the center and rejects bad input", () => {
    const center = new Float64Array([10, 10]);
    const ball = l2Ball({ center });
    center[0] = 0;
    expect(Array.from(projected(ball, [10, 10]))).toEqual([10, 10]);
    expectError(() => l2Ball({ radius: -2 }), "INVALID_OPTION", "radius");
    expectError(() => l2Ball({ centre: new Float64Array(1) } as never), "UNKNOWN_OPTION", "centre");
    expectError(() => l2Ball({ center: [0, 0] as never }), "WRONG_TYPE", "center");
    expectError(() => l2Ball({ center: new Float64Array([0, NaN]) }), "INVALID_OPTION", "center");
    const x = new Float64Array([5, 5, 5]);
    expectError(() => ball.project(x), "LENGTH_MISMATCH", "x");
    const y = new Float64Array([5, Infinity]);
    expectError(() => l2Ball().project(y), "INVALID_OPTION", "x");
    expect(Array.from(x)).toEqual([5, 5, 5]);
    expect(Array.from(y)).toEqual([5, Infinity]);
  });
});

describe("every projection", () => {
  it("is named, accepts Float32Array and keeps it feasible to float32 precision", () => {
    const random = seeded(51);
    const cases: Array<[Projection, (v: Float32Array) => boolean]> = [
      [box({ lower: -1, upper: 1 }), (v) => v.every((e) => Math.abs(e) <= 1)],
      [nonNegative(), (v) => v.every((e) => e >= 0)],
      [simplex(), (v) => v.every((e) => e >= 0) && Math.abs(v.reduce((a, b) => a + b, 0) - 1) < 1e-6],
      [l1Ball(), (v) => v.reduce((a, b) => a + Math.abs(b), 0) < 1 + 1e-6],
      [l2Ball(), (v) => Math.sqrt(dot(v, v)) < 1 + 1e-6],
    ];
    for (const [projection, feasible] of cases) {
      expect(projection.name).toMatch(/^[a-zA-Z0-9]+$/);
      const x = Float32Array.from(randomVector(random, 33, 3));
      projection.project(x as FloatArray);
      expect(feasible(x), projection.name).toBe(true);
    }
  });
});
