import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const M = 10;

/**
 * Box three-dimensional (m = 10) — Moré, Garbow & Hillstrom (1981) problem 12.
 *
 * ```
 * f(x) = Σ_{i=1..10} fᵢ²,   tᵢ = 0.1·i
 * fᵢ = exp(−tᵢ·x1) − exp(−tᵢ·x2) − x3·(exp(−tᵢ) − exp(−10·tᵢ))
 * ```
 * - Dimension: n = 3 (m = 10 residuals; MGH allow any m ≥ 3).
 * - Start: x0 = (0, 10, 20), f(x0) ≈ 1031.15.
 * - Minimum: f* = 0 at (1, 10, 1), at (10, 1, −1), and on the line (a, a, 0).
 * - Source: MGH #12.
 *
 * Uses the host's `Math.exp`, so values may differ in the last bits between JavaScript engines.
 *
 * @example
 * ```ts
 * const p = box3d();
 * p.value(p.x0); // ≈ 1031.15
 * ```
 */
export function box3d(): TestProblem {
  const t = new Float64Array(M);
  const c = new Float64Array(M);
  for (let k = 0; k < M; k++) {
    t[k] = 0.1 * (k + 1);
    c[k] = Math.exp(-t[k]) - Math.exp(-10 * t[k]);
  }
  const e1 = new Float64Array(M);
  const e2 = new Float64Array(M);
  return defineLeastSquares({
    id: "box3d",
    name: "Box three-dimensional (m=10)",
    dim: 3,
    m: M,
    x0: [0, 10, 20],
    minimumValue: 0,
    minimizers: [
      [1, 10, 1],
      [10, 1, -1],
    ],
    references: [
      "More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #12",
      "jlmelville/funconstrain R/12_box_3d.R (default m=20 there)",
    ],
    residuals(x, r) {
      for (let k = 0; k < M; k++) {
        e1[k] = Math.exp(-t[k] * x[0]);
        e2[k] = Math.exp(-t[k] * x[1]);
        r[k] = e1[k] - e2[k] - x[2] * c[k];
      }
    },
    jacobianTransposeTimes(_x, r, out) {
      let g0 = 0;
      let g1 = 0;
      let g2 = 0;
      for (let k = 0; k < M; k++) {
        g0 -= t[k] * e1[k] * r[k];
        g1 += t[k] * e2[k] * r[k];
        g2 -= c[k] * r[k];
      }
      out[0] = g0;
      out[1] = g1;
      out[2] = g2;
    },
  });
}
