import type { Backend } from "../backends/Backend";
import type { Precision } from "../FloatArray";
import { softmaxCrossEntropy } from "../losses/softmaxCrossEntropy";
import { validate } from "../validate";
import { DenseNetwork } from "./DenseNetwork";
import type { Model } from "./Model";
import { modelOptions } from "./modelOptions";

/** Options of {@link softmaxRegression}. */
export interface SoftmaxRegressionOptions {
  /** Number of input features p. Required. */
  inputs: number;
  /** Number of classes c ≥ 2. Required. */
  classes: number;
  /** L2 penalty λ ≥ 0 on the weights; the intercepts are free. Default 0. */
  l2?: number;
  /** "float64" (default) or "float32". */
  precision?: Precision;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/**
 * Softmax (multinomial logistic) regression: logits z = x·W + b (W: p × c) model
 * P(y = k | x) = softmax(z)_k, fitted by minimizing the softmax cross-entropy plus an
 * optional L2 penalty:
 * ```
 * f(W, b) = (1/N)·Σ_i [log Σ_k e^(z_ik) − z_{i,y_i}] + (λ/2)·‖W‖²
 * ```
 * Labels are class numbers 0…c−1. Parameters start at zero; blocks `"weights"` and
 * `"bias"`. With λ > 0 the objective is strictly convex in W, so gradient descent,
 * Adam and L-BFGS all reach the same optimum. `predict` returns class probabilities by
 * default (`output: "classes"` for labels).
 *
 * Reference: Bishop, *Pattern Recognition and Machine Learning*, §4.3.4; The Elements of
 * Statistical Learning, §4.4.
 *
 * @example
 * ```ts
 * await init();
 * const { x, y } = iris();
 * const model = softmaxRegression({ inputs: 4, classes: 3, l2: 1e-3 });
 * train(model, { x: standardize(x, { columns: 4 }).x, y, epochs: 200, optimizer: adam({ learningRate: 0.05 }) });
 * evaluate(model, { x: standardize(x, { columns: 4 }).x, y }).accuracy;   // ≈ 0.97
 * ```
 */
export function softmaxRegression(options: SoftmaxRegressionOptions): Model {
  const where = "softmaxRegression";
  const o = validate.options(where, options, ["inputs", "classes", "l2", "precision", "backend"]);
  const inputs = modelOptions.required(where, "inputs", o.inputs);
  const classes = modelOptions.required(where, "classes", o.classes, 2);
  return DenseNetwork.linear(where, o, inputs, classes, softmaxCrossEntropy(), "probabilities");
}
