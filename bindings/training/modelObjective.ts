import type { FloatArray } from "../FloatArray";
import type { Loss } from "../losses/Loss";
import type { Model, ModelData } from "../models/Model";
import type { ObjectiveObject } from "../minimize/Objective";
import { validate } from "../validate";
import { checkModel } from "./evaluate";
import { prepareData } from "./prepareData";

/** Options of {@link modelObjective}: the data, and the loss. */
export interface ModelObjectiveOptions extends ModelData {
  /** Default: the model's `defaultLoss`. */
  loss?: Loss;
}

/**
 * A model's full-batch training objective as a function of its parameters, in the
 * shape `minimize` and `gradientCheck` accept:
 * ```
 * f(θ) = (1/N)·Σ_i s_i·ℓ(model(x_i; θ), y_i) + (l2/2)·Σ ‖W‖²
 * ```
 * with its analytic gradient from the fused pass. θ is a float64 vector of
 * `model.parameterCount` values (converted for float32 models); the model's own
 * parameters are neither read nor changed — copy the minimizer into
 * `model.parameters` to use it. Batch normalization uses the statistics of the whole
 * data set. The data are checked and converted once, and all memory is allocated when
 * the objective is made (create it before calling `minimize`).
 *
 * @example
 * ```ts
 * const f = modelObjective(model, { x, y });
 * const result = minimize(f, new Float64Array(model.parameterCount), { gradientTolerance: 1e-10 });
 * model.parameters.set(result.x);
 * gradientCheck(f, result.x).ok;   // true
 * ```
 */
export function modelObjective(model: Model, options: ModelObjectiveOptions): ObjectiveObject & { dim: number } {
  const where = "modelObjective";
  const m = checkModel(where, model);
  const o = validate.options(where, options, ["x", "y", "weights", "groups", "loss"]);
  const loss = (o.loss as Loss | undefined) ?? m.defaultLoss;
  m.checkLoss(where, loss);
  const data = prepareData(where, m, loss, o);
  const n = m.parameterCount;
  // Allocate everything now: growing memory later would detach the views minimize passes in.
  let params: FloatArray = m.backend.vector(n, m.precision);
  let grads: FloatArray = m.backend.vector(n, m.precision);
  m.workspace(data.rows);
  const run = (x: Float64Array, out: Float64Array | null): number => {
    const ws = m.workspace(data.rows);
    params = m.backend.refresh(params);
    grads = m.backend.refresh(grads);
    m.load(ws, data, 0, data.rows);
    params.set(x);
    const value = m.pass(params, grads, ws, data.rows, loss, false);
    if (out) out.set(grads);
    return value;
  };
  return {
    dim: n,
    value: (x) => run(x, null),
    gradient: (x, out) => void run(x, out),
    valueAndGradient: (x, out) => run(x, out),
  };
}
