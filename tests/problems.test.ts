import { describe, expect, it } from "vitest";
import { DownhillError } from "../bindings/DownhillError";
import { problems, type TestProblem } from "../bindings/problems/problems";
// A verbatim copy of the reference set (/work/shared/reference/test-problems.json), kept
// in the repository so this file runs in Node and in the browser project alike.
import reference from "./support/test-problems.json";

// Every problem of the reference set against its independent JavaScript body (built
// here with new Function — the library itself never evaluates strings), the published
// f(x0), known minima, finite-difference gradients, and the dimension rules.

interface ReferenceProblem {
  id: string;
  mgh?: number;
  name: string;
  n: number;
  variable_n?: string;
  js: string;
  x0: number[];
  f_x0: number;
  fmin: number;
  fmin_by_n?: Record<string, number>;
  xmin: number[] | string | null;
  xmin_computed?: number[];
  all_minima?: { x: number[]; f: number }[];
  sources: string[];
  f_x0_check?: { n: number; published: number; computed_py: number; computed_js: number };
}

const REFERENCE = (reference as { problems: ReferenceProblem[] }).problems;
const EPS = 2.220446049250313e-16;
type Factory = (n?: number) => TestProblem;
const FACTORIES = problems as unknown as Record<string, Factory>;

/** snake_case id of the JSON → camelCase id of the library ("box_3d" → "box3d"). */
function camel(id: string): string {
  return id
    .split("_")
    .map((part, i) => (i === 0 ? part : part[0].toUpperCase() + part.slice(1)))
    .join("");
}

/** mulberry32: a small seeded generator, so every run and every engine sees the same points. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

/** x0 and three seeded random points near it (±10 % of each coordinate, ±0.1 where it is 0). */
function testPoints(p: TestProblem, seed: number): Float64Array[] {
  // Chebyquad lives on [0, 1]ⁿ (the polynomials explode outside), so stay closer there.
  const radius = p.id === "chebyquad" ? 0.01 : 0.1;
  const random = mulberry32(seed);
  const points = [p.x0.slice()];
  for (let k = 0; k < 3; k++) {
    points.push(p.x0.map((v) => v + radius * (v !== 0 ? Math.abs(v) : 1) * (2 * random() - 1)));
  }
  return points;
}

/** Central difference (f(x + h·eᵢ) − f(x − h·eᵢ)) / (actual step). */
function central(p: TestProblem, x: Float64Array, i: number, h: number): number {
  const a = x.slice();
  const b = x.slice();
  a[i] += h;
  b[i] -= h;
  return (p.value(a) - p.value(b)) / (a[i] - b[i]);
}

/**
 * Rounding noise of f along eᵢ near x: the largest 6th difference of f over three tiny
 * spacings (Moré & Wild's ECnoise idea), floored at 100·ε·|f|.
 */
function noiseLevel(p: TestProblem, x: Float64Array, i: number, scale: number): number {
  let d6 = 0;
  let magnitude = 0;
  const y = x.slice();
  for (const spacing of [1e-9, 1.7e-9, 2.9e-9]) {
    const v: number[] = [];
    for (let k = -3; k <= 3; k++) {
      y[i] = x[i] + k * spacing * scale;
      v.push(p.value(y));
    }
    d6 = Math.max(d6, Math.abs(v[0] - 6 * v[1] + 15 * v[2] - 20 * v[3] + 15 * v[4] - 6 * v[5] + v[6]));
    magnitude = Math.max(magnitude, ...v.map(Math.abs));
  }
  return Math.max(d6, 100 * EPS * magnitude);
}

/**
 * Compares the analytic gradient with finite differences at x; returns the failures as
 * readable lines (empty when all components agree). Two checks per component:
 * - central differences, h = 1e−6·max(1, |xᵢ|): |g − D| ≤ 1e−6·|g| + 10·noise/h + 3·trunc,
 *   trunc = |D(2h) − D(h)|/3 estimating the O(h²) error (large where a variable's natural
 *   scale is ≪ 1, e.g. osborne1's rates x4, x5 ≈ 0.01 multiplied by t ≤ 320);
 * - Richardson extrapolation (h, h/2, h/4 with h = 1e−4·max(1, |xᵢ|), error O(h⁶)):
 *   |g − R| ≤ 1e−8·|g| + 100·noise/h.
 */
function gradientFailures(p: TestProblem, x: Float64Array, label: string): string[] {
  const g = new Float64Array(p.dim);
  p.gradient(x, g);
  const failures: string[] = [];
  for (let i = 0; i < p.dim; i++) {
    const scale = Math.max(1, Math.abs(x[i]));
    const noise = noiseLevel(p, x, i, scale);
    const h = 1e-6 * scale;
    const d = central(p, x, i, h);
    const truncation = Math.abs(central(p, x, i, 2 * h) - d) / 3; // D(h) − f′ ≈ (D(2h) − D(h))/3
    if (!(Math.abs(g[i] - d) <= 1e-6 * Math.abs(g[i]) + (10 * noise) / h + 3 * truncation)) {
      failures.push(`${p.id} (n=${p.dim}) ${label}: ∂f/∂x${i + 1} = ${g[i]}, central difference ${d}`);
    }
    const H = 1e-4 * scale;
    const d1 = central(p, x, i, H);
    const d2 = central(p, x, i, H / 2);
    const d4 = central(p, x, i, H / 4);
    const r = (16 * ((4 * d4 - d2) / 3) - (4 * d2 - d1) / 3) / 15;
    if (!(Math.abs(g[i] - r) <= 1e-8 * Math.abs(g[i]) + (100 * noise) / H)) {
      failures.push(`${p.id} (n=${p.dim}) ${label}: ∂f/∂x${i + 1} = ${g[i]}, Richardson ${r}`);
    }
  }
  return failures;
}

/** Minimum value of the reference for dimension n, from fmin_by_n ("1-7,9": 0, "8": …). */
function referenceMinimum(ref: ReferenceProblem, n: number): number | undefined {
  if (ref.fmin_by_n === undefined) return undefined;
  for (const [key, value] of Object.entries(ref.fmin_by_n)) {
    for (const part of key.split(",")) {
      const [lo, hi] = part.split("-").map(Number);
      if (n >= lo && n <= (hi ?? lo)) return value;
    }
  }
  return undefined;
}

/** Checks f at every listed minimiser against minimumValue (abs 1e−6 if f* = 0, else rel 1e−4). */
function expectMinimizersReachMinimum(p: TestProblem, exactGradient: boolean): void {
  expect(p.minimumValue, `${p.id}: minimumValue`).toBeTypeOf("number");
  const fStar = p.minimumValue as number;
  const g = new Float64Array(p.dim);
  for (const [k, xm] of (p.minimizers ?? []).entries()) {
    const f = p.valueAndGradient(xm, g);
    if (fStar === 0) expect(Math.abs(f), `${p.id} minimiser ${k}: f = ${f}`).toBeLessThanOrEqual(1e-6);
    else expect(relativeError(f, fStar), `${p.id} minimiser ${k}: f = ${f}, f* = ${fStar}`).toBeLessThanOrEqual(1e-4);
    if (exactGradient) {
      const norm = Math.max(...Array.from(g, Math.abs));
      expect(norm, `${p.id} minimiser ${k}: ‖∇f‖∞ = ${norm}`).toBeLessThanOrEqual(1e-6);
    }
  }
}

/** valueAndGradient must equal value and gradient bit for bit. */
function expectConsistent(p: TestProblem, x: Float64Array): void {
  const g1 = new Float64Array(p.dim);
  const g2 = new Float64Array(p.dim);
  const before = x.slice();
  const f = p.valueAndGradient(x, g1);
  p.gradient(x, g2);
  expect(Object.is(f, p.value(x)), `${p.id}: valueAndGradient ${f} vs value ${p.value(x)}`).toBe(true);
  for (let i = 0; i < p.dim; i++) expect(Object.is(g1[i], g2[i]), `${p.id}: gradient[${i}]`).toBe(true);
  expect(Array.from(x), `${p.id}: x must not be modified`).toEqual(Array.from(before));
}

/**
 * Variable-dimension problems: the other size tested, its start rule (restated here,
 * independently of the library), f(x0) where the reference has it (f_x0_check), and the
 * minimum where known.
 */
const OTHER_SIZES: Record<string, { n: number; x0: (n: number) => number[]; minimizer?: (n: number) => number[] }> = {
  watson: { n: 9, x0: (n) => zeros(n) },
  extendedRosenbrock: { n: 40, x0: (n) => cycle(n, [-1.2, 1]), minimizer: (n) => fill(n, 1) },
  extendedPowellSingular: { n: 60, x0: (n) => cycle(n, [3, -1, 0, 1]), minimizer: (n) => zeros(n) },
  penalty1: { n: 60, x0: (n) => range(n, (j) => j) },
  penalty2: { n: 65, x0: (n) => fill(n, 0.5) },
  variablyDimensioned: { n: 40, x0: (n) => range(n, (j) => 1 - j / n), minimizer: (n) => fill(n, 1) },
  trigonometric: { n: 40, x0: (n) => fill(n, 1 / n), minimizer: (n) => zeros(n) },
  brownAlmostLinear: { n: 7, x0: (n) => fill(n, 0.5), minimizer: (n) => fill(n, 1) },
  discreteBoundaryValue: { n: 5, x0: (n) => range(n, (j) => (j / (n + 1)) * (j / (n + 1) - 1)) },
  discreteIntegralEquation: { n: 7, x0: (n) => range(n, (j) => (j / (n + 1)) * (j / (n + 1) - 1)) },
  broydenTridiagonal: { n: 13, x0: (n) => fill(n, -1) },
  broydenBanded: { n: 12, x0: (n) => fill(n, -1) },
  linearFullRank: { n: 7, x0: (n) => fill(n, 1), minimizer: (n) => fill(n, -1) },
  linearRank1: { n: 5, x0: (n) => fill(n, 1) },
  linearRank1Zero: { n: 6, x0: (n) => fill(n, 1) },
  chebyquad: { n: 50, x0: (n) => range(n, (j) => j / (n + 1)) },
  rastrigin: { n: 5, x0: (n) => cycle(n, [0.3, -0.3]), minimizer: (n) => zeros(n) },
  ackley: { n: 3, x0: (n) => cycle(n, [0.2, -0.2]), minimizer: (n) => zeros(n) },
  styblinskiTang: { n: 4, x0: (n) => fill(n, -1) },
  sphere: { n: 3, x0: (n) => range(n, (j) => (j % 2 === 1 ? j : -j)), minimizer: (n) => zeros(n) },
  zakharov: { n: 4, x0: (n) => cycle(n, [600, 700, 200, 100, 90, 1000]), minimizer: (n) => zeros(n) },
  rosenbrock5dScipyTutorial: { n: 8, x0: (n) => cycle(n, [1.3, 0.7, 0.8, 1.9, 1.2]), minimizer: (n) => fill(n, 1) },
};
function zeros(n: number): number[] {
  return fill(n, 0);
}
function fill(n: number, v: number): number[] {
  return new Array<number>(n).fill(v);
}
function cycle(n: number, pattern: number[]): number[] {
  return range(n, (j) => pattern[(j - 1) % pattern.length]);
}
/** [f(1), …, f(n)] (1-based, as in the formulas). */
function range(n: number, f: (j: number) => number): number[] {
  return Array.from({ length: n }, (_, k) => f(k + 1));
}

describe("test-problem library", () => {
  it("has exactly the 47 problems of the reference set, keyed by camelCase id", () => {
    expect(REFERENCE.length).toBe(47);
    expect(Object.keys(problems).sort()).toEqual(REFERENCE.map((r) => camel(r.id)).sort());
    for (const [id, make] of Object.entries(FACTORIES)) expect(make().id, id).toBe(id);
  });

  it("every variable-dimension problem of the reference set is tested at another size", () => {
    const variable = REFERENCE.filter((r) => r.variable_n !== undefined).map((r) => camel(r.id));
    expect(Object.keys(OTHER_SIZES).sort()).toEqual(variable.sort());
  });

  it("factories return fresh, independent objects", () => {
    const a = problems.rosenbrock();
    a.x0[0] = 99;
    a.minimizers![0][0] = 99;
    const b = problems.rosenbrock();
    expect(Array.from(b.x0)).toEqual([-1.2, 1]);
    expect(Array.from(b.minimizers![0])).toEqual([1, 1]);
    // scratch buffers are per object: interleaved evaluation of two instances is unaffected
    const p = problems.meyer();
    const q = problems.meyer();
    const g1 = new Float64Array(3);
    const g2 = new Float64Array(3);
    const f1 = p.valueAndGradient(p.x0, g1);
    q.value(q.minimizers![0]);
    expect(p.valueAndGradient(p.x0, g2)).toBe(f1);
    expect(Array.from(g2)).toEqual(Array.from(g1));
  });

  it("wrong lengths throw DownhillError LENGTH_MISMATCH", () => {
    const p = problems.wood();
    const bad = () => p.value(new Float64Array(3));
    expect(bad).toThrow(DownhillError);
    try {
      p.gradient(p.x0, new Float64Array(5));
    } catch (error) {
      expect(error).toBeInstanceOf(DownhillError);
      expect((error as DownhillError).code).toBe("LENGTH_MISMATCH");
      expect((error as DownhillError).argument).toBe("out");
    }
    expect(() => p.valueAndGradient(new Float64Array(4), new Float64Array(3))).toThrow(/out must have length 4/);
  });

  it("bad dimensions throw DownhillError INVALID_OPTION on n", () => {
    const cases: [string, unknown][] = [
      ["extendedRosenbrock", 3],
      ["extendedRosenbrock", 0],
      ["extendedRosenbrock", -2],
      ["extendedPowellSingular", 6],
      ["extendedPowellSingular", 0],
      ["watson", 1],
      ["watson", 32],
      ["penalty1", 0],
      ["penalty2", 0],
      ["variablyDimensioned", 0],
      ["trigonometric", 0],
      ["brownAlmostLinear", 0],
      ["discreteBoundaryValue", 0],
      ["discreteIntegralEquation", 0],
      ["broydenTridiagonal", 0],
      ["broydenBanded", 0],
      ["linearFullRank", 0],
      ["linearRank1", 0],
      ["linearRank1Zero", 1],
      ["chebyquad", 0],
      ["rastrigin", 0],
      ["ackley", 0],
      ["styblinskiTang", 0],
      ["sphere", 0],
      ["zakharov", 0],
      ["rosenbrock5dScipyTutorial", 1],
      ["sphere", 2.5],
      ["sphere", Number.NaN],
      ["sphere", Number.POSITIVE_INFINITY],
      ["sphere", "4"],
      ["extendedRosenbrock", null],
    ];
    for (const [id, n] of cases) {
      let thrown: unknown;
      try {
        FACTORIES[id](n as number);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, `${id}(${String(n)}) should throw`).toBeInstanceOf(DownhillError);
      expect((thrown as DownhillError).code, `${id}(${String(n)})`).toBe("INVALID_OPTION");
      expect((thrown as DownhillError).argument, `${id}(${String(n)})`).toBe("n");
    }
    // the edges of the allowed ranges are accepted
    expect(problems.watson(2).dim).toBe(2);
    expect(problems.watson(31).dim).toBe(31);
    expect(problems.extendedRosenbrock(2).dim).toBe(2);
    expect(problems.extendedPowellSingular(4).dim).toBe(4);
    expect(problems.linearRank1Zero(2).dim).toBe(2);
    expect(problems.rosenbrock5dScipyTutorial(2).dim).toBe(2);
    expect(problems.chebyquad(1).dim).toBe(1);
  });
});

describe.each(REFERENCE.map((r) => [camel(r.id), r] as const))("%s", (id, ref) => {
  const make = FACTORIES[id];
  const reference = new Function("x", ref.js) as (x: number[]) => number;

  it("matches the reference metadata", () => {
    const p = make();
    expect(p.id).toBe(id);
    expect(p.name).toBe(ref.name);
    expect(p.dim).toBe(ref.n);
    expect(p.x0).toBeInstanceOf(Float64Array);
    expect(Array.from(p.x0)).toEqual(ref.x0);
    expect(p.minimumValue).toBe(ref.fmin);
    expect(p.references).toEqual(ref.sources);
    const expectedMinimizer = Array.isArray(ref.xmin) ? ref.xmin : ref.xmin_computed;
    if (expectedMinimizer !== undefined) {
      expect(p.minimizers, `${id}: minimizers`).toBeDefined();
      const first = p.minimizers![0];
      for (let i = 0; i < p.dim; i++) {
        expect(Math.abs(first[i] - expectedMinimizer[i]), `${id}: minimizer[${i}]`).toBeLessThanOrEqual(
          1e-6 * Math.max(1, Math.abs(expectedMinimizer[i])),
        );
      }
    }
    for (const m of ref.all_minima ?? []) {
      expect(
        p.minimizers!.some((xm) => xm.every((v, i) => Math.abs(v - m.x[i]) <= 1e-9 * Math.max(1, Math.abs(m.x[i])))),
        `${id}: minimiser ${m.x} listed`,
      ).toBe(true);
    }
  });

  it("f(x0) equals the published f_x0 (rel 1e-12) and the reference body at x0 and near it (rel 1e-10)", () => {
    const p = make();
    const f0 = p.value(p.x0);
    expect(relativeError(f0, ref.f_x0), `${id}: f(x0) = ${f0}, reference ${ref.f_x0}`).toBeLessThanOrEqual(1e-12);
    if (ref.f_x0_check !== undefined && ref.f_x0_check.n === ref.n) {
      // 3 significant digits published in mpf/Toms566.jl
      expect(relativeError(f0, ref.f_x0_check.published), `${id}: f(x0) vs published`).toBeLessThanOrEqual(5e-3);
    }
    for (const [k, x] of testPoints(p, 20240601).entries()) {
      const f = p.value(x);
      const expected = reference(Array.from(x));
      expect(relativeError(f, expected), `${id} point ${k}: f = ${f}, reference body ${expected}`).toBeLessThanOrEqual(
        1e-10,
      );
    }
  });

  it("analytic gradient equals finite differences at x0 and 3 random points", () => {
    const p = make();
    const failures = testPoints(p, 777).flatMap((x, k) => gradientFailures(p, x, k === 0 ? "x0" : `point ${k}`));
    expect(failures, failures.join("\n")).toEqual([]);
  });

  it("analytic gradient equals finite differences near the first known minimiser", () => {
    // Where f is small the differences resolve components that rounding hides at x0
    // (e.g. ∂f/∂x2 of brownBadlyScaled, where f(x0) ≈ 1e12).
    const p = make();
    const random = mulberry32(5150);
    // ±0.1 % of each coordinate, ±0.01 where it is 0 (Ackley's kink at 0 needs h ≪ |x|)
    const x = p.minimizers![0].map((v) => v + (v !== 0 ? 1e-3 * Math.abs(v) : 1e-2) * (2 * random() - 1));
    const failures = gradientFailures(p, x, "near the minimiser");
    expect(failures, failures.join("\n")).toEqual([]);
  });

  it("valueAndGradient equals value and gradient exactly", () => {
    const p = make();
    for (const x of testPoints(p, 99)) expectConsistent(p, x);
    for (const xm of p.minimizers ?? []) expectConsistent(p, xm);
  });

  it("f at the known minimisers equals minimumValue; ∇f ≈ 0 where the minimiser is exact", () => {
    const p = make();
    // exact: a closed-form minimiser in the reference (not one computed numerically);
    // linearRank1/linearRank1Zero list an exact point of their minimising hyperplane.
    const exact = Array.isArray(ref.xmin) || id === "linearRank1" || id === "linearRank1Zero";
    expect(p.minimizers?.length ?? 0, `${id}: has minimizers`).toBeGreaterThan(0);
    expectMinimizersReachMinimum(p, exact);
  });

  const other = OTHER_SIZES[id];
  if (other !== undefined) {
    it(`at n = ${other.n}: start rule, f(x0), reference body, gradient, minimum`, () => {
      const p = make(other.n);
      expect(p.dim).toBe(other.n);
      expect(p.id).toBe(id);
      const x0 = other.x0(other.n);
      for (let i = 0; i < p.dim; i++) {
        expect(Math.abs(p.x0[i] - x0[i]), `${id}(${other.n}): x0[${i}] = ${p.x0[i]}, rule gives ${x0[i]}`).toBeLessThanOrEqual(
          4 * EPS * Math.abs(x0[i]),
        );
      }
      if (ref.f_x0_check !== undefined && ref.f_x0_check.n === other.n) {
        // computed_js/computed_py: the reference body in JavaScript/Python (they differ by up
        // to 5e-12 relative where f(x0) suffers cancellation, e.g. trigonometric(40));
        // published: 3 significant digits from mpf/Toms566.jl.
        const check = ref.f_x0_check;
        const f0 = p.value(p.x0);
        expect(relativeError(f0, check.computed_js), `${id}(${other.n}): f(x0) = ${f0}`).toBeLessThanOrEqual(1e-12);
        expect(relativeError(f0, check.computed_py), `${id}(${other.n}): f(x0) = ${f0}`).toBeLessThanOrEqual(1e-10);
        expect(relativeError(f0, check.published), `${id}(${other.n}): f(x0) = ${f0}`).toBeLessThanOrEqual(5e-3);
      }
      for (const [k, x] of testPoints(p, 31337).entries()) {
        const f = p.value(x);
        const expected = reference(Array.from(x));
        expect(relativeError(f, expected), `${id}(${other.n}) point ${k}: f = ${f}, reference ${expected}`).toBeLessThanOrEqual(
          1e-10,
        );
        expectConsistent(p, x);
      }
      const failures = testPoints(p, 4242).flatMap((x, k) => gradientFailures(p, x, k === 0 ? "x0" : `point ${k}`));
      expect(failures, failures.join("\n")).toEqual([]);
      const known = referenceMinimum(ref, other.n);
      if (known !== undefined) expect(p.minimumValue, `${id}(${other.n}): minimumValue`).toBe(known);
      if (other.minimizer !== undefined) {
        expect(Array.from(p.minimizers![0])).toEqual(other.minimizer(other.n));
        expectMinimizersReachMinimum(p, true);
      } else if (p.minimumValue !== undefined && p.minimizers !== undefined) {
        expectMinimizersReachMinimum(p, true);
      }
    });
  }
});

describe("minimum values that depend on n", () => {
  it("follow the published table or formula", () => {
    const byId = Object.fromEntries(REFERENCE.map((r) => [camel(r.id), r]));
    for (const [id, n] of [
      ["watson", 6],
      ["watson", 9],
      ["watson", 12],
      ["penalty1", 4],
      ["penalty1", 10],
      ["penalty2", 4],
      ["penalty2", 10],
      ["chebyquad", 7],
      ["chebyquad", 8],
      ["chebyquad", 9],
      ["chebyquad", 10],
    ] as const) {
      expect(FACTORIES[id](n).minimumValue, `${id}(${n})`).toBe(referenceMinimum(byId[id], n));
    }
    // sizes without a published value have none
    expect(problems.watson(7).minimumValue).toBeUndefined();
    expect(problems.penalty1(5).minimumValue).toBeUndefined();
    expect(problems.chebyquad(11).minimumValue).toBeUndefined();
    // closed forms: linear rank 1 f* = m(m−1)/(2(2m+1)); with zero rows (m²+3m−6)/(2(2m−3))
    expect(problems.linearRank1(5).minimumValue).toBeCloseTo(20 / 22, 15);
    expect(problems.linearRank1Zero(6).minimumValue).toBeCloseTo(48 / 18, 15);
    expect(problems.styblinskiTang(4).minimumValue).toBeCloseTo(-156.66466281508565, 12);
    // Styblinski–Tang's minimiser is the root of 4x³ − 32x + 5: the gradient vanishes there
    const st = problems.styblinskiTang(3);
    const g = new Float64Array(3);
    st.gradient(st.minimizers![0], g);
    expect(Math.max(...Array.from(g, Math.abs))).toBeLessThan(1e-13);
  });

  it("Chebyquad reaches f = 0 where the published minimum is 0 (n = 2: x = (1/2 ± 1/(2√3)))", () => {
    const p = problems.chebyquad(2);
    const d = 1 / (2 * Math.sqrt(3));
    expect(p.value(new Float64Array([0.5 - d, 0.5 + d]))).toBeLessThan(1e-30);
  });
});
