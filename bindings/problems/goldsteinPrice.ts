import { defineProblem } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Goldstein–Price function.
 *
 * ```
 * f(x) = [1 + (x1 + x2 + 1)²·(19 − 14x1 + 3x1² − 14x2 + 6x1x2 + 3x2²)]
 *      · [30 + (2x1 − 3x2)²·(18 − 32x1 + 12x1² + 48x2 − 36x1x2 + 27x2²)]
 * ```
 * - Dimension: n = 2.
 * - Start: x0 = (0, −0.5) (chosen for this library), f(x0) = 243.59765625.
 * - Minimum: f* = 3 at x* = (0, −1); several local minima (e.g. f = 30 at (−0.6, −0.4)).
 * - Source: scipy global-optimisation benchmarks (class GoldsteinPrice).
 *
 * @example
 * ```ts
 * const p = goldsteinPrice();
 * p.value(p.x0); // 243.59765625
 * ```
 */
export function goldsteinPrice(): TestProblem {
  return defineProblem({
    id: "goldsteinPrice",
    name: "Goldstein-Price",
    dim: 2,
    x0: [0, -0.5],
    minimumValue: 3,
    minimizers: [[0, -1]],
    references: ["scipy/scipy benchmarks/benchmarks/go_benchmark_functions/go_funcs_G.py (class GoldsteinPrice)"],
    evaluate(x, out) {
      const a = x[0];
      const b = x[1];
      const u = a + b + 1;
      const v = 2 * a - 3 * b;
      const p = 19 - 14 * a + 3 * a * a - 14 * b + 6 * a * b + 3 * b * b;
      const q = 18 - 32 * a + 12 * a * a + 48 * b - 36 * a * b + 27 * b * b;
      const A = 1 + u * u * p;
      const B = 30 + v * v * q;
      if (out !== null) {
        // ∂p/∂a = ∂p/∂b = −14 + 6a + 6b;  ∂q/∂a = −32 + 24a − 36b,  ∂q/∂b = 48 − 36a + 54b
        const dA = 2 * u * p + u * u * (-14 + 6 * a + 6 * b); // same for a and b
        const dBa = 4 * v * q + v * v * (-32 + 24 * a - 36 * b);
        const dBb = -6 * v * q + v * v * (48 - 36 * a + 54 * b);
        out[0] = dA * B + A * dBa;
        out[1] = dA * B + A * dBb;
      }
      return A * B;
    },
  });
}
