import { validate } from "../validate";
import { createLoss } from "./createLoss";
import type { Loss } from "./Loss";

/**
 * The 0-1 loss — the error rate — for evaluation:
 * ```
 * c = 1, label y ∈ {0, 1}:   ℓ = [ (z > 0) ≠ y ]
 * c ≥ 2, class label y:      ℓ = [ argmax_k z_k ≠ y ]   (the first maximum)
 * ```
 * It is what classification cares about, but it has **no useful gradient**: it is
 * piecewise constant, so its gradient is 0 wherever it exists and gradient descent
 * cannot move (a flat plateau). Train with a smooth surrogate — binaryCrossEntropy,
 * softmaxCrossEntropy or hinge — and measure with this; `train` refuses it as the
 * training loss. Its `value` writes a zero gradient when asked. 1 − zeroOne is the
 * accuracy. No options.
 *
 * Reference: The Elements of Statistical Learning, §2.4 and §10.6 (surrogate losses).
 *
 * @example
 * ```ts
 * zeroOne().value([2, -1, 0.5], [1, 1, 0]);   // 2 of 3 wrong: 0.6667
 * ```
 */
export function zeroOne(options?: Record<string, never>): Loss {
  validate.options("zeroOne", options, []);
  return createLoss("zeroOne");
}
