import { DownhillError } from "../DownhillError";
import type { Loss } from "../losses/Loss";
import { mae } from "../losses/mae";
import { mse } from "../losses/mse";
import { zeroOne } from "../losses/zeroOne";
import type { Model, ModelData } from "../models/Model";
import { ModelBase } from "../models/ModelBase";
import { validate } from "../validate";
import { prepareData, type PreparedData } from "./prepareData";

/** Options of {@link evaluate}: the data, and the loss. */
export interface EvaluateOptions extends ModelData {
  /** The loss to report. Default: the model's `defaultLoss`. */
  loss?: Loss;
}

/** What {@link evaluate} reports. */
export interface Evaluation {
  /** The mean loss (weighted or per group when asked), without the L2 penalty. */
  loss: number;
  /** Classification losses: the fraction classified right (1 − the 0-1 loss). */
  accuracy?: number;
  /** Regression losses: √(mean squared error). */
  rmse?: number;
  /** Regression losses: mean absolute error. */
  mae?: number;
  /** Number of samples. */
  samples: number;
}

/** Rows evaluated per forward pass. */
const CHUNK = 1024;
const metricLosses = { zeroOne: zeroOne(), mse: mse(), mae: mae() };

/**
 * Evaluates a model on data in inference mode (batch normalization uses its running
 * statistics): the loss, and the metrics that fit it — accuracy for classification
 * losses, RMSE and MAE for regression losses. Weights and groups weigh the loss and the
 * metrics alike. Nothing is modified; the model's forward pass runs on its backend, in
 * chunks of 1024 rows.
 *
 * @throws DownhillError naming the argument for bad data (`x`, `y`, `weights`, `groups`:
 * `WRONG_TYPE`, `LENGTH_MISMATCH`, `INVALID_DATA`) or options.
 *
 * @example
 * ```ts
 * const { loss, accuracy } = evaluate(model, { x, y });
 * const { rmse } = evaluate(regression, { x, y });
 * ```
 */
export function evaluate(model: Model, options: EvaluateOptions): Evaluation {
  const where = "evaluate";
  const m = checkModel(where, model);
  const o = validate.options(where, options, ["x", "y", "weights", "groups", "loss"]);
  const loss = (o.loss as Loss | undefined) ?? m.defaultLoss;
  m.checkLoss(where, loss);
  const data = prepareData(where, m, loss, o);
  return evaluatePrepared(m, data, loss);
}

/** Which metrics fit a loss on c outputs. */
export function metricsFor(loss: Loss, c: number): { accuracy: boolean; regression: boolean } {
  const regression = loss.task === "regression";
  const accuracy = !regression && (c === 1 || loss.targetKind(c) === "classes");
  return { accuracy, regression };
}

/** Evaluation on data already checked and converted (used by train for validation data). */
export function evaluatePrepared(model: ModelBase, data: PreparedData, loss: Loss): Evaluation {
  const { accuracy, regression } = metricsFor(loss, model.outputs);
  const kernels = model.kernels;
  const chunk = Math.min(CHUNK, data.rows);
  const ws = model.workspace(chunk);
  let sumLoss = 0, sumZeroOne = 0, sumSquared = 0, sumAbsolute = 0;
  for (let start = 0; start < data.rows; start += chunk) {
    const m = Math.min(chunk, data.rows - start);
    model.load(ws, data, start, m);
    const out = model.forward(model.parameters, ws, m, false);
    const scale = ws.hasScale ? ws.scale : null;
    const c = model.outputs;
    sumLoss += m * kernels.loss(loss.code, out, ws.y, scale, null, m, c, loss.delta);
    if (accuracy) sumZeroOne += m * kernels.loss(metricLosses.zeroOne.code, out, ws.y, scale, null, m, c, 0);
    if (regression) {
      sumSquared += m * kernels.loss(metricLosses.mse.code, out, ws.y, scale, null, m, c, 0);
      sumAbsolute += m * kernels.loss(metricLosses.mae.code, out, ws.y, scale, null, m, c, 0);
    }
  }
  const n = data.rows;
  const result: Evaluation = { loss: sumLoss / n, samples: n };
  if (accuracy) result.accuracy = 1 - sumZeroOne / n;
  if (regression) {
    result.rmse = Math.sqrt(sumSquared / n);
    result.mae = sumAbsolute / n;
  }
  return result;
}

/** The model as the internal class, or a WRONG_TYPE error naming "model". */
export function checkModel(where: string, model: unknown): ModelBase {
  if (!(model instanceof ModelBase)) {
    throw new DownhillError(
      "WRONG_TYPE",
      `${where}: model must be made by linearRegression, logisticRegression, softmaxRegression, mlp or matrixFactorization.`,
      "model",
    );
  }
  model.checkNotFreed(where);
  return model;
}
