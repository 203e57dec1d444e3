import { validate } from "../validate";
import { createLoss } from "./createLoss";
import type { Loss } from "./Loss";

/**
 * Binary cross-entropy (log loss) computed from logits z — the model's raw outputs, not
 * probabilities — in the numerically stable form that never evaluates e^z for large z:
 * ```
 * ℓ = −y·log σ(z) − (1 − y)·log(1 − σ(z)) = max(z, 0) − z·y + log(1 + e^(−|z|))
 * ∂ℓ/∂z = σ(z) − y,      σ(z) = 1/(1 + e^(−z))
 * ```
 * averaged over the c outputs of a sample (several independent yes/no labels) and over
 * samples. Targets: c numbers in [0, 1] per sample (0/1 labels, or soft labels). No
 * options. The default loss of logisticRegression.
 *
 * Reference: the stable form of tf.nn.sigmoid_cross_entropy_with_logits and
 * torch.nn.BCEWithLogitsLoss; Bishop, *Pattern Recognition and Machine Learning*, §4.3.2.
 *
 * @example
 * ```ts
 * binaryCrossEntropy().value([0], [1]);   // log 2 ≈ 0.6931
 * binaryCrossEntropy().value([800], [1]); // 0 (no overflow)
 * ```
 */
export function binaryCrossEntropy(options?: Record<string, never>): Loss {
  validate.options("binaryCrossEntropy", options, []);
  return createLoss("binaryCrossEntropy");
}
