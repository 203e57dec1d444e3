import { describe, expect, it } from "vitest";
import { DownhillError } from "../bindings/DownhillError";
import { constantSchedule } from "../bindings/schedules/constantSchedule";
import { cosineSchedule } from "../bindings/schedules/cosineSchedule";
import { deterministicCos } from "../bindings/math/deterministicCos";
import { exponentialSchedule } from "../bindings/schedules/exponentialSchedule";
import { reduceOnPlateau } from "../bindings/schedules/reduceOnPlateau";
import type { Schedule } from "../bindings/schedules/Schedule";
import { stepSchedule } from "../bindings/schedules/stepSchedule";

// The schedule sources as text, in Node and in the browser alike (Vite inlines them).
const sources = import.meta.glob(["../bindings/schedules/*.ts", "../bindings/math/*.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

const bits = new BigInt64Array(1);
const float = new Float64Array(bits.buffer);

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulpDistance(a: number, b: number): number {
  if (a === b) return 0;
  if (Math.sign(a) !== Math.sign(b)) return Infinity;
  float[0] = a;
  const ia = bits[0];
  float[0] = b;
  const ib = bits[0];
  const d = ia > ib ? ia - ib : ib - ia;
  return Number(d);
}

/** FNV-1a over the bytes of a Float64Array: a fingerprint of exact bits. */
function digest(values: Float64Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

function rates(schedule: Schedule, steps: number): number[] {
  return Array.from({ length: steps }, (_, t) => schedule.learningRate(t));
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

function expectRelative(actual: number, expected: number, tolerance: number, what = ""): void {
  expect(Math.abs(actual - expected), what).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// ---------- deterministicCos ----------

describe("deterministicCos", () => {
  it("is within 2 ulps of Math.cos on 100,001 points of [0, π]", () => {
    const N = 100_000;
    let worst = 0;
    for (let i = 0; i <= N; i++) {
      const x = (Math.PI * i) / N;
      const d = ulpDistance(deterministicCos(x), Math.cos(x));
      if (d > worst) worst = d;
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it("is within 2 ulps of Math.cos beyond [0, π], for negative x, and next to multiples of π/2", () => {
    for (let i = 0; i < 20_000; i++) {
      const x = (i - 10_000) * 41.3371;
      expect(ulpDistance(deterministicCos(x), Math.cos(x)), `x = ${x}`).toBeLessThanOrEqual(2);
    }
    for (let k = 1; k < 2000; k++) {
      const x = (k * Math.PI) / 2;
      float[0] = x;
      for (const step of [-2n, -1n, 0n, 1n, 2n]) {
        const shifted = new BigInt64Array([bits[0] + step]);
        const y = new Float64Array(shifted.buffer)[0];
        // Relative accuracy even where cos is tiny: the reduction carries ~150 bits of π/2.
        expect(ulpDistance(deterministicCos(y), Math.cos(y)), `x = ${y}`).toBeLessThanOrEqual(2);
      }
    }
  });

  it("returns the correctly rounded value at known points", () => {
    // Reference values: cos of the double nearest each angle, to 200 bits, rounded.
    expect(deterministicCos(0)).toBe(1);
    expect(deterministicCos(-0)).toBe(1);
    expect(deterministicCos(Math.PI / 6)).toBe(0.8660254037844387);
    expect(deterministicCos(Math.PI / 4)).toBe(0.7071067811865476);
    expect(deterministicCos(Math.PI / 3)).toBe(0.5000000000000001);
    expect(deterministicCos(Math.PI / 2)).toBe(6.123233995736766e-17);
    expect(deterministicCos(Math.PI)).toBe(-1);
    expect(deterministicCos(1)).toBe(0.5403023058681398);
    expect(deterministicCos(2)).toBe(-0.4161468365471424);
    expect(deterministicCos(3)).toBe(-0.9899924966004454);
    expect(deterministicCos(1e-300)).toBe(1);
    expect(deterministicCos(-2)).toBe(deterministicCos(2));
  });

  it("gives NaN for NaN and ±Infinity and rejects |x| beyond 2^19·π/2", () => {
    expect(deterministicCos(NaN)).toBeNaN();
    expect(deterministicCos(Infinity)).toBeNaN();
    expect(deterministicCos(-Infinity)).toBeNaN();
    expect(Number.isFinite(deterministicCos(823549))).toBe(true);
    expectError(() => deterministicCos(1e6), "INVALID_OPTION", "x");
    expectError(() => deterministicCos(-1e300), "INVALID_OPTION", "x");
  });

  it("produces the same bits in every engine (golden digest)", () => {
    const values = new Float64Array(100_001 + 20_000);
    for (let i = 0; i <= 100_000; i++) values[i] = deterministicCos((Math.PI * i) / 100_000);
    for (let i = 0; i < 20_000; i++) values[100_001 + i] = deterministicCos((i - 10_000) * 41.3371);
    expect(digest(values)).toBe(GOLDEN_COS);
  });
});

// ---------- schedules ----------

describe("constantSchedule", () => {
  it("returns the rate at every step", () => {
    const s = constantSchedule({ learningRate: 0.01 });
    expect(s.name).toBe("constantSchedule");
    expect(rates(s, 5)).toEqual([0.01, 0.01, 0.01, 0.01, 0.01]);
    expect(s.learningRate(1e15)).toBe(0.01);
  });

  it("rejects bad options and steps", () => {
    expectError(() => constantSchedule({} as never), "INVALID_OPTION", "learningRate");
    expectError(() => constantSchedule({ learningRate: 0 }), "INVALID_OPTION", "learningRate");
    expectError(() => constantSchedule({ learningRate: 1, lr: 1 } as never), "UNKNOWN_OPTION", "lr");
    const s = constantSchedule({ learningRate: 1 });
    for (const bad of [-1, 0.5, NaN, Infinity, 2 ** 53, "1"]) expectError(() => s.learningRate(bad as never), "INVALID_OPTION", "step");
  });
});

describe("stepSchedule (PyTorch StepLR)", () => {
  it("multiplies by γ every stepSize steps: η0·γ^⌊t/stepSize⌋", () => {
    const s = stepSchedule({ learningRate: 0.1, stepSize: 3, gamma: 0.5 });
    expect(rates(s, 10)).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125]);
    // PyTorch docs: lr = 0.05 for epoch < 30, 0.005 for 30 ≤ epoch < 60, 0.0005 for 60 ≤ epoch < 90.
    const torch = stepSchedule({ learningRate: 0.05, stepSize: 30 });
    expect(torch.learningRate(0)).toBe(0.05);
    expect(torch.learningRate(29)).toBe(0.05);
    expect(torch.learningRate(30)).toBe(0.05 * 0.1);
    expect(torch.learningRate(59)).toBe(0.05 * 0.1);
    expectRelative(torch.learningRate(60), 0.0005, 2 * Number.EPSILON);
    expectRelative(torch.learningRate(89), 0.0005, 2 * Number.EPSILON);
    expectRelative(torch.learningRate(90), 0.00005, 3 * Number.EPSILON);
  });

  it("computes γ^k by multiplications, within a few ulps of the exact power", () => {
    const s = stepSchedule({ learningRate: 1, stepSize: 1, gamma: 0.97 });
    let product = 1;
    for (let k = 0; k < 2000; k++) {
      // Repeated multiplication drifts by up to k/2 ulps; squaring stays within 2·log2(k)+1.
      expectRelative(s.learningRate(k), product, (k / 2 + 2) * Number.EPSILON, `k = ${k}`);
      product *= 0.97;
    }
    expect(s.learningRate(1e15)).toBe(0); // underflows cleanly, in O(log k)
  });

  it("rejects bad options", () => {
    expectError(() => stepSchedule({ learningRate: 0.1 } as never), "INVALID_OPTION", "stepSize");
    expectError(() => stepSchedule({ learningRate: 0.1, stepSize: 0 }), "INVALID_OPTION", "stepSize");
    expectError(() => stepSchedule({ learningRate: 0.1, stepSize: 2.5 }), "INVALID_OPTION", "stepSize");
    expectError(() => stepSchedule({ learningRate: 0.1, stepSize: 2, gamma: 0 }), "INVALID_OPTION", "gamma");
    expectError(() => stepSchedule({ learningRate: 0.1, stepSize: 2, step_size: 2 } as never), "UNKNOWN_OPTION", "step_size");
  });
});

describe("exponentialSchedule (PyTorch ExponentialLR)", () => {
  it("multiplies by γ every step: η0·γ^t", () => {
    expect(rates(exponentialSchedule({ learningRate: 1, gamma: 0.5 }), 5)).toEqual([1, 0.5, 0.25, 0.125, 0.0625]);
    expect(rates(exponentialSchedule({ learningRate: 3, gamma: 2 }), 4)).toEqual([3, 6, 12, 24]);
    const s = exponentialSchedule({ learningRate: 0.1, gamma: 0.9 });
    expect(s.learningRate(1)).toBe(0.1 * 0.9);
    expect(s.learningRate(2)).toBe(0.1 * (0.9 * 0.9));
    expect(s.learningRate(3)).toBe(0.1 * (0.9 * (0.9 * 0.9)));
    expectRelative(s.learningRate(10), 0.1 * 0.3486784401, 8 * Number.EPSILON); // 0.9^10 = 0.3486784401 exactly
  });

  it("rejects bad options", () => {
    expectError(() => exponentialSchedule({ learningRate: 0.1 } as never), "INVALID_OPTION", "gamma");
    expectError(() => exponentialSchedule({ learningRate: 0.1, gamma: -0.5 }), "INVALID_OPTION", "gamma");
    expectError(() => exponentialSchedule({ learningRate: -0.1, gamma: 0.5 }), "INVALID_OPTION", "learningRate");
  });
});

describe("cosineSchedule", () => {
  it("anneals as PyTorch's CosineAnnealingLR: η_min + (η_max − η_min)(1 + cos(πt/T))/2", () => {
    const s = cosineSchedule({ learningRate: 0.1, totalSteps: 10 });
    // 0.1·(1 + cos(πt/10))/2 to 200 bits (mpmath), rounded to double.
    const expected = [0.1, 0.09755282581475767, 0.09045084971874737, 0.07938926261462366, 0.06545084971874737, 0.05,
      0.034549150281252626, 0.020610737385376342, 0.009549150281252628, 0.0024471741852423214];
    const actual = rates(s, 10);
    for (let t = 0; t < 10; t++) expectRelative(actual[t], expected[t], 4 * Number.EPSILON, `t = ${t}`);
    expect(s.learningRate(10)).toBe(0);
    expect(s.learningRate(11)).toBe(0); // held at η_min, not rising again
    const floor = cosineSchedule({ learningRate: 1, totalSteps: 4, minLearningRate: 0.2 });
    // (1 + cos(π·t/4))/2 = 1, (2 + √2)/4, 1/2, (2 − √2)/4
    expect(floor.learningRate(0)).toBe(1);
    expectRelative(floor.learningRate(1), 0.2 + (0.8 * (2 + Math.SQRT2)) / 4, 4 * Number.EPSILON);
    expectRelative(floor.learningRate(2), 0.6, 4 * Number.EPSILON);
    expectRelative(floor.learningRate(3), 0.2 + (0.8 * (2 - Math.SQRT2)) / 4, 4 * Number.EPSILON);
    expect(floor.learningRate(4)).toBe(0.2);
    expect(floor.learningRate(1000)).toBe(0.2);
  });

  it("warms up linearly to the peak at step warmupSteps, never returning 0", () => {
    const s = cosineSchedule({ learningRate: 1, totalSteps: 10, warmupSteps: 4 });
    expect(rates(s, 5)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expectRelative(s.learningRate(7), 0.5, 4 * Number.EPSILON); // p = 3/6
    expect(s.learningRate(10)).toBe(0);
    for (let t = 0; t < 10; t++) expect(s.learningRate(t)).toBeGreaterThan(0);
    const documented = cosineSchedule({ learningRate: 1e-3, totalSteps: 1000, warmupSteps: 100 });
    expect(documented.learningRate(0)).toBe(1e-3 / 101);
    expect(documented.learningRate(100)).toBe(1e-3);
    expectRelative(documented.learningRate(550), 5e-4, 4 * Number.EPSILON);
    // Monotone: up during warmup, down afterwards.
    const all = rates(documented, 1001);
    for (let t = 1; t <= 100; t++) expect(all[t]).toBeGreaterThan(all[t - 1]);
    for (let t = 101; t <= 1000; t++) expect(all[t]).toBeLessThanOrEqual(all[t - 1]);
  });

  it("matches the closed form on a long schedule, and gives the same bits in every engine", () => {
    const s = cosineSchedule({ learningRate: 3e-4, totalSteps: 10_000, warmupSteps: 500, minLearningRate: 1e-6 });
    const values = new Float64Array(10_001);
    for (let t = 0; t <= 10_000; t++) {
      values[t] = s.learningRate(t);
      const expected = t < 500 ? (3e-4 * (t + 1)) / 501 : t >= 10_000 ? 1e-6
        : 1e-6 + ((3e-4 - 1e-6) * (1 + Math.cos((Math.PI * (t - 500)) / 9500))) / 2;
      // Measured against the peak: the reference's 1 + cos(·) itself cancels near the end.
      expect(Math.abs(values[t] - expected), `t = ${t}`).toBeLessThanOrEqual(4 * Number.EPSILON * 3e-4);
    }
    expect(digest(values)).toBe(GOLDEN_COSINE_SCHEDULE);
  });

  it("rejects bad options", () => {
    expectError(() => cosineSchedule({ learningRate: 1 } as never), "INVALID_OPTION", "totalSteps");
    expectError(() => cosineSchedule({ learningRate: 1, totalSteps: 0 }), "INVALID_OPTION", "totalSteps");
    expectError(() => cosineSchedule({ learningRate: 1, totalSteps: 10, warmupSteps: 10 }), "INVALID_OPTION", "warmupSteps");
    expectError(() => cosineSchedule({ learningRate: 1, totalSteps: 10, warmupSteps: -1 }), "INVALID_OPTION", "warmupSteps");
    expectError(() => cosineSchedule({ learningRate: 1, totalSteps: 10, minLearningRate: 2 }), "INVALID_OPTION", "minLearningRate");
    expectError(() => cosineSchedule({ learningRate: 1, totalSteps: 10, warmup: 2 } as never), "UNKNOWN_OPTION", "warmup");
    expectError(() => cosineSchedule({ learningRate: 1, totalSteps: 10 }).learningRate(-1), "INVALID_OPTION", "step");
  });
});

describe("exponential and step schedules give the same bits in every engine", () => {
  it("golden digest", () => {
    const e = exponentialSchedule({ learningRate: 1e-3, gamma: 0.9995 });
    const s = stepSchedule({ learningRate: 0.3, stepSize: 7, gamma: 0.83 });
    const values = new Float64Array(20_002);
    for (let t = 0; t <= 10_000; t++) {
      values[t] = e.learningRate(t);
      values[10_001 + t] = s.learningRate(t);
    }
    expect(digest(values)).toBe(GOLDEN_POWERS);
  });
});

// ---------- reduceOnPlateau ----------

describe("reduceOnPlateau (PyTorch ReduceLROnPlateau)", () => {
  it("reduces after more than `patience` reports without improvement", () => {
    const s = reduceOnPlateau({ learningRate: 1, factor: 0.5, patience: 2 });
    expect(s.best).toBe(Infinity);
    const script: Array<[number, number, number]> = [
      // metric, expected rate after the report, expected bad-report count
      [10, 1, 0], // improvement (anything beats +∞)
      [9, 1, 0], // improvement
      [9, 1, 1], // 9 < 9·(1 − 1e-4)? no
      [9.5, 1, 2],
      [9, 0.5, 0], // third bad report > patience 2: reduce, counter reset
      [9, 0.5, 1],
      [8, 0.5, 0], // improvement resets the count
      [8, 0.5, 1],
      [8, 0.5, 2],
      [8, 0.25, 0],
    ];
    for (const [i, [metric, rate, bad]] of script.entries()) {
      expect(s.report(metric), `report ${i}`).toBe(rate);
      expect(s.badReports, `report ${i}`).toBe(bad);
      expect(s.learningRate(i)).toBe(rate);
    }
    expect(s.best).toBe(8);
  });

  it("uses the relative threshold best·(1 − threshold) and the absolute best − threshold", () => {
    const rel = reduceOnPlateau({ learningRate: 1, patience: 0, threshold: 0.1 });
    rel.report(10);
    expect(rel.report(9.5)).toBe(0.1); // 9.5 ≥ 10·0.9 = 9: not an improvement → reduce
    expect(rel.best).toBe(10);
    rel.report(8.9); // 8.9 < 9: improvement
    expect(rel.best).toBe(8.9);
    expect(rel.learningRate(0)).toBe(0.1);

    const abs = reduceOnPlateau({ learningRate: 1, patience: 0, threshold: 0.5, thresholdMode: "abs" });
    abs.report(10);
    expect(abs.report(9.6)).toBe(0.1); // 9.6 ≥ 10 − 0.5
    expect(abs.best).toBe(10);
    expect(abs.report(9.4)).toBe(0.1); // 9.4 < 9.5: improvement
    expect(abs.best).toBe(9.4);

    // Default threshold 1e-4 relative: a change of 1e-5 relative is not an improvement.
    const tiny = reduceOnPlateau({ learningRate: 1, patience: 0 });
    tiny.report(1);
    expect(tiny.report(1 - 1e-5)).toBe(0.1);
  });

  it("ignores bad reports during cooldown", () => {
    const s = reduceOnPlateau({ learningRate: 1, factor: 0.5, patience: 0, cooldown: 2 });
    const got = [5, 5, 5, 5, 5, 5, 5, 5].map((m) => [s.report(m), s.cooldownRemaining]);
    // Report 1 improves; 2 reduces and starts a 2-report cooldown; 3 and 4 are ignored;
    // 5 reduces again, and so on.
    expect(got).toEqual([
      [1, 0],
      [0.5, 2],
      [0.5, 1],
      [0.5, 0],
      [0.25, 2],
      [0.25, 1],
      [0.25, 0],
      [0.125, 2],
    ]);
  });

  it("never goes below minLearningRate and skips reductions smaller than minDecay", () => {
    const s = reduceOnPlateau({ learningRate: 1, patience: 0, minLearningRate: 0.05 });
    expect([3, 3, 3, 3, 3].map((m) => s.report(m))).toEqual([1, 0.1, 0.05, 0.05, 0.05]);
    // PyTorch's eps = 1e-8: 1e-8 → 5e-9 is a change of 5e-9 ≤ 1e-8, so it is not applied.
    const small = reduceOnPlateau({ learningRate: 1e-8, factor: 0.5, patience: 0 });
    small.report(1);
    expect(small.report(1)).toBe(1e-8);
    expect(small.cooldownRemaining).toBe(0);
    expect(small.badReports).toBe(0); // the count is still reset
    const noFloor = reduceOnPlateau({ learningRate: 1e-8, factor: 0.5, patience: 0, minDecay: 0 });
    noFloor.report(1);
    expect(noFloor.report(1)).toBe(5e-9);
  });

  it("maximizes in mode 'max' and counts a NaN metric as no improvement", () => {
    const s = reduceOnPlateau({ learningRate: 1, mode: "max", patience: 1, factor: 0.5 });
    expect(s.best).toBe(-Infinity);
    expect([0.5, 0.6, 0.6, 0.59, 0.7, 0.7].map((m) => s.report(m))).toEqual([1, 1, 1, 0.5, 0.5, 0.5]);
    expect(s.best).toBe(0.7);
    const absMax = reduceOnPlateau({ learningRate: 1, mode: "max", thresholdMode: "abs", threshold: 0.1, patience: 0 });
    absMax.report(0.5);
    expect(absMax.report(0.55)).toBe(0.1);
    expect(absMax.report(0.61)).toBe(0.1);
    expect(absMax.best).toBe(0.61);
    const nan = reduceOnPlateau({ learningRate: 1, patience: 1 });
    nan.report(1);
    nan.report(NaN);
    expect(nan.badReports).toBe(1);
    expect(nan.report(NaN)).toBe(0.1);
  });

  it("uses PyTorch's defaults: factor 0.1, patience 10", () => {
    const s = reduceOnPlateau({ learningRate: 0.1 });
    const seen = Array.from({ length: 13 }, () => s.report(1));
    expect(seen.slice(0, 11)).toEqual(Array(11).fill(0.1)); // 1 improvement + 10 tolerated
    expect(seen[11]).toBeCloseTo(0.01, 17); // the 11th bad report
    expect(s.name).toBe("reduceOnPlateau");
  });

  it("rejects bad options and metrics", () => {
    expectError(() => reduceOnPlateau({} as never), "INVALID_OPTION", "learningRate");
    expectError(() => reduceOnPlateau({ learningRate: 1, factor: 1 }), "INVALID_OPTION", "factor");
    expectError(() => reduceOnPlateau({ learningRate: 1, factor: 0 }), "INVALID_OPTION", "factor");
    expectError(() => reduceOnPlateau({ learningRate: 1, patience: 1.5 }), "INVALID_OPTION", "patience");
    expectError(() => reduceOnPlateau({ learningRate: 1, cooldown: -1 }), "INVALID_OPTION", "cooldown");
    expectError(() => reduceOnPlateau({ learningRate: 1, threshold: 1 }), "INVALID_OPTION", "threshold");
    expectError(() => reduceOnPlateau({ learningRate: 1, threshold: -1, thresholdMode: "abs" }), "INVALID_OPTION", "threshold");
    expect(reduceOnPlateau({ learningRate: 1, threshold: 5, thresholdMode: "abs" }).name).toBe("reduceOnPlateau");
    expectError(() => reduceOnPlateau({ learningRate: 1, thresholdMode: "relative" as never }), "INVALID_OPTION", "thresholdMode");
    expectError(() => reduceOnPlateau({ learningRate: 1, mode: "mean" as never }), "INVALID_OPTION", "mode");
    expectError(() => reduceOnPlateau({ learningRate: 1, minLearningRate: -1 }), "INVALID_OPTION", "minLearningRate");
    expectError(() => reduceOnPlateau({ learningRate: 1, eps: 1e-8 } as never), "UNKNOWN_OPTION", "eps");
    const s = reduceOnPlateau({ learningRate: 1, patience: 0 });
    s.report(1);
    expectError(() => s.report("2" as never), "WRONG_TYPE", "metric");
    expect(s.badReports).toBe(0); // the failed report changed nothing
    expect(s.report(1)).toBe(0.1);
  });
});

// ---------- the determinism rule, checked on the source ----------

describe("schedule and deterministic-math sources", () => {
  it("are all present", () => {
    const names = Object.keys(sources).map((p) => p.split("/").pop());
    for (const name of [
      "Schedule.ts",
      "constantSchedule.ts",
      "stepSchedule.ts",
      "exponentialSchedule.ts",
      "cosineSchedule.ts",
      "reduceOnPlateau.ts",
      "deterministicCos.ts",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("never mention Math.cos/pow/exp/log, use no other inexact Math function, and no ** operator", () => {
    // Exact (correctly rounded or integer-valued) Math members only.
    const allowed = new Set(["Math.floor", "Math.abs", "Math.max", "Math.min", "Math.trunc", "Math.PI"]);
    for (const [path, text] of Object.entries(sources)) {
      // Not even in comments.
      for (const banned of ["Math.cos", "Math.pow", "Math.exp", "Math.log"]) {
        expect(text.includes(banned), `${path} mentions ${banned}`).toBe(false);
      }
      // ** in code (TSDoc comments open with /**, so comments and strings are removed first).
      const code = stripCommentsAndStrings(text);
      expect(code, path).not.toMatch(/\*\*/);
      expect(code, path).not.toMatch(/Math\s*\[/);
      for (const use of code.match(/Math\s*\.\s*[A-Za-z0-9_$]+/g) ?? []) {
        expect(allowed.has(use.replace(/\s/g, "")), `${path} uses ${use}`).toBe(true);
      }
    }
  });

  it("the source scan itself catches violations", () => {
    expect(stripCommentsAndStrings("/** doc ** */ const a = 2 ** 3; // x ** y")).toMatch(/\*\*/);
    expect(stripCommentsAndStrings("/** Math.cos is banned */ const s = 'Math.pow';")).not.toMatch(/Math/);
    expect(stripCommentsAndStrings("const c = Math.cos(x);")).toMatch(/Math\.cos/);
  });
});

/** Removes comments and string/template literals so only code is scanned. */
function stripCommentsAndStrings(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
      out += " ";
    } else if (c === '"' || c === "'" || c === "`") {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === "\\" ? 2 : 1;
      i++;
      out += '""';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// Digests of exact bits, computed once in Node; every engine must reproduce them.
const GOLDEN_COS = "d68cfe9a";
const GOLDEN_COSINE_SCHEDULE = "d50d70d4";
const GOLDEN_POWERS = "3706f073";
