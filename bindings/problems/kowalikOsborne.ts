import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const Y = [0.1957, 0.1947, 0.1735, 0.16, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246];
const U = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625];
const M = 11;

/**
 * Kowalik and Osborne — Moré, Garbow & Hillstrom (1981) problem 15.
 *
 * ```
 * f(x) = Σ_{i=1..11} fᵢ²,   fᵢ = yᵢ − x1·(uᵢ² + uᵢ·x2)/(uᵢ² + uᵢ·x3 + x4)
 * y = (0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246)
 * u = (4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625)
 * ```
 * - Dimension: n = 4 (m = 11 residuals).
 * - Start: x0 = (0.25, 0.39, 0.415, 0.39), f(x0) ≈ 5.31317·10⁻³.
 * - Minimum: f* = 3.07505·10⁻⁴ (MGH) at x* ≈ (0.192807, 0.191282, 0.123057, 0.136062)
 *   (computed). MGH also report f = 1.02734·10⁻³ at (+∞, −14.07…, −∞, −∞).
 * - Source: MGH #15.
 *
 * @example
 * ```ts
 * const p = kowalikOsborne();
 * p.value(p.x0); // ≈ 5.31317e-3
 * ```
 */
export function kowalikOsborne(): TestProblem {
  const num = new Float64Array(M);
  const den = new Float64Array(M);
  return defineLeastSquares({
    id: "kowalikOsborne",
    name: "Kowalik and Osborne",
    dim: 4,
    m: M,
    x0: [0.25, 0.39, 0.415, 0.39],
    minimumValue: 0.000307505,
    minimizers: [[0.1928069343070653, 0.1912823355378105, 0.12305650705137462, 0.1360623340540521]],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #15", "jlmelville/funconstrain R/15_kow_osb.R"],
    residuals(x, r) {
      for (let i = 0; i < M; i++) {
        const u = U[i];
        num[i] = u * u + u * x[1];
        den[i] = u * u + u * x[2] + x[3];
        r[i] = Y[i] - (x[0] * num[i]) / den[i];
      }
    },
    jacobianTransposeTimes(x, r, out) {
      let g0 = 0;
      let g1 = 0;
      let g2 = 0;
      let g3 = 0;
      for (let i = 0; i < M; i++) {
        const u = U[i];
        const q = r[i] / den[i];
        const s = (x[0] * num[i] * q) / den[i]; // x1·N/D²·r
        g0 -= num[i] * q;
        g1 -= x[0] * u * q;
        g2 += u * s;
        g3 += s;
      }
      out[0] = g0;
      out[1] = g1;
      out[2] = g2;
      out[3] = g3;
    },
  });
}
