import { validate } from "../validate";
import { createLoss } from "./createLoss";
import type { Loss } from "./Loss";

/**
 * Mean squared error, the loss of least squares:
 * ```
 * ℓ_i = (1/c)·Σ_k (o_ik − y_ik)²          ∂ℓ_i/∂o_ik = (2/c)·(o_ik − y_ik)
 * ```
 * averaged over samples (weighted, or per group, when asked). Targets: c numbers per
 * sample. No options. The default loss of linearRegression, matrixFactorization and of
 * an mlp with one output.
 *
 * Reference: Gauss and Legendre's least squares; Hastie, Tibshirani & Friedman, *The
 * Elements of Statistical Learning*, 2nd ed., §3.2.
 *
 * @example
 * ```ts
 * const gradient = new Float64Array(2);
 * mse().value([1, 2], [0, 4], { gradient });   // ((1)² + (−2)²)/2 = 2.5; gradient [1, −2]
 * ```
 */
export function mse(options?: Record<string, never>): Loss {
  validate.options("mse", options, []);
  return createLoss("mse");
}
