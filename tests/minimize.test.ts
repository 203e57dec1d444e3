import { beforeAll, describe, expect, it } from "vitest";
import { DownhillError } from "../bindings/DownhillError";
import { currentBackend, init, loadBackend } from "../bindings/init";
import { backtracking } from "../bindings/lineSearch/backtracking";
import { strongWolfe } from "../bindings/lineSearch/strongWolfe";
import { conjugateGradient } from "../bindings/minimize/conjugateGradient";
import { gradientDescent } from "../bindings/minimize/gradientDescent";
import { lbfgs } from "../bindings/minimize/lbfgs";
import { minimize } from "../bindings/minimize/minimize";
import type { IterationInfo } from "../bindings/minimize/MinimizeOptions";
import { adam } from "../bindings/optimizers/adam";
import { sgd } from "../bindings/optimizers/sgd";
import { problems } from "../bindings/problems/problems";
import { free } from "../bindings/free";
import { vector } from "../bindings/vector";

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
  if (argument !== undefined) {
    expect(error.argument).toBe(argument);
  }
  return error;
}

/** f(x) = Σ cᵢ·xᵢ² / 2 with curvatures cᵢ = 1 … 10·(i+1)/n: minimum 0 at 0. */
function quadratic(n: number, conditionNumber = 10) {
  const c = Float64Array.from({ length: n }, (_, i) => 1 + ((conditionNumber - 1) * i) / Math.max(1, n - 1));
  return (x: Float64Array, g?: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += 0.5 * c[i] * x[i] * x[i];
      if (g) g[i] = c[i] * x[i];
    }
    return s;
  };
}

/** Busy-waits for ms milliseconds (a slow objective). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // wait
  }
}

beforeAll(async () => {
  await init();
});

describe("minimize: every stop reason is reachable", () => {
  it("gradientTolerance: L-BFGS on Rosenbrock, ‖∇f‖∞ below the tolerance", () => {
    const p = problems.rosenbrock();
    const r = minimize(p, p.x0);
    expect(r.reason).toBe("gradientTolerance");
    expect(r.converged).toBe(true);
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-6);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.gradientNorm).toBe(Math.max(Math.abs(r.gradient[0]), Math.abs(r.gradient[1])));
    expect(r.value).toBe(p.value(r.x));
    expect(r.optimizer).toBe("lbfgs");
    expect(r.message).toContain("gradientTolerance");
  });

  it("valueTolerance: a relative change in f below the tolerance", () => {
    const p = problems.rosenbrock();
    const r = minimize(p, p.x0, { optimizer: gradientDescent(), valueTolerance: 1e-6, maxIterations: 100000 });
    expect(r.reason).toBe("valueTolerance");
    expect(r.converged).toBe(true);
    expect(r.gradientNorm).toBeGreaterThan(1e-6);
  });

  it("stepTolerance: a step below the tolerance", () => {
    const r = minimize(quadratic(5, 1000), new Float64Array(5).fill(1), {
      optimizer: gradientDescent({ learningRate: 1e-3 }),
      stepTolerance: 1e-5,
      maxIterations: 100000,
    });
    expect(r.reason).toBe("stepTolerance");
    expect(r.converged).toBe(true);
  });

  it("maxIterations", () => {
    const p = problems.rosenbrock();
    const r = minimize(p, p.x0, { maxIterations: 3 });
    expect(r).toMatchObject({ reason: "maxIterations", converged: false, iterations: 3 });
    expect(minimize(p, p.x0, { maxIterations: 0 })).toMatchObject({ reason: "maxIterations", iterations: 0, evaluations: 1 });
  });

  it("maxEvaluations: never exceeded, including finite-difference evaluations", () => {
    const p = problems.rosenbrock();
    const r = minimize(p, p.x0, { maxEvaluations: 10 });
    expect(r.reason).toBe("maxEvaluations");
    expect(r.evaluations).toBeLessThanOrEqual(10);
    expect(r.value).toBe(p.value(r.x)); // the last accepted point
    const fd = minimize((x: Float64Array) => p.value(x), p.x0, { maxEvaluations: 30 });
    expect(fd.reason).toBe("maxEvaluations");
    expect(fd.evaluations).toBeLessThanOrEqual(30);
  });

  it("timeLimit: a slow objective is stopped", () => {
    const p = problems.rosenbrock();
    const slow = (x: Float64Array, g?: Float64Array) => {
      spin(2);
      if (g) p.gradient(x, g);
      return p.value(x);
    };
    const r = minimize(slow, p.x0, { timeLimit: 20 });
    expect(r.reason).toBe("timeLimit");
    expect(r.elapsed).toBeGreaterThanOrEqual(20);
    expect(r.elapsed).toBeLessThan(1000);
  });

  it("aborted: by an AbortSignal, already aborted or aborted during the run", () => {
    const p = problems.rosenbrock();
    const before = new AbortController();
    before.abort();
    expect(minimize(p, p.x0, { signal: before.signal })).toMatchObject({ reason: "aborted", iterations: 0, evaluations: 1 });
    const during = new AbortController();
    const r = minimize(p, p.x0, {
      signal: during.signal,
      onIteration: (info) => {
        if (info.iteration === 4) during.abort();
      },
    });
    expect(r).toMatchObject({ reason: "aborted", iterations: 4, converged: false });
  });

  it("stoppedByObserver: onIteration returns true", () => {
    const p = problems.rosenbrock();
    const seen: IterationInfo[] = [];
    const r = minimize(p, p.x0, {
      onIteration: (info) => {
        seen.push({ ...info, x: info.x.slice() });
        return info.iteration === 5;
      },
    });
    expect(r).toMatchObject({ reason: "stoppedByObserver", iterations: 5 });
    expect(seen.map((s) => s.iteration)).toEqual([1, 2, 3, 4, 5]);
    expect(seen[4].x).toEqual(r.x);
    expect(seen[4].value).toBe(r.value);
    expect(seen[4].evaluations).toBe(r.evaluations);
    for (const s of seen) {
      expect(s.stepNorm).toBeGreaterThan(0);
      expect(s.gradientNorm).toBeGreaterThan(0);
    }
  });

  it("nonFinite: at x0, the start is returned", () => {
    const f = (x: Float64Array, g?: Float64Array) => {
      if (g) g[0] = 1 / x[0];
      return Math.log(x[0]);
    };
    const r = minimize(f, [-1]);
    expect(r).toMatchObject({ reason: "nonFinite", iterations: 0, converged: false });
    expect(r.value).toBeNaN();
    expect(Array.from(r.x)).toEqual([-1]);
    expect(r.message).toContain("x0");
  });

  it("nonFinite: a diverging fixed step returns the last finite point", () => {
    // Gradient descent with η = 1 on curvature 10 multiplies x by −9 per step until it overflows.
    const f = (x: Float64Array, g?: Float64Array) => {
      if (g) g[0] = 10 * x[0];
      return 5 * x[0] * x[0];
    };
    const r = minimize(f, [1], { optimizer: gradientDescent({ learningRate: 1 }) });
    expect(r.reason).toBe("nonFinite");
    expect(Number.isFinite(r.value)).toBe(true);
    expect(Number.isFinite(r.x[0])).toBe(true);
    expect(Math.abs(r.x[0])).toBeGreaterThan(1e100);
  });

  it("nonFinite: a NaN gradient at an accepted point", () => {
    const f = (x: Float64Array, g?: Float64Array) => {
      if (g) g[0] = x[0] < 0.5 ? NaN : 2 * x[0];
      return x[0] * x[0];
    };
    const r = minimize(f, [2], { optimizer: gradientDescent() });
    expect(r.reason).toBe("nonFinite");
    expect(r.x[0]).toBeGreaterThanOrEqual(0.5);
  });

  it("lineSearchFailed: a gradient that points the wrong way", () => {
    const f = (x: Float64Array, g?: Float64Array) => {
      if (g) g[0] = -2 * x[0]; // wrong sign
      return x[0] * x[0];
    };
    for (const optimizer of [lbfgs(), conjugateGradient(), gradientDescent()]) {
      const r = minimize(f, [3], { optimizer });
      expect(r.reason).toBe("lineSearchFailed");
      expect(r.converged).toBe(false);
      expect(Array.from(r.x)).toEqual([3]);
      expect(r.message).toContain("gradientCheck");
    }
  });
});

describe("minimize: methods converge", () => {
  const methods = [
    ["lbfgs()", () => lbfgs()],
    ["conjugateGradient()", () => conjugateGradient()],
    ["gradientDescent()", () => gradientDescent()],
  ] as const;

  for (const [name, make] of methods) {
    it(`${name} reaches Rosenbrock's minimum (1, 1)`, () => {
      const p = problems.rosenbrock();
      const r = minimize(p, p.x0, { optimizer: make(), maxIterations: 50000 });
      expect(r.reason).toBe("gradientTolerance");
      expect(r.x[0]).toBeCloseTo(1, 5);
      expect(r.x[1]).toBeCloseTo(1, 5);
    });

    it(`${name} minimizes a 50-dimensional quadratic (condition number 100)`, () => {
      const r = minimize(quadratic(50, 100), new Float64Array(50).fill(1), { optimizer: make(), maxIterations: 50000 });
      expect(r.reason).toBe("gradientTolerance");
      expect(r.value).toBeLessThan(1e-11);
    });
  }

  it("conjugateGradient restarts every restartInterval iterations and still converges", () => {
    const p = problems.extendedRosenbrock(20);
    for (const restartInterval of [1, 5, 1000]) {
      const r = minimize(p, p.x0, { optimizer: conjugateGradient({ restartInterval }), maxIterations: 100000 });
      expect(r.converged).toBe(true);
      expect(r.value).toBeLessThan(1e-10);
    }
  });

  it("CG takes fewer iterations than steepest descent, L-BFGS fewer than CG, on an ill-conditioned quadratic", () => {
    const f = quadratic(100, 1000);
    const x0 = new Float64Array(100).fill(1);
    const options = { maxIterations: 100000, gradientTolerance: 1e-8 };
    const gd = minimize(f, x0, { ...options, optimizer: gradientDescent() });
    const cg = minimize(f, x0, { ...options, optimizer: conjugateGradient() });
    const qn = minimize(f, x0, { ...options, optimizer: lbfgs() });
    expect(cg.iterations).toBeLessThan(gd.iterations / 5);
    expect(qn.iterations).toBeLessThanOrEqual(cg.iterations);
  });

  it("gradientDescent with a fixed learning rate below 2/L converges, one evaluation per iteration", () => {
    const r = minimize(quadratic(10, 10), new Float64Array(10).fill(1), { optimizer: gradientDescent({ learningRate: 0.15 }) });
    expect(r.reason).toBe("gradientTolerance");
    expect(r.evaluations).toBe(r.iterations + 1);
    expect(r.gradientEvaluations).toBe(r.iterations + 1);
  });

  it("gradientDescent with a strong Wolfe line search", () => {
    const r = minimize(quadratic(10, 10), new Float64Array(10).fill(1), { optimizer: gradientDescent({ lineSearch: strongWolfe() }) });
    expect(r.reason).toBe("gradientTolerance");
  });

  it("runs a stepper such as adam() or sgd() as fixed-step iterations, resetting it first", () => {
    const f = quadratic(8, 10);
    const x0 = new Float64Array(8).fill(1);
    const opt = adam({ learningRate: 0.05 });
    const a = minimize(f, x0, { optimizer: opt, maxIterations: 20000 });
    expect(a.reason).toBe("gradientTolerance");
    expect(a.optimizer).toBe("adam");
    expect(a.evaluations).toBe(a.iterations + 1);
    const again = minimize(f, x0, { optimizer: opt, maxIterations: 20000 });
    expect(again.iterations).toBe(a.iterations); // fresh moments each run
    expect(again.x).toEqual(a.x);
    const s = minimize(f, x0, { optimizer: sgd({ learningRate: 0.1, momentum: 0.9 }), maxIterations: 20000 });
    expect(s.reason).toBe("gradientTolerance");
    // A stepper on another dimension after the first run: the reset re-sizes it.
    const p = problems.rosenbrock();
    const r = minimize(p, p.x0, { optimizer: opt, maxIterations: 10 });
    expect(r.reason).toBe("maxIterations");
  });

  it("value-only objectives get finite-difference gradients: central by default, forward on request", () => {
    const p = problems.rosenbrock();
    const central = minimize({ value: (x: Float64Array) => p.value(x) }, p.x0);
    expect(central.reason).toBe("gradientTolerance");
    expect(central.x[0]).toBeCloseTo(1, 5);
    // Each gradient costs 2n = 4 values, plus the value at each point.
    expect(central.evaluations).toBeGreaterThanOrEqual(5 * central.gradientEvaluations);
    const forward = minimize((x: Float64Array) => p.value(x), p.x0, { finiteDifference: "forward", gradientTolerance: 1e-5 });
    expect(forward.converged).toBe(true);
    expect(forward.x[0]).toBeCloseTo(1, 3);
  });

  it("accepts every objective shape: valueAndGradient only, value + gradient, a (x, g) function", () => {
    const p = problems.beale();
    const shapes = [
      { valueAndGradient: (x: Float64Array, g: Float64Array) => p.valueAndGradient(x, g) },
      { value: (x: Float64Array) => p.value(x), gradient: (x: Float64Array, g: Float64Array) => p.gradient(x, g) },
      (x: Float64Array, g?: Float64Array) => (g ? p.valueAndGradient(x, g) : p.value(x)),
      p,
    ];
    const results = shapes.map((objective) => minimize(objective, p.x0));
    for (const r of results) {
      expect(r.reason).toBe("gradientTolerance");
      expect(r.x[0]).toBeCloseTo(3, 5);
      expect(r.x[1]).toBeCloseTo(0.5, 5);
    }
  });
});

describe("minimize: projected gradient descent", () => {
  // Minimize (x − 2)² + (y + 3)² over the box [0, 1]²: the answer is (1, 0).
  const f = (x: Float64Array, g?: Float64Array) => {
    if (g) {
      g[0] = 2 * (x[0] - 2);
      g[1] = 2 * (x[1] + 3);
    }
    return (x[0] - 2) ** 2 + (x[1] + 3) ** 2;
  };
  const unitBox = {
    project(x: Float64Array) {
      for (let i = 0; i < x.length; i++) x[i] = Math.min(1, Math.max(0, x[i]));
    },
  };

  for (const [name, optimizer] of [
    ["fixed step", gradientDescent({ learningRate: 0.1 })],
    ["backtracking along the projection arc", gradientDescent()],
    ["adam()", adam({ learningRate: 0.05 })],
  ] as const) {
    it(`${name}: stays feasible and converges to the constrained minimum`, () => {
      const x0 = new Float64Array([5, 5]); // infeasible: projected first
      const r = minimize(f, x0, { optimizer, projection: unitBox, record: true, maxIterations: 5000 });
      expect(r.reason).toBe("gradientTolerance");
      expect(r.x[0]).toBeCloseTo(1, 6);
      expect(r.x[1]).toBeCloseTo(0, 6);
      expect(r.gradientNorm).toBeLessThanOrEqual(1e-6); // projected gradient, while ∇f ≠ 0
      expect(Math.abs(r.gradient[1])).toBeGreaterThan(1);
      expect(Array.from(r.trajectory![0].x)).toEqual([1, 1]);
      for (const point of r.trajectory!) for (const v of point.x) expect(v >= 0 && v <= 1).toBe(true);
      expect(Array.from(x0)).toEqual([5, 5]);
    });
  }

  it("is refused with methods whose curvature model ignores the constraint", () => {
    expectError(() => minimize(f, [0, 0], { projection: unitBox }), "INVALID_OPTION", "projection");
    expectError(() => minimize(f, [0, 0], { optimizer: conjugateGradient(), projection: unitBox }), "INVALID_OPTION", "projection");
    expectError(
      () => minimize(f, [0, 0], { optimizer: gradientDescent({ lineSearch: strongWolfe() }), projection: unitBox }),
      "INVALID_OPTION",
      "projection",
    );
    expectError(() => minimize(f, [0, 0], { optimizer: gradientDescent(), projection: {} as never }), "WRONG_TYPE", "projection");
  });
});

describe("minimize: results, recording and memory", () => {
  it("never modifies x0, whatever the method, objective shape or outcome", () => {
    const p = problems.wood();
    const runs: Array<[string, () => unknown]> = [];
    const x0 = p.x0.slice();
    runs.push(["lbfgs", () => minimize(p, x0)]);
    runs.push(["cg", () => minimize(p, x0, { optimizer: conjugateGradient(), maxIterations: 50 })]);
    runs.push(["gd", () => minimize(p, x0, { optimizer: gradientDescent({ learningRate: 1e-4 }), maxIterations: 50 })]);
    runs.push(["adam", () => minimize(p, x0, { optimizer: adam({ learningRate: 0.01 }), maxIterations: 50 })]);
    runs.push(["fd", () => minimize({ value: (x: Float64Array) => p.value(x) }, x0, { maxIterations: 5 })]);
    runs.push(["budget", () => minimize(p, x0, { maxEvaluations: 3 })]);
    runs.push(["throws", () => expect(() => minimize(() => { throw new Error("x"); }, x0)).toThrow()]);
    for (const [, run] of runs) {
      run();
      expect(x0).toEqual(p.x0);
    }
  });

  it("returns fresh arrays that do not live in the backend's memory", () => {
    const p = problems.rosenbrock();
    const r = minimize(p, p.x0);
    expect(r.x).toBeInstanceOf(Float64Array);
    expect(currentBackend().owns(r.x) && currentBackend().name !== "ts").toBe(false);
    const again = minimize(p, p.x0);
    r.x[0] = 42;
    expect(again.x[0]).toBeCloseTo(1, 6);
  });

  it("records the trajectory: x0 first, then every iterate, values decreasing for L-BFGS", () => {
    const p = problems.rosenbrock();
    const r = minimize(p, p.x0, { record: true });
    const t = r.trajectory!;
    expect(t.length).toBe(r.iterations + 1);
    expect(t[0]).toEqual({ iteration: 0, x: p.x0, value: p.value(p.x0) });
    expect(t[t.length - 1].x).toEqual(r.x);
    for (let k = 1; k < t.length; k++) {
      expect(t[k].iteration).toBe(k);
      expect(t[k].value).toBeLessThan(t[k - 1].value);
      expect(t[k].value).toBe(p.value(t[k].x));
    }
    expect(minimize(p, p.x0).trajectory).toBeUndefined();
  });

  it("gives the same result on a backend passed as an option", async () => {
    const p = problems.wood();
    const ts = minimize(p, p.x0, { backend: await loadBackend("ts") });
    const current = minimize(p, p.x0);
    expect(ts.iterations).toBe(current.iterations);
    expect(ts.value).toBeLessThan(1e-12);
    for (let i = 0; i < 4; i++) expect(ts.x[i]).toBeCloseTo(current.x[i], 10);
  });

  it("survives an objective that grows WebAssembly memory while it runs", () => {
    const p = problems.rosenbrock();
    let scratch: Float64Array | undefined;
    const f = (x: Float64Array, g?: Float64Array) => {
      scratch ??= vector(4_000_000); // 32 MB: grows the memory minimize's vectors live in
      scratch[0] = x[0];
      if (g) p.gradient(x, g);
      return p.value(x);
    };
    const r = minimize(f, p.x0);
    free(scratch!);
    expect(r.reason).toBe("gradientTolerance");
    expect(r.x[0]).toBeCloseTo(1, 6);
  });

  it("accepts x0 as a plain array or a Float32Array", () => {
    const p = problems.rosenbrock();
    expect(minimize(p, [-1.2, 1]).x[0]).toBeCloseTo(1, 6);
    expect(minimize(p, new Float32Array([-1.2, 1])).x[0]).toBeCloseTo(1, 6);
  });
});

describe("minimize: errors are typed and name the argument", () => {
  const p = problems.rosenbrock();

  it("rejects bad x0", () => {
    expectError(() => minimize(p, "x" as never), "WRONG_TYPE", "x0");
    expectError(() => minimize(p, [1, "2"] as never), "WRONG_TYPE", "x0");
    expectError(() => minimize(p, []), "LENGTH_MISMATCH", "x0");
    expectError(() => minimize(p, [1, NaN]), "INVALID_OPTION", "x0");
    expectError(() => minimize(p, [1, 2, 3]), "LENGTH_MISMATCH", "x0"); // p.dim is 2
  });

  it("rejects bad objectives", () => {
    expectError(() => minimize(42 as never, [1]), "WRONG_TYPE", "objective");
    expectError(() => minimize({ gradient() {} } as never, [1]), "WRONG_TYPE", "objective");
    expectError(() => minimize({ value: 3 } as never, [1]), "WRONG_TYPE", "objective");
    const error = expectError(() => minimize((() => undefined) as never, [1]), "WRONG_TYPE", "objective");
    expect(error.message).toContain("return");
  });

  it("rethrows an objective's error as OBJECTIVE_FAILED, with the cause and where it happened", () => {
    const original = new TypeError("model weights missing");
    let calls = 0;
    const f = (x: Float64Array, g?: Float64Array) => {
      if (++calls === 7) throw original;
      if (g) p.gradient(x, g);
      return p.value(x);
    };
    const error = expectError(() => minimize(f, p.x0), "OBJECTIVE_FAILED", "objective");
    expect(error.cause).toBe(original);
    expect(error.message).toContain("model weights missing");
    expect(error.message).toContain("evaluation 7");
    expect(error.message).toMatch(/iteration \d+/);
  });

  it("rejects unknown and invalid options", () => {
    expect(expectError(() => minimize(p, p.x0, { maxIteration: 5 } as never), "UNKNOWN_OPTION", "maxIteration").message).toContain(
      "maxIterations",
    );
    expectError(() => minimize(p, p.x0, { tolerance: 1e-3 } as never), "UNKNOWN_OPTION", "tolerance");
    expectError(() => minimize(p, p.x0, { maxIterations: -1 }), "INVALID_OPTION", "maxIterations");
    expectError(() => minimize(p, p.x0, { maxIterations: 1.5 }), "INVALID_OPTION", "maxIterations");
    expectError(() => minimize(p, p.x0, { maxEvaluations: 0 }), "INVALID_OPTION", "maxEvaluations");
    expectError(() => minimize(p, p.x0, { gradientTolerance: -1e-6 }), "INVALID_OPTION", "gradientTolerance");
    expectError(() => minimize(p, p.x0, { valueTolerance: NaN }), "INVALID_OPTION", "valueTolerance");
    expectError(() => minimize(p, p.x0, { stepTolerance: "1e-8" as never }), "INVALID_OPTION", "stepTolerance");
    expectError(() => minimize(p, p.x0, { timeLimit: 0 }), "INVALID_OPTION", "timeLimit");
    expectError(() => minimize(p, p.x0, { signal: {} as never }), "WRONG_TYPE", "signal");
    expectError(() => minimize(p, p.x0, { onIteration: true as never }), "WRONG_TYPE", "onIteration");
    expectError(() => minimize(p, p.x0, { record: 1 as never }), "INVALID_OPTION", "record");
    expectError(() => minimize(p, p.x0, { optimizer: "lbfgs" as never }), "WRONG_TYPE", "optimizer");
    expectError(() => minimize(p, p.x0, { backend: "ts" as never }), "WRONG_TYPE", "backend");
    expectError(() => minimize(p, p.x0, { finiteDifference: "backward" as never }), "INVALID_OPTION", "finiteDifference");
    expectError(() => minimize(p, p.x0, 5 as never), "WRONG_TYPE", "options");
  });

  it("refuses finiteDifference for an objective that has its own gradient", () => {
    expectError(() => minimize(p, p.x0, { finiteDifference: "forward" }), "INVALID_OPTION", "finiteDifference");
  });

  it("rejects bad method options", () => {
    expectError(() => gradientDescent({ learningRate: 0 }), "INVALID_OPTION", "learningRate");
    expectError(() => gradientDescent({ learningRate: 0.1, lineSearch: backtracking() }), "INVALID_OPTION", "lineSearch");
    expectError(() => gradientDescent({ lr: 0.1 } as never), "UNKNOWN_OPTION", "lr");
    expectError(() => conjugateGradient({ restartInterval: 0 }), "INVALID_OPTION", "restartInterval");
    expectError(() => conjugateGradient({ lineSearch: {} as never }), "WRONG_TYPE", "lineSearch");
  });
});

describe("the TSDoc examples run", () => {
  const line = {
    value: (a: number) => (a - 2) ** 2,
    evaluate(a: number, p: { step: number; value: number; derivative: number }) {
      p.step = a;
      p.value = (a - 2) ** 2;
      p.derivative = 2 * (a - 2);
    },
  };

  it("minimize", () => {
    const p = problems.rosenbrock();
    const r = minimize(p, p.x0);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.reason).toBe("gradientTolerance");
    const bowl = (x: Float64Array, g?: Float64Array) => {
      if (g) {
        g[0] = 2 * x[0];
        g[1] = 20 * x[1];
      }
      return x[0] ** 2 + 10 * x[1] ** 2;
    };
    const cg = minimize(bowl, [3, -2], { optimizer: conjugateGradient() });
    expect(Math.abs(cg.x[0]) + Math.abs(cg.x[1])).toBeLessThan(1e-6);
    expect(minimize(bowl, [3, -2], { optimizer: adam({ learningRate: 0.1 }), maxIterations: 2000 }).value).toBeLessThan(1e-6);
    const fd = minimize((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]);
    expect(fd.x[0]).toBeCloseTo(1, 6);
    expect(fd.x[1]).toBeCloseTo(-2, 6);
  });

  it("lbfgs, conjugateGradient, gradientDescent", () => {
    const p = problems.rosenbrock();
    expect(minimize(p, p.x0, { optimizer: lbfgs({ historySize: 5 }) }).reason).toBe("gradientTolerance");
    expect(minimize(p, p.x0, { optimizer: conjugateGradient(), maxIterations: 5000 }).x[0]).toBeCloseTo(1, 5);
    const bowl = {
      value: (x: Float64Array) => x[0] ** 2 + 10 * x[1] ** 2,
      gradient: (x: Float64Array, g: Float64Array) => {
        g[0] = 2 * x[0];
        g[1] = 20 * x[1];
      },
    };
    expect(minimize(bowl, [1, 1], { optimizer: gradientDescent({ learningRate: 0.05 }) }).x[0]).toBeCloseTo(0, 6);
    expect(minimize(bowl, [1, 1], { optimizer: gradientDescent() }).reason).toBe("gradientTolerance");
  });

  it("strongWolfe, backtracking and the LineSearch interface", () => {
    const r = strongWolfe({ curvature: 0.1 }).search(line, { value: 4, derivative: -4 }, 1);
    expect(r.status).toBe("strongWolfe");
    expect(Math.abs(2 * (r.step - 2))).toBeLessThanOrEqual(0.4);
    expect(r.step).toBeCloseTo(2, 10);
    expect(backtracking({ shrink: 0.5 }).search({ value: line.value, evaluate() {} }, { value: 4, derivative: -4 }, 8).step).toBe(2);
  });
});
