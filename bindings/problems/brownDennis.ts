import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const M = 20;

/**
 * Brown and Dennis (m = 20) — Moré, Garbow & Hillstrom (1981) problem 16.
 *
 * ```
 * f(x) = Σ_{i=1..20} fᵢ²,   fᵢ = (x1 + tᵢ·x2 − exp(tᵢ))² + (x3 + x4·sin(tᵢ) − cos(tᵢ))²,   tᵢ = i/5
 * ```
 * - Dimension: n = 4 (m = 20 residuals).
 * - Start: x0 = (25, 5, −5, −1) as in MGH (jlmelville/funconstrain uses (25, 5, −5, 1)),
 *   f(x0) ≈ 7.92669·10⁶.
 * - Minimum: f* = 85822.2 (MGH) at x* ≈ (−11.5944, 13.2036, −0.403439, 0.236779) (computed).
 * - Source: MGH #16.
 *
 * Uses the host's `Math.exp`, `Math.sin` and `Math.cos` (for the constants tᵢ only), so
 * values may differ in the last bits between JavaScript engines.
 *
 * @example
 * ```ts
 * const p = brownDennis();
 * p.value(p.x0); // ≈ 7926693.34
 * ```
 */
export function brownDennis(): TestProblem {
  const t = new Float64Array(M);
  const et = new Float64Array(M);
  const st = new Float64Array(M);
  const ct = new Float64Array(M);
  for (let k = 0; k < M; k++) {
    t[k] = (k + 1) / 5;
    et[k] = Math.exp(t[k]);
    st[k] = Math.sin(t[k]);
    ct[k] = Math.cos(t[k]);
  }
  const a = new Float64Array(M);
  const b = new Float64Array(M);
  return defineLeastSquares({
    id: "brownDennis",
    name: "Brown and Dennis (m=20)",
    dim: 4,
    m: M,
    x0: [25, 5, -5, -1],
    minimumValue: 85822.2,
    minimizers: [[-11.594440010185242, 13.203630091314874, -0.40343946974754485, 0.23677882966422573]],
    references: [
      "More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #16",
      "jlmelville/funconstrain R/16_brown_den.R",
    ],
    residuals(x, r) {
      for (let k = 0; k < M; k++) {
        a[k] = x[0] + t[k] * x[1] - et[k];
        b[k] = x[2] + x[3] * st[k] - ct[k];
        r[k] = a[k] * a[k] + b[k] * b[k];
      }
    },
    jacobianTransposeTimes(_x, r, out) {
      let g0 = 0;
      let g1 = 0;
      let g2 = 0;
      let g3 = 0;
      for (let k = 0; k < M; k++) {
        const ca = 2 * a[k] * r[k];
        const cb = 2 * b[k] * r[k];
        g0 += ca;
        g1 += t[k] * ca;
        g2 += cb;
        g3 += st[k] * cb;
      }
      out[0] = g0;
      out[1] = g1;
      out[2] = g2;
      out[3] = g3;
    },
  });
}
