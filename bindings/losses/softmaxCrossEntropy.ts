import { validate } from "../validate";
import { createLoss } from "./createLoss";
import type { Loss } from "./Loss";

/**
 * Softmax cross-entropy of c ≥ 2 logits z against a class label y ∈ {0, …, c−1}, with a
 * stable log-sum-exp (shifted by the largest logit M, so no exponential overflows):
 * ```
 * ℓ = −log softmax(z)_y = log Σ_k e^(z_k − M) − (z_y − M),     M = max_k z_k
 * ∂ℓ/∂z_k = softmax(z)_k − [k = y]
 * ```
 * Targets: one class label per sample. No options. The default loss of
 * softmaxRegression and of an mlp with several outputs.
 *
 * Reference: Bishop, *Pattern Recognition and Machine Learning*, §4.3.4;
 * torch.nn.CrossEntropyLoss.
 *
 * @example
 * ```ts
 * softmaxCrossEntropy().value([2, 0, 0, 0, 2, 0], [0, 1]);   // both right: log(1 + 2e⁻²) ≈ 0.2395
 * ```
 */
export function softmaxCrossEntropy(options?: Record<string, never>): Loss {
  validate.options("softmaxCrossEntropy", options, []);
  return createLoss("softmaxCrossEntropy");
}
