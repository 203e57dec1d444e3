import { validate } from "../validate";
import { createLoss } from "./createLoss";
import type { Loss } from "./Loss";

/**
 * Hinge loss, the loss of support vector machines. With one output z and a label
 * y ∈ {0, 1} (t = 2y − 1 ∈ {−1, +1}):
 * ```
 * ℓ = max(0, 1 − t·z)                    ∂ℓ/∂z = −t if t·z < 1, else 0
 * ```
 * With c ≥ 2 outputs and a class label y, the multiclass hinge of Crammer and Singer:
 * ```
 * ℓ = max(0, 1 + max_{k≠y} z_k − z_y)    ∂ℓ/∂z_j = [j = k*] − [j = y] when ℓ > 0
 * ```
 * (k* the best wrong class, the first on ties). Piecewise linear: the gradient at a kink
 * is the one-sided value above. No options.
 *
 * Reference: C. Cortes and V. Vapnik, "Support-vector networks", Machine Learning 20
 * (1995); K. Crammer and Y. Singer, JMLR 2 (2001).
 *
 * @example
 * ```ts
 * hinge().value([0.5, -2], [1, 0]);   // (0.5 + 0)/2 = 0.25
 * ```
 */
export function hinge(options?: Record<string, never>): Loss {
  validate.options("hinge", options, []);
  return createLoss("hinge");
}
