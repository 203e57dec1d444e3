import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const TWO_PI = 2 * Math.PI;

/**
 * Helical valley — Moré, Garbow & Hillstrom (1981) problem 7.
 *
 * ```
 * f(x) = f1² + f2² + f3²
 * f1 = 10·(x3 − 10·θ(x1, x2)),   f2 = 10·(√(x1² + x2²) − 1),   f3 = x3
 * θ = atan(x2/x1)/(2π)          if x1 > 0
 * θ = atan(x2/x1)/(2π) + 0.5    if x1 < 0
 * ```
 * θ is undefined on x1 = 0 (the MGH definition uses atan(x2/x1), not atan2); the value
 * there follows JavaScript's `Math.atan(±Infinity)` and is NaN at x1 = x2 = 0.
 * - Dimension: n = 3 (m = 3 residuals).
 * - Start: x0 = (−1, 0, 0), f(x0) = 2500.
 * - Minimum: f* = 0 at x* = (1, 0, 0).
 * - Source: MGH #7.
 *
 * Uses the host's `Math.atan`, so values may differ in the last bits between JavaScript engines.
 *
 * @example
 * ```ts
 * const p = helicalValley();
 * p.value(p.x0); // 2500
 * ```
 */
export function helicalValley(): TestProblem {
  let rho = 0;
  let rho2 = 0;
  return defineLeastSquares({
    id: "helicalValley",
    name: "Helical valley",
    dim: 3,
    m: 3,
    x0: [-1, 0, 0],
    minimumValue: 0,
    minimizers: [[1, 0, 0]],
    references: [
      "More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #7",
      "jlmelville/funconstrain R/07_helical.R",
    ],
    residuals(x, r) {
      const theta = Math.atan(x[1] / x[0]) / TWO_PI + (x[0] < 0 ? 0.5 : 0);
      rho2 = x[0] * x[0] + x[1] * x[1];
      rho = Math.sqrt(rho2);
      r[0] = 10 * (x[2] - 10 * theta);
      r[1] = 10 * (rho - 1);
      r[2] = x[2];
    },
    jacobianTransposeTimes(x, r, out) {
      // ∂θ/∂x1 = −x2/(2π·ρ²),  ∂θ/∂x2 = x1/(2π·ρ²)
      const c = (100 / TWO_PI / rho2) * r[0];
      out[0] = c * x[1] + (10 * x[0] / rho) * r[1];
      out[1] = -c * x[0] + (10 * x[1] / rho) * r[1];
      out[2] = 10 * r[0] + r[2];
    },
  });
}
