import { beforeAll, describe, expect, it } from "vitest";
import {
  adam, clipByGlobalNorm, cosineSchedule, gradientCheck, init, lbfgsbMinimize, minimize, problems, sgd, simplex, vector,
} from "../bindings/index";

// The examples of README.md and of the optimizers' TSDoc, run as written.
beforeAll(async () => {
  await init();
});

describe("README examples", () => {
  it("Use: adam drives x² + 10y² to its minimum; vectors update in place", () => {
    const opt = adam({ learningRate: 1e-3 });
    const params = new Float64Array([1.5, -0.5]);
    const grads = new Float64Array(2);
    for (let t = 0; t < 1000; t++) {
      grads[0] = 2 * params[0];
      grads[1] = 20 * params[1];
      opt.step(params, grads);
    }
    // Adam moves each coordinate by at most about η per step, so 1000 steps of 1e-3
    // go at most about 1 toward the minimum at 0.
    expect(params[0]).toBeLessThan(0.7);
    expect(params[0]).toBeGreaterThan(0.4);
    expect(Math.abs(params[1])).toBeLessThan(0.05);

    const x = vector(1_000_000, "float32");
    const g = vector(1_000_000, "float32");
    g.fill(1);
    const momentum = sgd({ learningRate: 0.01, momentum: 0.9, nesterov: true });
    momentum.step(x, g);
    expect(x[0]).toBeCloseTo(-0.01 * (1 + 0.9), 6); // Nesterov: g + μ·b with b = g on step 1
  });

  it("Projections, schedules, clipping: projected Adam stays on the simplex and finds the best mix", () => {
    // Maximize expected return minus risk over portfolio weights: minimize wᵀΣw − μᵀw.
    const mu = [0.1, 0.2, 0.15];
    const sigma = [[0.1, 0.02, 0.01], [0.02, 0.3, 0.05], [0.01, 0.05, 0.2]];
    const gradientOf = (w: Float64Array) =>
      Float64Array.from(w, (_, i) => 2 * sigma[i].reduce((s, v, j) => s + v * w[j], 0) - mu[i]);
    const weights = new Float64Array([0.2, 0.3, 0.5]);
    const onSimplex = simplex();
    const schedule = cosineSchedule({ learningRate: 0.1, totalSteps: 1000, warmupSteps: 50, minLearningRate: 1e-4 });
    const opt = adam();
    for (let t = 0; t < 1000; t++) {
      const grads = gradientOf(weights);
      clipByGlobalNorm(grads, { maxNorm: 1 });
      opt.learningRate = schedule.learningRate(t);
      opt.step(weights, grads);
      onSimplex.project(weights);
      expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      expect(weights.every((w) => w >= 0)).toBe(true);
    }
    // Brute force over a 0.001 grid of the simplex.
    const objective = (w: number[]) =>
      w.reduce((s, wi, i) => s + wi * sigma[i].reduce((t, v, j) => t + v * w[j], 0), 0) - w.reduce((s, wi, i) => s + wi * mu[i], 0);
    let best = Infinity, bestW = [0, 0, 0];
    for (let a = 0; a <= 1000; a++) {
      for (let b = 0; a + b <= 1000; b++) {
        const w = [a / 1000, b / 1000, (1000 - a - b) / 1000];
        const f = objective(w);
        if (f < best) [best, bestW] = [f, w];
      }
    }
    // Projected Adam ends within 1e-4 of the grid optimum (it is not a high-precision solver).
    expect(objective(Array.from(weights))).toBeLessThanOrEqual(best + 1e-4);
    weights.forEach((w, i) => expect(Math.abs(w - bestW[i])).toBeLessThan(0.02));
  });

  it("Test problems: extended Rosenbrock at its standard start", () => {
    const p = problems.extendedRosenbrock(100);
    const g = new Float64Array(p.dim);
    const f = p.valueAndGradient(p.x0, g);
    expect(f).toBeCloseTo(1210, 10); // 50 blocks of 24.2
    expect(p.minimumValue).toBe(0);
    expect(g[0]).toBeCloseTo(-215.6, 10); // −400·x1·(x2 − x1²) − 2(1 − x1) at (−1.2, 1)
  });

  it("L-BFGS-B: bounded Rosenbrock holds x₁ at its upper bound", () => {
    const p = problems.rosenbrock();
    const result = lbfgsbMinimize((x, g) => p.valueAndGradient(x, g), p.x0, {
      lower: new Float64Array([-2, -2]),
      upper: new Float64Array([0.8, 2]),
    });
    expect(result.x[0]).toBe(0.8);
    expect(result.x[1]).toBeCloseTo(0.64, 6);
    expect(result.reason).toBe("projectedGradientTolerance");
  });

  it("Minimize: L-BFGS, finite differences, bounds, gradient check", () => {
    const p = problems.rosenbrock();
    const r = minimize(p, p.x0);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.reason).toBe("gradientTolerance");
    const fd = minimize((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]).x;
    expect(fd[0]).toBeCloseTo(1, 6);
    expect(fd[1]).toBeCloseTo(-2, 6);
    const bounded = minimize(p, p.x0, { bounds: { lower: [-2, -2], upper: [0.8, 2] } }).x;
    expect(bounded[0]).toBe(0.8);
    expect(bounded[1]).toBeCloseTo(0.64, 6);
    expect(gradientCheck(p, p.x0).ok).toBe(true);
  });
});
