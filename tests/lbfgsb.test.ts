import { describe, expect, it } from "vitest";
import { DownhillError } from "../bindings/DownhillError";
import {
  CauchyPoint,
  CompactLbfgsMatrix,
  lbfgsbMinimize,
  MoreThuenteLineSearch,
  SubspaceMinimizer,
  type LbfgsbOptions,
  type LbfgsbResult,
} from "../bindings/lbfgsb/index";
import { problems, type TestProblem } from "../bindings/problems/problems";
import { seeded } from "./support/random";

type Objective = (x: Float64Array, g: Float64Array) => number;

const TOL = 1e-6;
const STRICT: LbfgsbOptions = { projectedGradientTolerance: TOL, relativeReduction: 0 };

/** Runs L-BFGS-B, recording every point the objective sees and every iterate. */
function solve(objective: Objective, x0: Float64Array, options: LbfgsbOptions = {}) {
  const evaluated: Float64Array[] = [];
  const iterates: Float64Array[] = [];
  const x0Copy = x0.slice();
  const result = lbfgsbMinimize(
    (x, g) => {
      evaluated.push(x.slice());
      return objective(x, g);
    },
    x0,
    {
      ...options,
      onIteration: (info) => {
        iterates.push(info.x.slice());
        return options.onIteration?.(info);
      },
    },
  );
  expect(Array.from(x0), "x0 must not be modified").toEqual(Array.from(x0Copy));
  return { result, evaluated, iterates };
}

function full(n: number, bound: Float64Array | number | undefined, fallback: number): Float64Array {
  if (bound === undefined) return new Float64Array(n).fill(fallback);
  if (typeof bound === "number") return new Float64Array(n).fill(bound);
  return bound;
}

/** Every point lies in the box. */
function expectInBox(points: Float64Array[], lower: Float64Array, upper: Float64Array): void {
  for (const p of points) {
    for (let i = 0; i < p.length; i++) {
      if (!(p[i] >= lower[i] && p[i] <= upper[i])) {
        throw new Error(`point outside the box at coordinate ${i}: ${p[i]} not in [${lower[i]}, ${upper[i]}]`);
      }
    }
  }
}

/**
 * First-order (KKT) conditions checked independently of the solver, with a freshly
 * computed gradient: at a lower bound gᵢ ≥ −tol, at an upper bound gᵢ ≤ tol, else |gᵢ| ≤ tol
 * (within tol of a bound counts as on it, which is what ‖P(x − g) − x‖∞ ≤ tol implies).
 */
function expectKkt(objective: Objective, x: Float64Array, lower: Float64Array, upper: Float64Array, tol = TOL): void {
  const g = new Float64Array(x.length);
  objective(x.slice(), g);
  for (let i = 0; i < x.length; i++) {
    const atLower = x[i] - lower[i] <= tol;
    const atUpper = upper[i] - x[i] <= tol;
    const ok = (atLower && g[i] >= -tol) || (atUpper && g[i] <= tol) || Math.abs(g[i]) <= tol;
    if (!ok) throw new Error(`KKT violated at ${i}: x = ${x[i]} in [${lower[i]}, ${upper[i]}], g = ${g[i]}`);
  }
}

function fromProblem(p: TestProblem): Objective {
  return (x, g) => p.valueAndGradient(x, g);
}

/** Bounded test problem of the L-BFGS-B distribution's driver1: a chained Rosenbrock-like function. */
function driver1(n: number): { objective: Objective; lower: Float64Array; upper: Float64Array; x0: Float64Array } {
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Fortran's odd (1-based) indices are 0-based even ones.
    lower[i] = i % 2 === 0 ? 1 : -100;
    upper[i] = 100;
  }
  const objective: Objective = (x, g) => {
    let f = 0.25 * (x[0] - 1) ** 2;
    for (let i = 1; i < n; i++) f += (x[i] - x[i - 1] ** 2) ** 2;
    let t1 = x[1] - x[0] ** 2;
    g[0] = 2 * (x[0] - 1) - 16 * x[0] * t1;
    for (let i = 1; i < n - 1; i++) {
      const t2 = t1;
      t1 = x[i + 1] - x[i] ** 2;
      g[i] = 8 * t2 - 16 * x[i] * t1;
    }
    g[n - 1] = 8 * t1;
    return 4 * f;
  };
  return { objective, lower, upper, x0: new Float64Array(n).fill(3) };
}

/**
 * f(x) = ½ Σ hᵢ(xᵢ − cᵢ)² − f*: over the box the minimiser is x* = clip(c, l, u). Written
 * as ½ Σ hᵢ(xᵢ − x*ᵢ)(xᵢ + x*ᵢ − 2cᵢ) so that f(x*) = 0 exactly; otherwise the constant
 * contributed by the active coordinates swamps, in rounding, the decrease still possible
 * near x* and no solver can reach ‖P(x − g) − x‖∞ ≤ 1e−6.
 */
function diagonalQuadratic(h: Float64Array, c: Float64Array, lower?: Float64Array, upper?: Float64Array): Objective {
  const xStar = c.map((v, i) => Math.min(Math.max(v, lower?.[i] ?? -Infinity), upper?.[i] ?? Infinity));
  return (x, g) => {
    let f = 0;
    for (let i = 0; i < x.length; i++) {
      g[i] = h[i] * (x[i] - c[i]);
      f += 0.5 * h[i] * (x[i] - xStar[i]) * (x[i] + xStar[i] - 2 * c[i]);
    }
    return f;
  };
}

describe("lbfgsbMinimize without bounds", () => {
  const cases: Array<[string, () => TestProblem, number]> = [
    ["rosenbrock", () => problems.rosenbrock(), 1e-5],
    ["extendedRosenbrock n = 100", () => problems.extendedRosenbrock(100), 1e-5],
    ["beale", () => problems.beale(), 1e-5],
    ["wood", () => problems.wood(), 1e-5],
    ["helicalValley", () => problems.helicalValley(), 1e-5],
    ["booth", () => problems.booth(), 1e-5],
    ["sphere n = 20", () => problems.sphere(20), 1e-8],
  ];
  for (const [label, make, xTol] of cases) {
    it(`finds the known minimum of ${label}`, () => {
      const p = make();
      const { result, iterates } = solve(fromProblem(p), p.x0, STRICT);
      expect(result.reason).toBe("projectedGradientTolerance");
      expect(result.converged).toBe(true);
      expect(result.projectedGradientNorm).toBeLessThanOrEqual(TOL);
      expect(result.activeBounds).toBe(0);
      expect(Math.abs(result.value - p.minimumValue!)).toBeLessThan(1e-9);
      const xStar = p.minimizers![0];
      for (let i = 0; i < p.dim; i++) expect(Math.abs(result.x[i] - xStar[i])).toBeLessThan(xTol);
      expect(iterates.length).toBe(result.iterations);
      expect(result.iterations).toBeLessThan(200);
      expectKkt(fromProblem(p), result.x, full(p.dim, undefined, -Infinity), full(p.dim, undefined, Infinity));
    });
  }

  it("takes about as many iterations on Rosenbrock as the Fortran code (≈ 35)", () => {
    const p = problems.rosenbrock();
    const { result } = solve(fromProblem(p), p.x0, STRICT);
    expect(result.iterations).toBeGreaterThan(20);
    expect(result.iterations).toBeLessThan(60);
    expect(result.evaluations).toBeLessThan(80);
  });

  it("with default tolerances stops converged on Powell's singular function", () => {
    const p = problems.powellSingular();
    const { result } = solve(fromProblem(p), p.x0);
    expect(result.converged).toBe(true);
    expect(result.value).toBeLessThan(1e-6);
  });

  it("keeps working with a history of 1 and of 50", () => {
    for (const historySize of [1, 50]) {
      const p = problems.extendedRosenbrock(20);
      const { result } = solve(fromProblem(p), p.x0, { ...STRICT, historySize, maxIterations: 2000 });
      expect(result.reason).toBe("projectedGradientTolerance");
      expect(result.value).toBeLessThan(1e-10);
    }
  });
});

describe("lbfgsbMinimize with bounds: first-order conditions and feasibility of every iterate", () => {
  interface BoundedCase {
    label: string;
    objective: Objective;
    x0: Float64Array;
    lower?: Float64Array | number;
    upper?: Float64Array | number;
    check?: (r: LbfgsbResult) => void;
  }
  const rosen = problems.rosenbrock();
  const beale = problems.beale();
  const random = seeded(778);
  const n = 60;
  const h = new Float64Array(n);
  const c = new Float64Array(n);
  const ql = new Float64Array(n);
  const qu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    h[i] = 10 ** (3 * random()); // curvatures 1 … 1000
    c[i] = 10 * random() - 5;
    ql[i] = i % 7 === 0 ? -Infinity : -2 + random();
    qu[i] = i % 5 === 0 ? Infinity : 1 + random();
  }
  const d1 = driver1(25);
  const extRosen = problems.extendedRosenbrock(100);
  const erLower = new Float64Array(100);
  const erUpper = new Float64Array(100);
  for (let i = 0; i < 100; i++) {
    erLower[i] = i % 4 === 0 ? -2 : -Infinity;
    erUpper[i] = i % 4 === 0 ? 0.5 : i % 4 === 1 ? 0.2 : Infinity;
  }
  const cases: BoundedCase[] = [
    {
      label: "Rosenbrock on [−2, 0.8] × [−2, 2] (x₁ active at 0.8)",
      objective: fromProblem(rosen),
      x0: rosen.x0,
      lower: -2,
      upper: new Float64Array([0.8, 2]),
      check: (r) => {
        expect(r.x[0]).toBe(0.8);
        expect(Math.abs(r.x[1] - 0.64)).toBeLessThan(1e-6);
        expect(Math.abs(r.value - 0.04)).toBeLessThan(1e-12);
        expect(r.activeBounds).toBe(1);
      },
    },
    {
      label: "Rosenbrock on [1.5, 3] × [−1, 2] from outside the box",
      objective: fromProblem(rosen),
      x0: new Float64Array([10, -5]),
      lower: new Float64Array([1.5, -1]),
      upper: new Float64Array([3, 2]),
      check: (r) => {
        // Minimising over x₁ ≥ 1.5, x₂ ≤ 2: the solution has both bounds active (x₁² > 2).
        expect(r.x[0]).toBe(1.5);
        expect(r.x[1]).toBe(2);
        expect(r.activeBounds).toBe(2);
      },
    },
    {
      label: "Beale on [−4.5, 2.5] × [−4.5, 4.5] (x₁ active at 2.5)",
      objective: fromProblem(beale),
      x0: beale.x0,
      lower: -4.5,
      upper: new Float64Array([2.5, 4.5]),
      check: (r) => {
        expect(r.x[0]).toBe(2.5);
        expect(r.value).toBeGreaterThan(0);
      },
    },
    {
      label: "shifted sphere with the centre (3, −3, 0.5, 2, −1) outside [−1, 1]⁵",
      objective: (x, g) => {
        const centre = [3, -3, 0.5, 2, -1];
        let f = 0;
        for (let i = 0; i < 5; i++) {
          g[i] = 2 * (x[i] - centre[i]);
          f += (x[i] - centre[i]) ** 2;
        }
        return f;
      },
      x0: new Float64Array(5),
      lower: -1,
      upper: 1,
      check: (r) => {
        expect(Array.from(r.x)).toEqual([1, -1, 0.5, 1, -1]);
        expect(Math.abs(r.value - (4 + 4 + 1))).toBeLessThan(1e-12);
        expect(r.activeBounds).toBe(4);
      },
    },
    {
      label: "diagonal quadratic, n = 60, curvatures 1…1000, mixed finite/infinite bounds (closed form: clipping)",
      objective: diagonalQuadratic(h, c, ql, qu),
      x0: new Float64Array(n),
      lower: ql,
      upper: qu,
      check: (r) => {
        // |xᵢ − x*ᵢ| ≤ ‖P(x − g) − x‖∞ / min hᵢ on the free coordinates.
        let active = 0;
        for (let i = 0; i < n; i++) {
          const expected = Math.min(Math.max(c[i], ql[i]), qu[i]);
          if (expected !== c[i]) {
            expect(r.x[i]).toBe(expected);
            active++;
          } else expect(Math.abs(r.x[i] - expected)).toBeLessThan(2e-6);
        }
        expect(r.activeBounds).toBe(active);
        expect(Math.abs(r.value)).toBeLessThan(1e-10);
      },
    },
    {
      label: "L-BFGS-B driver1: chained function, n = 25, [1, 100] on odd and [−100, 100] on even indices, x0 = 3",
      objective: d1.objective,
      x0: d1.x0,
      lower: d1.lower,
      upper: d1.upper,
      check: (r) => expect(r.value).toBeLessThan(1e-10),
    },
    {
      label: "extended Rosenbrock n = 100 with one- and two-sided bounds on three quarters of the coordinates",
      objective: fromProblem(extRosen),
      x0: extRosen.x0,
      lower: erLower,
      upper: erUpper,
      check: (r) => expect(r.activeBounds).toBeGreaterThanOrEqual(25),
    },
    {
      label: "fixed coordinates (lower = upper) never move",
      objective: fromProblem(problems.extendedRosenbrock(6)),
      x0: problems.extendedRosenbrock(6).x0,
      lower: new Float64Array([-Infinity, 0.3, -Infinity, -Infinity, 2, -Infinity]),
      upper: new Float64Array([Infinity, 0.3, Infinity, Infinity, 2, Infinity]),
      check: (r) => {
        expect(r.x[1]).toBe(0.3);
        expect(r.x[4]).toBe(2);
      },
    },
  ];

  for (const k of cases) {
    it(k.label, () => {
      const { result, evaluated, iterates } = solve(k.objective, k.x0, { ...STRICT, lower: k.lower, upper: k.upper });
      const dim = k.x0.length;
      const lower = full(dim, k.lower, -Infinity);
      const upper = full(dim, k.upper, Infinity);
      expect(result.reason).toBe("projectedGradientTolerance");
      expect(result.projectedGradientNorm).toBeLessThanOrEqual(TOL);
      expect(iterates.length).toBe(result.iterations);
      expect(evaluated.length).toBe(result.evaluations);
      expectInBox(iterates, lower, upper);
      expectInBox(evaluated, lower, upper);
      expectInBox([result.x], lower, upper);
      expectKkt(k.objective, result.x, lower, upper);
      // The reported value belongs to the reported point.
      expect(k.objective(result.x.slice(), new Float64Array(dim))).toBe(result.value);
      k.check?.(result);
    });
  }

  it("driver1 with the Fortran driver's settings (m = 5, factr = 1e7, pgtol = 1e−5) stops on relative reduction near f = 0", () => {
    const { objective, lower, upper, x0 } = driver1(25);
    const { result, iterates } = solve(objective, x0, { lower, upper, historySize: 5 });
    expect(result.converged).toBe(true);
    expect(result.value).toBeLessThan(1e-8);
    expect(result.iterations).toBeLessThan(40);
    expectInBox(iterates, lower, upper);
  });

  it("a number bound broadcasts to every coordinate", () => {
    const p = problems.sphere(4);
    const { result } = solve(fromProblem(p), p.x0, { ...STRICT, lower: 0.5 });
    expect(Array.from(result.x)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(result.activeBounds).toBe(4);
  });

  it("a start that already satisfies the conditions takes no iteration", () => {
    const { result } = solve(diagonalQuadratic(new Float64Array([1, 1]), new Float64Array([5, 5])), new Float64Array([1, 1]), {
      upper: 1,
    });
    expect(result.reason).toBe("projectedGradientTolerance");
    expect(result.iterations).toBe(0);
    expect(result.evaluations).toBe(1);
    expect(result.projectedGradientNorm).toBe(0);
  });
});

describe("agreement with the Fortran algorithm", () => {
  // Iterations, evaluations and f from scipy 1.17.1's minimize(method="L-BFGS-B") (the
  // L-BFGS-B 3.0 algorithm) with jac=True, options gtol (pgtol) and ftol (factr·ε) as
  // given, on the same formulas. Only +, −, ×, ÷ are involved, so every engine follows
  // the same path; a change in these counts means the algorithm changed.
  const d1 = driver1(25);
  const rosen = problems.rosenbrock();
  const beale = problems.beale();
  const ext = problems.extendedRosenbrock(100);
  const table: Array<[string, Objective, Float64Array, LbfgsbOptions, number, number, number]> = [
    ["Rosenbrock", fromProblem(rosen), rosen.x0, STRICT, 37, 45, 1.7054943027785514e-17],
    ["Rosenbrock, default tolerances", fromProblem(rosen), rosen.x0, {}, 36, 44, 2.807649849005401e-12],
    ["extended Rosenbrock n = 100", fromProblem(ext), ext.x0, STRICT, 37, 49, 2.795254182707791e-20],
    ["extended Rosenbrock n = 100, m = 5", fromProblem(ext), ext.x0, { ...STRICT, historySize: 5 }, 36, 47, 8.5506200204524e-20],
    ["Beale", fromProblem(beale), beale.x0, STRICT, 15, 16, 1.9483850219571468e-15],
    ["Rosenbrock on [−2, 0.8] × [−2, 2]", fromProblem(rosen), rosen.x0, { ...STRICT, lower: -2, upper: new Float64Array([0.8, 2]) }, 30, 41, 0.04],
    ["Beale on [−4.5, 2.5] × [−4.5, 4.5]", fromProblem(beale), beale.x0, { ...STRICT, lower: -4.5, upper: new Float64Array([2.5, 4.5]) }, 9, 12, 0.07270005065353416],
    ["driver1, pgtol 1e−6", d1.objective, d1.x0, { ...STRICT, lower: d1.lower, upper: d1.upper }, 30, 36, 5.331540166638804e-14],
    ["driver1, the Fortran driver's m = 5, factr = 1e7, pgtol = 1e−5", d1.objective, d1.x0, { lower: d1.lower, upper: d1.upper, historySize: 5 }, 23, 28, 1.0834900834730527e-9],
  ];
  for (const [label, objective, x0, options, iterations, evaluations, value] of table) {
    it(`${label}: ${iterations} iterations, ${evaluations} evaluations, as scipy`, () => {
      const { result } = solve(objective, x0, options);
      expect(result.converged).toBe(true);
      expect(result.iterations).toBe(iterations);
      expect(result.evaluations).toBe(evaluations);
      expect(Math.abs(result.value - value)).toBeLessThanOrEqual(1e-6 * Math.abs(value) + 1e-15);
    });
  }
});

describe("stopping reasons", () => {
  const rosen = problems.rosenbrock();

  it("maxIterations", () => {
    const { result, iterates } = solve(fromProblem(rosen), rosen.x0, { maxIterations: 3 });
    expect(result.reason).toBe("maxIterations");
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(3);
    expect(iterates.length).toBe(3);
    expect(result.value).toBeLessThan(24.2);
  });

  it("maxIterations 0 evaluates once", () => {
    const { result } = solve(fromProblem(rosen), rosen.x0, { maxIterations: 0 });
    expect(result.reason).toBe("maxIterations");
    expect(result.evaluations).toBe(1);
    expect(Array.from(result.x)).toEqual([-1.2, 1]);
  });

  it("maxEvaluations is a hard cap", () => {
    for (const maxEvaluations of [1, 2, 5, 17]) {
      const { result } = solve(fromProblem(rosen), rosen.x0, { maxEvaluations });
      expect(result.reason).toBe("maxEvaluations");
      expect(result.evaluations).toBeLessThanOrEqual(maxEvaluations);
      expect(result.value).toBe(rosen.value(result.x));
    }
  });

  it("nonFinite when f is NaN at the start", () => {
    const { result } = solve((_x, g) => {
      g.fill(0);
      return NaN;
    }, new Float64Array([1, 2]));
    expect(result.reason).toBe("nonFinite");
    expect(result.converged).toBe(false);
    expect(result.evaluations).toBe(1);
  });

  it("nonFinite when the gradient is Infinity at the start", () => {
    const { result } = solve((_x, g) => {
      g[0] = Infinity;
      return 1;
    }, new Float64Array([1]));
    expect(result.reason).toBe("nonFinite");
  });

  it("nonFinite when every trial point is NaN; the last finite point is kept", () => {
    const x0 = new Float64Array([2, -1]);
    const { result } = solve((x, g) => {
      g[0] = 2 * x[0];
      g[1] = 2 * x[1];
      return x[0] === 2 && x[1] === -1 ? 5 : NaN;
    }, x0);
    expect(result.reason).toBe("nonFinite");
    expect(Array.from(result.x)).toEqual([2, -1]);
    expect(result.value).toBe(5);
    expect(result.iterations).toBe(0);
    expect(result.evaluations).toBe(21);
  });

  it("NaN in part of the domain: the line search backs off and still converges", () => {
    // f = (x − 1)² + y², undefined (NaN) for 7 < x < 9.5, where the first trial step from x = 10 lands.
    const objective: Objective = (x, g) => {
      g[0] = 2 * (x[0] - 1);
      g[1] = 2 * x[1];
      return x[0] > 7 && x[0] < 9.5 ? NaN : (x[0] - 1) ** 2 + x[1] ** 2;
    };
    const { result, evaluated } = solve(objective, new Float64Array([10, 1]), STRICT);
    expect(result.reason).toBe("projectedGradientTolerance");
    expect(Math.abs(result.x[0] - 1)).toBeLessThan(1e-6);
    expect(Math.abs(result.x[1])).toBeLessThan(1e-6);
    expect(evaluated.some((p) => p[0] > 7 && p[0] < 9.5)).toBe(true);
  });

  it("nonFinite from the line search when f is NaN just past where it keeps decreasing; the last finite point is kept", () => {
    // f = (x − 10)² on x ≤ 3, NaN beyond: the iterates creep up to the edge x = 3.
    const { result } = solve((x, g) => {
      g[0] = 2 * (x[0] - 10);
      return x[0] > 3 ? NaN : (x[0] - 10) ** 2;
    }, new Float64Array([0]), STRICT);
    expect(result.reason).toBe("nonFinite");
    expect(result.converged).toBe(false);
    expect(result.x[0]).toBeLessThanOrEqual(3);
    expect(result.x[0]).toBeGreaterThan(2.99);
    expect(result.value).toBe((result.x[0] - 10) ** 2);
  });

  it("lineSearchFailed when the gradient points the wrong way", () => {
    const { result } = solve((x, g) => {
      g[0] = -2 * x[0];
      return x[0] * x[0];
    }, new Float64Array([1]));
    expect(result.reason).toBe("lineSearchFailed");
    expect(result.converged).toBe(false);
    expect(Array.from(result.x)).toEqual([1]);
  });

  it("stoppedByObserver when onIteration returns true", () => {
    let calls = 0;
    const { result } = solve(fromProblem(rosen), rosen.x0, {
      onIteration: (info) => {
        calls++;
        expect(info.iteration).toBe(calls);
        expect(info.value).toBe(rosen.value(info.x));
        return info.iteration >= 4;
      },
    });
    expect(result.reason).toBe("stoppedByObserver");
    expect(result.iterations).toBe(4);
    expect(calls).toBe(4);
  });

  it("relativeReduction with the default tolerance", () => {
    const p = problems.extendedRosenbrock(10);
    const { result } = solve(fromProblem(p), p.x0, { projectedGradientTolerance: 0 });
    expect(result.reason).toBe("relativeReduction");
    expect(result.converged).toBe(true);
    expect(result.value).toBeLessThan(1e-8);
  });
});

describe("bad input", () => {
  const f: Objective = (x, g) => {
    g[0] = 2 * x[0];
    g[1] = 2 * x[1];
    return x[0] * x[0] + x[1] * x[1];
  };

  function expectError(call: (x0: Float64Array) => unknown, code: string, argument: string, messagePart?: string): void {
    const x0 = new Float64Array([0.5, -0.5]);
    let caught: unknown;
    try {
      call(x0);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DownhillError);
    const error = caught as DownhillError;
    expect(error.code).toBe(code);
    expect(error.argument).toBe(argument);
    if (messagePart !== undefined) expect(error.message).toContain(messagePart);
    expect(Array.from(x0)).toEqual([0.5, -0.5]);
  }

  it("lower > upper names the coordinate", () => {
    expectError(
      (x0) => lbfgsbMinimize(f, x0, { lower: new Float64Array([0, 2]), upper: new Float64Array([1, 1]) }),
      "INVALID_OPTION",
      "lower",
      "lower[1] = 2 > upper[1] = 1",
    );
    expectError((x0) => lbfgsbMinimize(f, x0, { lower: 3, upper: 1 }), "INVALID_OPTION", "lower", "[0]");
  });

  it("bound arrays of the wrong length", () => {
    expectError((x0) => lbfgsbMinimize(f, x0, { lower: new Float64Array(3) }), "LENGTH_MISMATCH", "lower");
    expectError((x0) => lbfgsbMinimize(f, x0, { upper: new Float64Array(1) }), "LENGTH_MISMATCH", "upper");
  });

  it("NaN bounds and impossible infinities", () => {
    expectError((x0) => lbfgsbMinimize(f, x0, { lower: NaN }), "INVALID_OPTION", "lower");
    expectError((x0) => lbfgsbMinimize(f, x0, { upper: new Float64Array([1, NaN]) }), "INVALID_OPTION", "upper", "upper[1]");
    expectError((x0) => lbfgsbMinimize(f, x0, { lower: Infinity }), "INVALID_OPTION", "lower");
    expectError((x0) => lbfgsbMinimize(f, x0, { upper: -Infinity }), "INVALID_OPTION", "upper");
  });

  it("bounds of the wrong type", () => {
    expectError((x0) => lbfgsbMinimize(f, x0, { lower: [0, 0] as never }), "WRONG_TYPE", "lower");
    expectError((x0) => lbfgsbMinimize(f, x0, { upper: new Float32Array(2) as never }), "WRONG_TYPE", "upper");
  });

  it("x0 and the objective", () => {
    expectError(() => lbfgsbMinimize(f, [1, 2] as never), "WRONG_TYPE", "x0");
    expectError(() => lbfgsbMinimize(f, new Float32Array(2) as never), "WRONG_TYPE", "x0");
    expectError(() => lbfgsbMinimize(f, new Float64Array(0)), "INVALID_OPTION", "x0");
    expectError(() => lbfgsbMinimize(f, new Float64Array([1, NaN])), "INVALID_OPTION", "x0", "x0[1]");
    expectError((x0) => lbfgsbMinimize("f" as never, x0), "WRONG_TYPE", "valueAndGradient");
  });

  it("options", () => {
    expectError((x0) => lbfgsbMinimize(f, x0, { histroySize: 5 } as never), "UNKNOWN_OPTION", "histroySize", "historySize");
    expectError((x0) => lbfgsbMinimize(f, x0, { historySize: 0 }), "INVALID_OPTION", "historySize");
    expectError((x0) => lbfgsbMinimize(f, x0, { historySize: 2.5 }), "INVALID_OPTION", "historySize");
    expectError((x0) => lbfgsbMinimize(f, x0, { maxIterations: -1 }), "INVALID_OPTION", "maxIterations");
    expectError((x0) => lbfgsbMinimize(f, x0, { maxEvaluations: 0 }), "INVALID_OPTION", "maxEvaluations");
    expectError((x0) => lbfgsbMinimize(f, x0, { projectedGradientTolerance: -1 }), "INVALID_OPTION", "projectedGradientTolerance");
    expectError((x0) => lbfgsbMinimize(f, x0, { relativeReduction: NaN }), "INVALID_OPTION", "relativeReduction");
    expectError((x0) => lbfgsbMinimize(f, x0, { onIteration: 1 as never }), "WRONG_TYPE", "onIteration");
    expectError((x0) => lbfgsbMinimize(f, x0, null as never), "WRONG_TYPE", "options");
  });

  it("Infinity budgets are accepted, and the caller's bound arrays are copied, not modified", () => {
    const lower = new Float64Array([-1, -1]);
    const upper = new Float64Array([1, 1]);
    const r = lbfgsbMinimize(f, new Float64Array([5, 5]), { lower, upper, maxIterations: Infinity, maxEvaluations: Infinity });
    expect(r.converged).toBe(true);
    expect(Array.from(lower)).toEqual([-1, -1]);
    expect(Array.from(upper)).toEqual([1, 1]);
  });
});

describe("building blocks", () => {
  /** Dense BFGS: B ← B − B s sᵀB / sᵀBs + y yᵀ / yᵀs from B₀ = θI. */
  function denseBfgs(n: number, theta: number, pairs: Array<[Float64Array, Float64Array]>): number[][] {
    const B = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? theta : 0)));
    for (const [s, y] of pairs) {
      const Bs = B.map((row) => row.reduce((acc, v, j) => acc + v * s[j], 0));
      const sBs = Bs.reduce((acc, v, i) => acc + v * s[i], 0);
      const ys = y.reduce((acc, v, i) => acc + v * s[i], 0);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) B[i][j] += -(Bs[i] * Bs[j]) / sBs + (y[i] * y[j]) / ys;
    }
    return B;
  }

  function randomPairs(n: number, count: number, seed: number): Array<[Float64Array, Float64Array]> {
    const random = seeded(seed);
    // y = A·s with A symmetric positive definite, so sᵀy > 0.
    const A = Array.from({ length: n }, () => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) A[i][j] = A[j][i] = random() - 0.5;
      A[i][i] += n;
    }
    const pairs: Array<[Float64Array, Float64Array]> = [];
    for (let k = 0; k < count; k++) {
      const s = Float64Array.from({ length: n }, () => random() - 0.5);
      const y = Float64Array.from({ length: n }, (_, i) => A[i].reduce((acc, v, j) => acc + v * s[j], 0));
      pairs.push([s, y]);
    }
    return pairs;
  }

  const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
    let t = 0;
    for (let i = 0; i < a.length; i++) t += a[i] * b[i];
    return t;
  };

  it("the compact representation equals dense BFGS on the last m pairs (including ring-buffer wrap-around)", () => {
    const n = 7;
    const m = 3;
    const pairs = randomPairs(n, 5, 1);
    const B = new CompactLbfgsMatrix(n, m);
    for (const [s, y] of pairs) expect(B.push(s, y, dot(s, y), dot(y, y))).toBe(true);
    expect(B.col).toBe(3);
    const [sLast, yLast] = pairs[pairs.length - 1];
    expect(B.theta).toBeCloseTo(dot(yLast, yLast) / dot(sLast, yLast), 14);
    const dense = denseBfgs(n, B.theta, pairs.slice(-m));
    const random = seeded(2);
    const v = Float64Array.from({ length: n }, () => random() - 0.5);
    const out = new Float64Array(n);
    B.multiply(v, out);
    for (let i = 0; i < n; i++) expect(out[i]).toBeCloseTo(dense[i].reduce((acc, b, j) => acc + b * v[j], 0), 10);
    // Secant equation for the newest pair.
    B.multiply(sLast, out);
    for (let i = 0; i < n; i++) expect(out[i]).toBeCloseTo(yLast[i], 10);
  });

  it("the Cauchy point of the documented example", () => {
    const B = new CompactLbfgsMatrix(2, 5);
    const cp = new CauchyPoint(2, 5);
    cp.compute(new Float64Array([0, 0]), new Float64Array([-2, 0.5]), new Float64Array([-1, -1]), new Float64Array([1, 1]), B);
    expect(Array.from(cp.xcp)).toEqual([1, -0.5]);
    expect(cp.freeCount).toBe(1);
    expect(cp.freeIndex[0]).toBe(1);
  });

  it("the Cauchy point is the first local minimiser of the model along the projected path", () => {
    const n = 8;
    const pairs = randomPairs(n, 4, 3);
    const B = new CompactLbfgsMatrix(n, 4);
    for (const [s, y] of pairs) B.push(s, y, dot(s, y), dot(y, y));
    const random = seeded(4);
    const x = Float64Array.from({ length: n }, () => random() - 0.5);
    const g = Float64Array.from({ length: n }, () => 20 * (random() - 0.5));
    const lower = Float64Array.from(x, (v, i) => (i % 3 === 0 ? -Infinity : v - 0.2 * random()));
    const upper = Float64Array.from(x, (v, i) => (i % 4 === 1 ? Infinity : v + 0.2 * random()));
    const cp = new CauchyPoint(n, 4);
    cp.compute(x, g, lower, upper, B);
    const model = (p: Float64Array): number => {
      const dx = p.map((v, i) => v - x[i]);
      const Bdx = new Float64Array(n);
      B.multiply(dx, Bdx);
      return dot(g, dx) + 0.5 * dot(dx, Bdx);
    };
    const path = (t: number): Float64Array => x.map((v, i) => Math.min(Math.max(v - t * g[i], lower[i]), upper[i]));
    // Walk the path in small steps until the model first increases.
    const h = 1e-5;
    let t = 0;
    while (model(path(t + h)) < model(path(t))) t += h;
    const expected = path(t);
    for (let i = 0; i < n; i++) expect(Math.abs(cp.xcp[i] - expected[i])).toBeLessThan(1e-3);
    expect(model(cp.xcp)).toBeLessThanOrEqual(model(expected) + 1e-12);
    // c = Wᵀ(x^c − x).
    const wt = new Float64Array(8);
    B.multiplyWt(cp.xcp.map((v, i) => v - x[i]), wt);
    for (let k = 0; k < 2 * B.col; k++) expect(cp.c[k]).toBeCloseTo(wt[k], 10);
  });

  it("the subspace step solves the reduced Newton system Zᵀ B Z du = −Zᵀ(g + B(x^c − x))", () => {
    const n = 10;
    const m = 5;
    const pairs = randomPairs(n, 6, 5);
    const B = new CompactLbfgsMatrix(n, m);
    for (const [s, y] of pairs) B.push(s, y, dot(s, y), dot(y, y));
    const random = seeded(6);
    const x = Float64Array.from({ length: n }, () => random() - 0.5);
    const g = Float64Array.from({ length: n }, () => 4 * (random() - 0.5));
    // Tight bounds on a few coordinates so the Cauchy point has an active set; wide ones elsewhere.
    const lower = Float64Array.from(x, (v, i) => (i < 4 ? v - 0.01 : -1e6));
    const upper = Float64Array.from(x, (v, i) => (i < 4 ? v + 0.01 : 1e6));
    const cp = new CauchyPoint(n, m);
    cp.compute(x, g, lower, upper, B);
    expect(cp.freeCount).toBeGreaterThan(0);
    expect(cp.freeCount).toBeLessThan(n);
    const z = cp.xcp.slice();
    const sub = new SubspaceMinimizer(n, m);
    expect(sub.minimize(x, g, lower, upper, B, cp, z)).toBe(true);
    // Dense reduced system.
    const free = Array.from(cp.freeIndex.subarray(0, cp.freeCount));
    const dense: number[][] = [];
    const e = new Float64Array(n);
    const col = new Float64Array(n);
    for (const j of free) {
      e.fill(0);
      e[j] = 1;
      B.multiply(e, col);
      dense.push(free.map((i) => col[i]));
    }
    const Bdx = new Float64Array(n);
    B.multiply(cp.xcp.map((v, i) => v - x[i]), Bdx);
    const rhs = free.map((i) => -(g[i] + Bdx[i]));
    const du = gaussianSolve(dense, rhs);
    free.forEach((i, k) => {
      const unclipped = cp.xcp[i] + du[k];
      if (unclipped > lower[i] && unclipped < upper[i]) expect(z[i]).toBeCloseTo(unclipped, 9);
    });
    expect(free.some((i, k) => cp.xcp[i] + du[k] > lower[i] && cp.xcp[i] + du[k] < upper[i])).toBe(true);
  });

  it("the Moré–Thuente line search of the documented example", () => {
    const ls = new MoreThuenteLineSearch();
    let task = ls.start(1, 4, -4, 0, 1e10);
    let evaluations = 0;
    while (task === "evaluate") {
      const a = ls.stp;
      evaluations++;
      task = ls.next((a - 2) ** 2, 2 * (a - 2));
    }
    expect(task).toBe("converged");
    expect(evaluations).toBeLessThan(6);
    const a = ls.stp;
    expect((a - 2) ** 2).toBeLessThanOrEqual(4 + 1e-3 * a * -4);
    expect(Math.abs(2 * (a - 2))).toBeLessThanOrEqual(0.9 * 4);
  });

  it("the line search respects stpmax", () => {
    const ls = new MoreThuenteLineSearch();
    let task = ls.start(0.1, 4, -4, 0, 0.1);
    while (task === "evaluate") {
      const a = ls.stp;
      expect(a).toBeLessThanOrEqual(0.1);
      task = ls.next((a - 2) ** 2, 2 * (a - 2));
    }
    expect(task).toBe("warning"); // φ′(0.1) = −3.8: the curvature condition cannot hold below stpmax
    expect(ls.stp).toBe(0.1);
    expect(ls.start(1, 4, 1, 0, 10)).toBe("error");
  });
});

/** Gaussian elimination with partial pivoting (test helper). */
function gaussianSolve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i][k]) > Math.abs(M[p][k])) p = i;
    [M[k], M[p]] = [M[p], M[k]];
    for (let i = k + 1; i < n; i++) {
      const factor = M[i][k] / M[k][k];
      for (let j = k; j <= n; j++) M[i][j] -= factor * M[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let t = M[i][n];
    for (let j = i + 1; j < n; j++) t -= M[i][j] * x[j];
    x[i] = t / M[i][i];
  }
  return x;
}
