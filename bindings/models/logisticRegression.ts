import type { Backend } from "../backends/Backend";
import type { Precision } from "../FloatArray";
import { binaryCrossEntropy } from "../losses/binaryCrossEntropy";
import { validate } from "../validate";
import { DenseNetwork } from "./DenseNetwork";
import type { Model } from "./Model";
import { modelOptions } from "./modelOptions";

/** Options of {@link logisticRegression}. */
export interface LogisticRegressionOptions {
  /** Number of input features p. Required. */
  inputs: number;
  /** L2 penalty λ ≥ 0 on the weights; the intercept is free. Default 0. */
  l2?: number;
  /** "float64" (default) or "float32". */
  precision?: Precision;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/**
 * Logistic regression for two classes: the logit z = x·w + b models
 * P(y = 1 | x) = σ(z) = 1/(1 + e^(−z)), fitted by minimizing the binary cross-entropy
 * (from logits, stable) plus an optional L2 penalty:
 * ```
 * f(w, b) = (1/N)·Σ_i [max(z_i, 0) − z_i·y_i + log(1 + e^(−|z_i|))] + (λ/2)·‖w‖²
 * ```
 * Labels y are 0 or 1. Parameters start at zero; blocks `"weights"` (p × 1) and
 * `"bias"`. `predict` returns probabilities by default (`output: "classes"` for 0/1).
 * The hinge loss turns it into a linear support vector machine.
 *
 * Reference: D. R. Cox, "The regression analysis of binary sequences", JRSS B 20 (1958);
 * The Elements of Statistical Learning, §4.4.
 *
 * @example
 * ```ts
 * await init();
 * const model = logisticRegression({ inputs: 2, l2: 1e-3 });
 * train(model, { x: [[0, 0], [1, 1], [2, 2], [3, 3]], y: [0, 0, 1, 1], epochs: 200, batchSize: 4,
 *   optimizer: adam({ learningRate: 0.1 }) });
 * predict(model, [[0, 0], [3, 3]], { output: "classes" });   // [0, 1]
 * ```
 */
export function logisticRegression(options: LogisticRegressionOptions): Model {
  const where = "logisticRegression";
  const o = validate.options(where, options, ["inputs", "l2", "precision", "backend"]);
  const inputs = modelOptions.required(where, "inputs", o.inputs);
  return DenseNetwork.linear(where, o, inputs, 1, binaryCrossEntropy(), "probabilities");
}
