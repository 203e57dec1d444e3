import type { FloatArray } from "../FloatArray";
import { deterministicExp } from "../math/deterministicExp";
import type { Model } from "../models/Model";
import { modelOptions } from "../models/modelOptions";
import { validate } from "../validate";
import { checkData, type MatrixInput } from "./checkData";
import { checkModel } from "./evaluate";

/** Options of {@link predict}. */
export interface PredictOptions {
  /**
   * - `"values"`: the raw outputs (regression values, or logits);
   * - `"probabilities"`: σ(z) with one output, softmax(z) with several;
   * - `"classes"`: z > 0 ? 1 : 0 with one output, argmax z (the first maximum) with several.
   *
   * Default: the model's `defaultOutput` ("probabilities" for logistic and softmax
   * regression, "values" otherwise).
   */
  output?: "values" | "probabilities" | "classes";
}

const CHUNK = 1024;

/**
 * The model's predictions for inputs x, in inference mode (batch normalization uses its
 * running statistics). Returns a new array: rows × outputs values or probabilities in
 * the model's precision (row-major), or one Int32Array class label per row.
 *
 * Probabilities are computed on the host with `deterministicExp` (the same bits in
 * every engine): σ(z) = 1/(1 + e^(−z)), softmax(z)_k = e^(z_k − M)/Σ_j e^(z_j − M).
 *
 * @throws DownhillError naming `x` for bad inputs, `output` for an unknown output.
 *
 * @example
 * ```ts
 * predict(model, [[5.1, 3.5, 1.4, 0.2]]);                        // probabilities of 3 classes
 * predict(model, [[5.1, 3.5, 1.4, 0.2]], { output: "classes" }); // Int32Array [0]
 * ```
 */
export function predict(model: Model, x: MatrixInput, options?: PredictOptions): FloatArray | Int32Array {
  const where = "predict";
  const m = checkModel(where, model);
  const o = validate.options(where, options, ["output"]);
  const output = modelOptions.oneOf(where, "output", o.output ?? m.defaultOutput, ["values", "probabilities", "classes"] as const);
  const { rows, data } = checkData.matrix(where, "x", x, m.inputs, m.precision);
  m.checkInputs(where, "x", data, rows);
  const c = m.outputs;
  const values = m.precision === "float32" ? new Float32Array(rows * c) : new Float64Array(rows * c);
  const chunk = Math.min(CHUNK, rows);
  const ws = m.workspace(chunk);
  for (let start = 0; start < rows; start += chunk) {
    const count = Math.min(chunk, rows - start);
    ws.x.set(data.subarray(start * m.inputs, (start + count) * m.inputs));
    const out = m.forward(m.parameters, ws, count, false);
    values.set(out.subarray(0, count * c), start * c);
  }
  if (output === "values") return values;
  if (output === "classes") {
    const classes = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      if (c === 1) classes[i] = values[i] > 0 ? 1 : 0;
      else {
        let best = 0;
        for (let k = 1; k < c; k++) if (values[i * c + k] > values[i * c + best]) best = k;
        classes[i] = best;
      }
    }
    return classes;
  }
  for (let i = 0; i < rows; i++) {
    if (c === 1) {
      values[i] = 1 / (1 + deterministicExp(-values[i]));
      continue;
    }
    let top = -Infinity;
    for (let k = 0; k < c; k++) top = Math.max(top, values[i * c + k]);
    let sum = 0;
    const e = new Float64Array(c);
    for (let k = 0; k < c; k++) sum += e[k] = deterministicExp(values[i * c + k] - top);
    for (let k = 0; k < c; k++) values[i * c + k] = e[k] / sum;
  }
  return values;
}
