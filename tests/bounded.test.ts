import { beforeAll, describe, expect, it } from "vitest";
import { gradientDescent, init, lbfgs, lbfgsb, minimize, problems, simplex, type MinimizeResult } from "../bindings/index";

beforeAll(async () => {
  await init();
});

/** First-order conditions for lower ≤ x ≤ upper, checked coordinate by coordinate. */
function expectKkt(r: MinimizeResult, lower: number[], upper: number[], tolerance = 1e-6): void {
  r.x.forEach((xi, i) => {
    const g = r.gradient[i];
    if (xi <= lower[i]) expect(g, `coordinate ${i} at its lower bound`).toBeGreaterThanOrEqual(-tolerance);
    else if (xi >= upper[i]) expect(g, `coordinate ${i} at its upper bound`).toBeLessThanOrEqual(tolerance);
    else expect(Math.abs(g), `free coordinate ${i}`).toBeLessThanOrEqual(tolerance);
  });
}

function expectInside(r: MinimizeResult, lower: number[], upper: number[]): void {
  expect(r.trajectory!.length).toBe(r.iterations + 1);
  for (const point of r.trajectory!) {
    point.x.forEach((xi, i) => {
      expect(xi).toBeGreaterThanOrEqual(lower[i]);
      expect(xi).toBeLessThanOrEqual(upper[i]);
    });
  }
}

describe("minimize with bounds (L-BFGS-B)", () => {
  const cases = [
    { name: "Rosenbrock, x₁ ≤ 0.8", p: problems.rosenbrock(), lower: [-2, -2], upper: [0.8, 2] },
    { name: "Beale in [−4.5, 2.5] × [−4.5, 0.4]", p: problems.beale(), lower: [-4.5, -4.5], upper: [2.5, 0.4] },
    { name: "shifted sphere outside the box", p: problems.sphere(5), lower: [0.5, -1, 0.2, -3, 1], upper: [2, 1, 3, -1, 4] },
    {
      name: "extended Rosenbrock n = 20, odd variables ≥ 1.1",
      p: problems.extendedRosenbrock(20),
      lower: Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1.1 : -Infinity)),
      upper: Array.from({ length: 20 }, () => Infinity),
    },
    { name: "Himmelblau in [−1, 1]²", p: problems.himmelblau(), lower: [-1, -1], upper: [1, 1] },
  ];
  for (const { name, p, lower, upper } of cases) {
    it(`${name}: meets the first-order conditions, every iterate inside the box`, () => {
      const x0 = Float64Array.from(p.x0, (v, i) => Math.min(Math.max(v, lower[i]), upper[i]));
      const r = minimize(p, x0, { bounds: { lower, upper }, record: true });
      expect(r.optimizer).toBe("lbfgsb");
      expect(r.converged).toBe(true);
      expect(r.gradientNorm).toBeLessThanOrEqual(1e-6);
      expectKkt(r, lower, upper);
      expectInside(r, lower, upper);
      expect(r.value).toBe(p.value(r.x));
    });
  }

  it("bounded Rosenbrock ends at the corner solution (0.8, 0.64)", () => {
    const r = minimize(problems.rosenbrock(), [-1.2, 1], { optimizer: lbfgsb({ upper: [0.8, 2] }) });
    expect(r.x[0]).toBe(0.8);
    expect(r.x[1]).toBeCloseTo(0.64, 7);
    expect(r.value).toBeCloseTo(0.04, 12);
  });

  it("with gradientDescent, bounds become projected gradient descent", () => {
    const r = minimize(problems.sphere(3), [3, 3, 3], {
      bounds: { lower: 1, upper: 5 },
      optimizer: gradientDescent({ learningRate: 0.25 }),
      record: true,
    });
    expect(Array.from(r.x)).toEqual([1, 1, 1]);
    expectInside(r, [1, 1, 1], [5, 5, 5]);
  });

  it("stops for stepTolerance, the observer, the time limit and the signal", () => {
    const p = problems.extendedRosenbrock(10);
    const bounds = { lower: -5, upper: 5 };
    expect(minimize(p, p.x0, { bounds, stepTolerance: 1e-3 }).reason).toBe("stepTolerance");
    const observed = minimize(p, p.x0, { bounds, onIteration: (info) => info.iteration === 3 });
    expect([observed.reason, observed.iterations]).toEqual(["stoppedByObserver", 3]);
    const controller = new AbortController();
    controller.abort();
    expect(minimize(p, p.x0, { bounds, signal: controller.signal }).reason).toBe("aborted");
    const slow = minimize(p, p.x0, {
      bounds,
      timeLimit: 5,
      onIteration: () => {
        const until = performance.now() + 10;
        while (performance.now() < until);
      },
    });
    expect(slow.reason).toBe("timeLimit");
    expect(minimize(p, p.x0, { bounds, maxIterations: 2 }).reason).toBe("maxIterations");
  });

  it("rejects bad bounds and conflicting options with typed errors, x0 untouched", () => {
    const x0 = new Float64Array([-1.2, 1]);
    const p = problems.rosenbrock();
    expect(() => minimize(p, x0, { bounds: { lower: [0, 0], upper: [1, -1] } })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => minimize(p, x0, { bounds: { lower: 0, up: 1 } as never })).toThrow(expect.objectContaining({ code: "UNKNOWN_OPTION" }));
    expect(() => minimize(p, x0, { bounds: { lower: 0 }, optimizer: lbfgs() })).toThrow(expect.objectContaining({ argument: "bounds" }));
    expect(() => minimize(p, x0, { bounds: { lower: 0 }, projection: simplex() })).toThrow(expect.objectContaining({ argument: "bounds" }));
    expect(() => minimize(p, x0, { bounds: { lower: 0 }, optimizer: lbfgsb({ upper: 1 }) })).toThrow(expect.objectContaining({ argument: "bounds" }));
    expect(() => lbfgsb({ historySize: 0 })).toThrow(expect.objectContaining({ argument: "historySize" }));
    expect(Array.from(x0)).toEqual([-1.2, 1]);
  });
});

describe("projected gradient descent on the probability simplex", () => {
  // Three assets: expected returns, covariance, risk-free rate. Maximize the Sharpe
  // ratio S(w) = (μᵀw − r)/√(wᵀΣw) over long-only weights that sum to 1.
  const mu = [0.08, 0.12, 0.1];
  const sigma = [[0.04, 0.006, 0.01], [0.006, 0.09, 0.012], [0.01, 0.012, 0.0625]];
  const riskFree = 0.02;
  const sharpe = (w: ArrayLike<number>) => {
    let ret = -riskFree, variance = 0;
    for (let i = 0; i < 3; i++) {
      ret += mu[i] * w[i];
      for (let j = 0; j < 3; j++) variance += w[i] * sigma[i][j] * w[j];
    }
    return ret / Math.sqrt(variance);
  };
  /** −S(w) and its gradient −(μ/σ − (μᵀw − r)·Σw/σ³). */
  const negativeSharpe = (w: Float64Array, g?: Float64Array) => {
    let ret = -riskFree, variance = 0;
    const sw = [0, 0, 0];
    for (let i = 0; i < 3; i++) {
      ret += mu[i] * w[i];
      for (let j = 0; j < 3; j++) sw[i] += sigma[i][j] * w[j];
      variance += w[i] * sw[i];
    }
    const s = Math.sqrt(variance);
    if (g) for (let i = 0; i < 3; i++) g[i] = -(mu[i] / s - (ret * sw[i]) / (s * s * s));
    return -ret / s;
  };

  it("every iterate sums to 1 within 1e-12 with no negative weight, and the result matches a grid search", () => {
    const r = minimize(negativeSharpe, [1, 0, 0], {
      optimizer: gradientDescent(),
      projection: simplex(),
      record: true,
      maxIterations: 5000,
      gradientTolerance: 1e-9,
    });
    for (const point of r.trajectory!) {
      expect(Math.abs(point.x[0] + point.x[1] + point.x[2] - 1)).toBeLessThanOrEqual(1e-12);
      expect(Math.min(...point.x)).toBeGreaterThanOrEqual(0);
    }
    let best = -Infinity, bestW = [0, 0, 0];
    const steps = 1000;
    for (let a = 0; a <= steps; a++) {
      for (let b = 0; a + b <= steps; b++) {
        const w = [a / steps, b / steps, (steps - a - b) / steps];
        const s = sharpe(w);
        if (s > best) [best, bestW] = [s, w];
      }
    }
    expect(sharpe(r.x)).toBeGreaterThanOrEqual(best - 1e-9);
    r.x.forEach((w, i) => expect(Math.abs(w - bestW[i])).toBeLessThanOrEqual(1.5 / steps));
  });
});
