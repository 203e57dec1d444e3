import { describe, expect, it } from "vitest";
import {
  cars, DownhillError, iris, lowRankRatings, noisyLinearData, seededRandom, standardize, twoSpirals,
} from "../bindings/index";
import { deterministicLog } from "../bindings/math/deterministicLog";

// The embedded data sets and the seeded generators. Every expected value here is
// exact: the generators use integer arithmetic and + − × ÷ √ only, so Node and
// Chromium (this file runs in both) must produce these very bits.

function expectError(fn: () => unknown, code: string, argument: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DownhillError);
  expect((caught as DownhillError).code).toBe(code);
  expect((caught as DownhillError).argument).toBe(argument);
}

describe("iris", () => {
  it("is Fisher's 150 flowers × 4 measurements in 3 classes of 50", () => {
    const data = iris();
    expect(data.samples).toBe(150);
    expect(data.x).toBeInstanceOf(Float64Array);
    expect(data.x.length).toBe(600);
    expect(Array.from(data.x.subarray(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2]); // the first setosa
    expect(Array.from(data.x.subarray(596))).toEqual([5.9, 3, 5.1, 1.8]); // the last virginica
    expect(data.classes).toEqual(["setosa", "versicolor", "virginica"]);
    expect(data.features).toEqual(["sepalLength", "sepalWidth", "petalLength", "petalWidth"]);
    const counts = [0, 0, 0];
    for (const label of data.y) counts[label]++;
    expect(counts).toEqual([50, 50, 50]);
    expect(data.x.every(Number.isFinite)).toBe(true);
  });

  it("returns fresh arrays every call", () => {
    const a = iris();
    a.x[0] = 99;
    a.y[0] = 2;
    expect(iris().x[0]).toBe(5.1);
    expect(iris().y[0]).toBe(0);
  });
});

describe("cars", () => {
  it("holds the 392 complete rows of mpg against horsepower and weight", () => {
    const data = cars();
    expect(data.samples).toBe(392);
    expect(data.x.length).toBe(784);
    expect(data.y.length).toBe(392);
    expect(data.features).toEqual(["horsepower", "weight"]);
    expect(data.target).toBe("mpg");
    // The first car: chevrolet chevelle malibu, 18 mpg, 130 hp, 3504 lbs.
    expect([data.x[0], data.x[1], data.y[0]]).toEqual([130, 3504, 18]);
    expect(data.x.every(Number.isFinite) && data.y.every(Number.isFinite)).toBe(true);
    // Heavier, more powerful cars use more fuel: both correlations are strongly negative.
    const corr = (column: number) => {
      const n = data.samples;
      const xs = Array.from({ length: n }, (_, i) => data.x[2 * i + column]);
      const mx = xs.reduce((a, b) => a + b) / n, my = data.y.reduce((a, b) => a + b) / n;
      let sxy = 0, sxx = 0, syy = 0;
      xs.forEach((v, i) => {
        sxy += (v - mx) * (data.y[i] - my);
        sxx += (v - mx) ** 2;
        syy += (data.y[i] - my) ** 2;
      });
      return sxy / Math.sqrt(sxx * syy);
    };
    expect(corr(0)).toBeLessThan(-0.75);
    expect(corr(1)).toBeLessThan(-0.8);
  });
});

describe("seededRandom", () => {
  it("is mulberry32: the same numbers for a seed in every engine", () => {
    const r = seededRandom({ seed: 42 });
    expect([r.uniform(), r.uniform(), r.uniform()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    expect(r.seed).toBe(42);
  });

  it("shuffles with Fisher–Yates, identically everywhere", () => {
    const order = seededRandom({ seed: 7 }).shuffle(Int32Array.from({ length: 10 }, (_, i) => i));
    expect(Array.from(order)).toEqual([6, 5, 8, 1, 2, 3, 4, 7, 9, 0]);
  });

  it("draws standard normals (polar method, deterministic logarithm)", () => {
    const first = seededRandom({ seed: 1 });
    expect([first.normal(), first.normal(), first.normal()]).toEqual([0.02191729852272542, 0.38413386922984266, 0.7624596969671427]);
    const r = seededRandom({ seed: 3 });
    const n = 20000;
    let sum = 0, squares = 0;
    for (let i = 0; i < n; i++) {
      const v = r.normal();
      sum += v;
      squares += v * v;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.03);
  });

  it("integer(n) is uniform on 0..n−1", () => {
    const r = seededRandom({ seed: 5 });
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[r.integer(6)]++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(100);
  });

  it("rejects a seed that is not a whole number and unknown options", () => {
    expectError(() => seededRandom({ seed: 1.5 }), "INVALID_OPTION", "seed");
    expectError(() => seededRandom({ sed: 1 } as never), "UNKNOWN_OPTION", "sed");
  });

  it("deterministicLog agrees with Math.log to a few ulp over the whole range", () => {
    const r = seededRandom({ seed: 9 });
    for (let i = 0; i < 2000; i++) {
      const x = Math.exp(1400 * r.uniform() - 700);
      const expected = Math.log(x);
      expect(Math.abs(deterministicLog(x) - expected)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(expected)));
    }
    expect(deterministicLog(1)).toBe(0);
    expect(deterministicLog(5e-324)).toBeCloseTo(-744.44007192138, 10);
    expect(deterministicLog(0)).toBe(-Infinity);
    expect(deterministicLog(-1)).toBeNaN();
  });
});

describe("twoSpirals", () => {
  it("makes two interleaved spirals of `points` each, shuffled, the same bits everywhere", () => {
    const s = twoSpirals({ points: 50, noise: 0.05, seed: 3 });
    expect(s.samples).toBe(100);
    expect(s.x.length).toBe(200);
    expect(Array.from(s.y.subarray(0, 10))).toEqual([0, 1, 0, 0, 0, 1, 0, 1, 1, 0]);
    expect(s.x[0]).toBe(-0.026541407176562556);
    expect(s.x[1]).toBe(0.20510894633401014);
    expect(s.y.reduce((a, b) => a + b, 0)).toBe(50);
  });

  it("without noise, spiral 1 is spiral 0 turned by half a turn", () => {
    const s = twoSpirals({ points: 40, turns: 2, seed: 1 });
    const byClass: Array<Array<[number, number]>> = [[], []];
    for (let i = 0; i < s.samples; i++) byClass[s.y[i]].push([s.x[2 * i], s.x[2 * i + 1]]);
    for (const [a, b] of byClass[1]) {
      expect(byClass[0].some(([c, d]) => Math.abs(a + c) < 1e-12 && Math.abs(b + d) < 1e-12)).toBe(true);
    }
    for (let i = 0; i < s.samples; i++) expect(Math.hypot(s.x[2 * i], s.x[2 * i + 1])).toBeLessThanOrEqual(1 + 1e-12);
  });

  it("checks its options", () => {
    expectError(() => twoSpirals({ points: 0 }), "INVALID_OPTION", "points");
    expectError(() => twoSpirals({ turns: -1 }), "INVALID_OPTION", "turns");
    expectError(() => twoSpirals({ noise: NaN }), "INVALID_OPTION", "noise");
  });
});

describe("lowRankRatings", () => {
  it("observes entries of a known rank-k matrix U·Vᵀ/√k", () => {
    const data = lowRankRatings({ users: 30, items: 20, rank: 3, density: 0.4, seed: 2 });
    expect(data.userFactors.length).toBe(90);
    expect(data.itemFactors.length).toBe(60);
    expect(data.samples).toBeGreaterThan(0.3 * 600);
    expect(data.samples).toBeLessThan(0.5 * 600);
    const seen = new Set<number>();
    for (let s = 0; s < data.samples; s++) {
      const u = data.x[2 * s], i = data.x[2 * s + 1];
      expect(Number.isInteger(u) && u >= 0 && u < 30 && Number.isInteger(i) && i >= 0 && i < 20).toBe(true);
      seen.add(u * 20 + i);
      let r = 0;
      for (let k = 0; k < 3; k++) r += data.userFactors[u * 3 + k] * data.itemFactors[i * 3 + k];
      expect(data.y[s]).toBeCloseTo(r / Math.sqrt(3), 12);
    }
    expect(seen.size).toBe(data.samples); // every entry at most once
  });

  it("adds noise when asked, deterministically", () => {
    const a = lowRankRatings({ users: 10, items: 8, rank: 2, density: 0.5, noise: 0.1, seed: 5 });
    expect(a.samples).toBe(39);
    expect([a.x[0], a.x[1], a.y[0]]).toEqual([9, 6, -0.4316974291873441]);
  });
});

describe("noisyLinearData", () => {
  it("draws y = x·w + b + noise", () => {
    const exact = noisyLinearData({ samples: 50, features: 3, noise: 0, weights: [1, -2, 0.5], bias: 3, seed: 4 });
    for (let i = 0; i < 50; i++) {
      const x = exact.x.subarray(3 * i, 3 * i + 3);
      expect(exact.y[i]).toBeCloseTo(x[0] - 2 * x[1] + 0.5 * x[2] + 3, 12);
    }
    const drawn = noisyLinearData({ samples: 5, features: 2, seed: 9 });
    expect(Array.from(drawn.weights)).toEqual([-0.3624552165912379, 0.4225370202445601]);
    expect(drawn.bias).toBe(-0.28926067260892946);
    expect(drawn.y[0]).toBe(0.183319652596658);
  });

  it("checks that weights match features", () => {
    expectError(() => noisyLinearData({ features: 2, weights: [1] }), "LENGTH_MISMATCH", "weights");
  });
});

describe("standardize", () => {
  it("centres and scales each column, and applies given statistics to new data", () => {
    const x = [[1, 10], [2, 20], [3, 60]];
    const s = standardize(x, { columns: 2 });
    for (let j = 0; j < 2; j++) {
      const column = [0, 1, 2].map((i) => s.x[2 * i + j]);
      expect(column.reduce((a, b) => a + b)).toBeCloseTo(0, 12);
      expect(column.reduce((a, b) => a + b * b, 0) / 3).toBeCloseTo(1, 12);
    }
    expect(Array.from(s.mean)).toEqual([2, 30]);
    const again = standardize([[2, 30]], { columns: 2, mean: s.mean, scale: s.scale });
    expect(Array.from(again.x)).toEqual([0, 0]);
    expect(x[0]).toEqual([1, 10]); // input untouched
  });

  it("leaves constant columns at scale 1 and checks its input", () => {
    expect(Array.from(standardize([5, 5, 5], { columns: 1 }).scale)).toEqual([1]);
    expectError(() => standardize([1, 2, 3], { columns: 2 }), "LENGTH_MISMATCH", "x");
    expectError(() => standardize([1, NaN], { columns: 1 }), "INVALID_DATA", "x");
    expectError(() => standardize([1, 2], { columns: 1, mean: [0, 0] }), "LENGTH_MISMATCH", "mean");
  });
});
