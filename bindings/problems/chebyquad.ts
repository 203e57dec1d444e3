import { defineLeastSquares, dimensionArgument } from "./internal";
import type { TestProblem } from "./TestProblem";

const MINIMA: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0.00351687, 9: 0, 10: 0.00650395 };

/**
 * Chebyquad (m = n) — Moré, Garbow & Hillstrom (1981) problem 35.
 *
 * ```
 * fᵢ = (1/n)·Σ_{j=1..n} Tᵢ(xⱼ) − yᵢ,   1 ≤ i ≤ m = n,     f(x) = Σᵢ fᵢ²
 * Tᵢ = i-th Chebyshev polynomial shifted to [0, 1]: T0 = 1, T1(x) = 2x − 1,
 *      T_{k+1}(x) = 2·(2x − 1)·T_k(x) − T_{k−1}(x)
 * yᵢ = 0 for odd i,   yᵢ = −1/(i² − 1) for even i
 * ```
 * MGH allow m ≥ n; here m = n.
 * - Dimension: any n ≥ 1, default n = 8 (m = n residuals).
 * - Start: x0ⱼ = j/(n + 1), f(x0) ≈ 3.86177·10⁻² (n = 8).
 * - Minimum (MGH): f* = 0 for 1 ≤ n ≤ 7 and n = 9, 3.51687·10⁻³ (n = 8),
 *   6.50395·10⁻³ (n = 10); undefined for other n. A computed minimiser is included for n = 8.
 * - Source: MGH #35.
 *
 * Polynomials are evaluated by the three-term recurrence (no `Math` calls); O(n²) per
 * evaluation.
 *
 * @param n - number of variables, an integer ≥ 1; default 8.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = chebyquad();
 * p.value(p.x0); // ≈ 3.86177e-2
 * ```
 */
export function chebyquad(n?: number): TestProblem {
  const dim = dimensionArgument("chebyquad", n, 8, (v) => v >= 1, "an integer ≥ 1");
  const m = dim;
  const x0 = new Float64Array(dim);
  for (let j = 0; j < dim; j++) x0[j] = (j + 1) / (dim + 1);
  return defineLeastSquares({
    id: "chebyquad",
    name: "Chebyquad (m=n)",
    dim,
    m,
    x0,
    minimumValue: MINIMA[dim],
    minimizers:
      dim === 8
        ? [
            [
              0.043152760253987905, 0.19309084063445572, 0.2663287070108672, 0.5000000003362897,
              0.5000000000953791, 0.7336712932327192, 0.8069091598982598, 0.9568472399253019,
            ],
          ]
        : undefined,
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #35", "jlmelville/funconstrain R/35_chebyquad.R"],
    residuals(x, r) {
      r.fill(0);
      for (let j = 0; j < dim; j++) {
        const y = 2 * x[j] - 1;
        let previous = 1; // T_{i−1}
        let current = y; // T_i
        r[0] += current;
        for (let i = 1; i < m; i++) {
          const next = 2 * y * current - previous;
          previous = current;
          current = next;
          r[i] += current;
        }
      }
      for (let i = 0; i < m; i++) {
        const k = i + 1;
        r[i] = r[i] / dim;
        if (k % 2 === 0) r[i] += 1 / (k * k - 1);
      }
    },
    jacobianTransposeTimes(x, r, out) {
      // ∂fᵢ/∂xⱼ = T′ᵢ(xⱼ)/n with T′0 = 0, T′1 = 2, T′_{k+1} = 4·T_k + 2·(2x − 1)·T′_k − T′_{k−1}
      for (let j = 0; j < dim; j++) {
        const y = 2 * x[j] - 1;
        let tPrevious = 1;
        let tCurrent = y;
        let dPrevious = 0;
        let dCurrent = 2;
        let s = r[0] * dCurrent;
        for (let i = 1; i < m; i++) {
          const tNext = 2 * y * tCurrent - tPrevious;
          const dNext = 4 * tCurrent + 2 * y * dCurrent - dPrevious;
          tPrevious = tCurrent;
          tCurrent = tNext;
          dPrevious = dCurrent;
          dCurrent = dNext;
          s += r[i] * dCurrent;
        }
        out[j] = s / dim;
      }
    },
  });
}
