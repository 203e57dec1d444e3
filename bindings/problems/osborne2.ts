import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const Y = [
  1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746, 0.679, 0.608, 0.655, 0.616, 0.606,
  0.602, 0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644, 0.624, 0.661, 0.612, 0.558, 0.533, 0.495, 0.5, 0.423,
  0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428, 0.429, 0.523, 0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668,
  0.645, 0.632, 0.591, 0.559, 0.597, 0.625, 0.739, 0.71, 0.729, 0.72, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098,
  0.054,
];
const M = 65;

/**
 * Osborne 2 — Moré, Garbow & Hillstrom (1981) problem 19.
 *
 * ```
 * f(x) = Σ_{i=1..65} fᵢ²,   tᵢ = (i − 1)/10
 * fᵢ = yᵢ − (x1·exp(−tᵢ·x5) + x2·exp(−(tᵢ − x9)²·x6)
 *            + x3·exp(−(tᵢ − x10)²·x7) + x4·exp(−(tᵢ − x11)²·x8))
 * y = (1.366, 1.191, 1.112, …, 0.098, 0.054)  (65 data values, as in jlmelville/funconstrain)
 * ```
 * - Dimension: n = 11 (m = 65 residuals).
 * - Start: x0 = (1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5), f(x0) ≈ 2.09342.
 * - Minimum: f* = 4.01377·10⁻² (MGH) at x* ≈ (1.30998, 0.431554, 0.633662, 0.599431,
 *   0.754183, 0.904289, 1.36581, 4.82370, 2.39868, 4.56887, 5.67534) (computed).
 * - Source: MGH #19.
 *
 * Uses the host's `Math.exp`, so values may differ in the last bits between JavaScript engines.
 *
 * @example
 * ```ts
 * const p = osborne2();
 * p.value(p.x0); // ≈ 2.09342
 * ```
 */
export function osborne2(): TestProblem {
  const e = new Float64Array(4 * M); // per residual: exp(−t·x5), and the three Gaussian terms
  return defineLeastSquares({
    id: "osborne2",
    name: "Osborne 2",
    dim: 11,
    m: M,
    x0: [1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5],
    minimumValue: 0.0401377,
    minimizers: [
      [
        1.309977155571672, 0.4315537953754591, 0.633661700618805, 0.5994305371511313, 0.7541832299812476,
        0.9042885658743933, 1.3658118486165822, 4.823698846190064, 2.398684864463146, 4.5688745966853475,
        5.675341470339045,
      ],
    ],
    references: [
      "More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #19",
      "jlmelville/funconstrain R/19_osborne_2.R (y data taken from here)",
    ],
    residuals(x, r) {
      for (let k = 0; k < M; k++) {
        const t = k / 10;
        const d9 = t - x[8];
        const d10 = t - x[9];
        const d11 = t - x[10];
        const a = Math.exp(-t * x[4]);
        const b = Math.exp(-d9 * d9 * x[5]);
        const c = Math.exp(-d10 * d10 * x[6]);
        const d = Math.exp(-d11 * d11 * x[7]);
        e[4 * k] = a;
        e[4 * k + 1] = b;
        e[4 * k + 2] = c;
        e[4 * k + 3] = d;
        r[k] = Y[k] - (x[0] * a + x[1] * b + x[2] * c + x[3] * d);
      }
    },
    jacobianTransposeTimes(x, r, out) {
      out.fill(0);
      for (let k = 0; k < M; k++) {
        const t = k / 10;
        const d9 = t - x[8];
        const d10 = t - x[9];
        const d11 = t - x[10];
        const a = e[4 * k] * r[k];
        const b = e[4 * k + 1] * r[k];
        const c = e[4 * k + 2] * r[k];
        const d = e[4 * k + 3] * r[k];
        out[0] -= a;
        out[1] -= b;
        out[2] -= c;
        out[3] -= d;
        out[4] += t * x[0] * a;
        out[5] += d9 * d9 * x[1] * b;
        out[6] += d10 * d10 * x[2] * c;
        out[7] += d11 * d11 * x[3] * d;
        out[8] -= 2 * x[1] * x[5] * d9 * b;
        out[9] -= 2 * x[2] * x[6] * d10 * c;
        out[10] -= 2 * x[3] * x[7] * d11 * d;
      }
    },
  });
}
