import { validate } from "../validate";
import { createLoss } from "./createLoss";
import type { Loss } from "./Loss";

/**
 * Mean absolute error, robust to outliers (its minimizer is a median, not a mean):
 * ```
 * ℓ_i = (1/c)·Σ_k |o_ik − y_ik|            ∂ℓ_i/∂o_ik = sign(o_ik − y_ik)/c   (0 at 0)
 * ```
 * Targets: c numbers per sample. No options.
 *
 * Reference: Laplace (1774); The Elements of Statistical Learning, §10.6.
 *
 * @example
 * ```ts
 * mae().value([1, 2], [0, 4]);   // (1 + 2)/2 = 1.5
 * ```
 */
export function mae(options?: Record<string, never>): Loss {
  validate.options("mae", options, []);
  return createLoss("mae");
}
