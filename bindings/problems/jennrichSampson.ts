import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const M = 10;

/**
 * Jennrich and Sampson (m = 10) — Moré, Garbow & Hillstrom (1981) problem 6.
 *
 * ```
 * f(x) = Σ_{i=1..10} fᵢ²,   fᵢ = 2 + 2i − (exp(i·x1) + exp(i·x2))
 * ```
 * - Dimension: n = 2 (m = 10 residuals).
 * - Start: x0 = (0.3, 0.4), f(x0) ≈ 4171.31.
 * - Minimum: f* = 124.362 at x1 = x2 ≈ 0.2578 (MGH); a polished minimiser is included.
 * - Source: MGH #6.
 *
 * Uses the host's `Math.exp`, so values may differ in the last bits between JavaScript engines.
 *
 * @example
 * ```ts
 * const p = jennrichSampson();
 * p.value(p.x0); // ≈ 4171.306
 * ```
 */
export function jennrichSampson(): TestProblem {
  const e1 = new Float64Array(M);
  const e2 = new Float64Array(M);
  return defineLeastSquares({
    id: "jennrichSampson",
    name: "Jennrich and Sampson (m=10)",
    dim: 2,
    m: M,
    x0: [0.3, 0.4],
    minimumValue: 124.362,
    minimizers: [[0.25782521402697706, 0.25782521334352826]],
    references: [
      "More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #6 (f=124.362 at x1=x2=0.2578)",
      "jlmelville/funconstrain R/06_jenn_samp.R",
    ],
    residuals(x, r) {
      for (let k = 0; k < M; k++) {
        const i = k + 1;
        e1[k] = Math.exp(i * x[0]);
        e2[k] = Math.exp(i * x[1]);
        r[k] = 2 + 2 * i - (e1[k] + e2[k]);
      }
    },
    jacobianTransposeTimes(_x, r, out) {
      let g0 = 0;
      let g1 = 0;
      for (let k = 0; k < M; k++) {
        const i = k + 1;
        g0 -= i * e1[k] * r[k];
        g1 -= i * e2[k] * r[k];
      }
      out[0] = g0;
      out[1] = g1;
    },
  });
}
