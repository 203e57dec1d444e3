import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const Y = [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872];
const M = 16;

/**
 * Meyer — Moré, Garbow & Hillstrom (1981) problem 10.
 *
 * ```
 * f(x) = Σ_{i=1..16} fᵢ²,   fᵢ = x1·exp(x2/(tᵢ + x3)) − yᵢ,   tᵢ = 45 + 5i
 * y = (34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872)
 * ```
 * Very badly scaled; most first-order methods fail from x0.
 * - Dimension: n = 3 (m = 16 residuals).
 * - Start: x0 = (0.02, 4000, 250), f(x0) ≈ 1.69361·10⁹.
 * - Minimum: f* = 87.9458 (MGH) at x* ≈ (0.0056096, 6181.35, 345.224) (computed).
 * - Source: MGH #10.
 *
 * Uses the host's `Math.exp`, so values may differ in the last bits between JavaScript engines.
 *
 * @example
 * ```ts
 * const p = meyer();
 * p.value(p.x0); // ≈ 1.6936e9
 * ```
 */
export function meyer(): TestProblem {
  const e = new Float64Array(M);
  const d = new Float64Array(M);
  return defineLeastSquares({
    id: "meyer",
    name: "Meyer",
    dim: 3,
    m: M,
    x0: [0.02, 4000, 250],
    minimumValue: 87.9458,
    minimizers: [[0.005609636534916868, 6181.346338065977, 345.2236343881987]],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #10", "jlmelville/funconstrain R/10_meyer.R"],
    residuals(x, r) {
      for (let k = 0; k < M; k++) {
        d[k] = 50 + 5 * k + x[2]; // tᵢ + x3 with tᵢ = 45 + 5i, i = k + 1
        e[k] = Math.exp(x[1] / d[k]);
        r[k] = x[0] * e[k] - Y[k];
      }
    },
    jacobianTransposeTimes(x, r, out) {
      let g0 = 0;
      let g1 = 0;
      let g2 = 0;
      for (let k = 0; k < M; k++) {
        const c = e[k] * r[k];
        const q = (x[0] * c) / d[k];
        g0 += c;
        g1 += q;
        g2 -= (q * x[1]) / d[k];
      }
      out[0] = g0;
      out[1] = g1;
      out[2] = g2;
    },
  });
}
