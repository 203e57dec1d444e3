import type { Backend } from "../backends/Backend";
import type { Precision } from "../FloatArray";
import { mse } from "../losses/mse";
import { validate } from "../validate";
import { DenseNetwork } from "./DenseNetwork";
import type { Model } from "./Model";
import { modelOptions } from "./modelOptions";

/** Options of {@link linearRegression}. */
export interface LinearRegressionOptions {
  /** Number of input features p. Required. */
  inputs: number;
  /** Number of outputs c (several regressions sharing the inputs). Default 1. */
  outputs?: number;
  /** L2 penalty λ ≥ 0 on the weights (ridge regression); the intercept is free. Default 0. */
  l2?: number;
  /** "float64" (default) or "float32". */
  precision?: Precision;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/**
 * Linear regression: ŷ = x·W + b, with W (inputs × outputs) and intercept b, fitted by
 * minimizing the mean squared error plus an optional ridge penalty:
 * ```
 * f(W, b) = (1/N)·Σ_i (1/c)·‖x_i·W + b − y_i‖² + (λ/2)·‖W‖²
 * ```
 * (any regression loss — mae, huber — can be passed to `train` instead). Parameters
 * start at zero; the blocks are `"weights"` (W, row-major: the coefficient of feature k
 * for output j at k·outputs + j) and `"bias"`. With λ = 0 the minimizer is the
 * least-squares solution of the normal equations XᵀX·w = Xᵀy (with a column of ones for
 * the intercept).
 *
 * Gradient descent on raw features converges slowly when they have very different
 * scales (condition number); standardize them first (`standardize`).
 *
 * Reference: The Elements of Statistical Learning, §3.2 (least squares) and §3.4.1 (ridge).
 *
 * @example
 * ```ts
 * await init();
 * const data = noisyLinearData({ samples: 200, features: 3, seed: 1 });
 * const model = linearRegression({ inputs: 3 });
 * train(model, { x: data.x, y: data.y, optimizer: sgd({ learningRate: 0.1 }), batchSize: 200, epochs: 500 });
 * model.parameters;   // ≈ [...data.weights, data.bias]
 * ```
 */
export function linearRegression(options: LinearRegressionOptions): Model {
  const where = "linearRegression";
  const o = validate.options(where, options, ["inputs", "outputs", "l2", "precision", "backend"]);
  const inputs = modelOptions.required(where, "inputs", o.inputs);
  const outputs = o.outputs === undefined ? 1 : modelOptions.count(where, "outputs", o.outputs);
  return DenseNetwork.linear(where, o, inputs, outputs, mse(), "values");
}
