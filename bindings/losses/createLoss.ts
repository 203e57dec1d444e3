import { DownhillError } from "../DownhillError";
import { LOSS_CODE } from "../models/ModelKernels";
import { referenceModelKernels } from "../models/referenceModelKernels";
import { checkData, type TargetKind } from "../training/checkData";
import { validate } from "../validate";
import type { Loss, LossName, LossValueOptions } from "./Loss";
import { sampleScales } from "./sampleScales";

const VALUE_OPTIONS = ["outputsPerSample", "weights", "groups", "gradient"] as const;

/** Builds the {@link Loss} object that every loss factory returns. */
export function createLoss(name: LossName, delta = 0): Loss {
  const code = LOSS_CODE[name];
  const perSampleLabel = name === "softmaxCrossEntropy" || name === "hinge" || name === "zeroOne";
  const targetKind = (c: number): TargetKind => {
    if (name === "binaryCrossEntropy") return "probabilities";
    if (name === "softmaxCrossEntropy") return "classes";
    if (name === "hinge" || name === "zeroOne") return c === 1 ? "binary" : "classes";
    return "values";
  };
  const loss: Loss = {
    name,
    delta,
    differentiable: name !== "zeroOne",
    task: name === "mse" || name === "mae" || name === "huber" ? "regression" : "classification",
    code,
    targetKind,
    value(outputs: ArrayLike<number>, targets: unknown, options?: LossValueOptions): number {
      const where = `${name}.value`;
      const o = validate.options(where, options, VALUE_OPTIONS);
      const out = checkData.matrix(where, "outputs", outputs, 1, "float64").data as Float64Array;
      let c: number;
      if (o.outputsPerSample !== undefined) {
        c = validate.number(where, "outputsPerSample", o.outputsPerSample, { min: 1 });
        if (!Number.isInteger(c)) throw new DownhillError("INVALID_OPTION", `${where}: outputsPerSample must be a whole number, got ${c}.`, "outputsPerSample");
      } else if (perSampleLabel) {
        const count = (targets as ArrayLike<unknown> | null)?.length ?? 0;
        c = count > 0 ? out.length / count : 1;
        if (!Number.isInteger(c)) {
          throw new DownhillError(
            "LENGTH_MISMATCH",
            `${where}: outputs has ${out.length} values, not a whole number of rows for ${count} targets. Give one label per sample.`,
            "targets",
          );
        }
      } else {
        c = 1;
      }
      if (out.length % c !== 0) {
        throw new DownhillError("LENGTH_MISMATCH", `${where}: outputs has ${out.length} values, not a multiple of outputsPerSample ${c}.`, "outputs");
      }
      const rows = out.length / c;
      checkLossFits(where, loss, c);
      const y = checkData.targets(where, "targets", targets, targetKind(c), c, rows, "float64", "outputs");
      const weights = o.weights === undefined ? null : checkData.weights(where, "weights", o.weights, rows, "outputs");
      const groups = o.groups === undefined ? null : checkData.groups(where, "groups", o.groups, rows, "outputs");
      const scale = sampleScales(where, weights, groups, rows, "float64");
      let gradient: Float64Array | null = null;
      if (o.gradient !== undefined) {
        if (!(o.gradient instanceof Float64Array)) {
          throw new DownhillError("WRONG_TYPE", `${where}: gradient must be a Float64Array of ${out.length} values.`, "gradient");
        }
        if (o.gradient.length !== out.length) {
          throw new DownhillError("LENGTH_MISMATCH", `${where}: gradient has length ${o.gradient.length}, outputs ${out.length}.`, "gradient");
        }
        gradient = o.gradient;
      }
      return referenceModelKernels.float64.loss(code, out, y as Float64Array, scale as Float64Array | null, gradient, rows, c, delta);
    },
  };
  return Object.freeze(loss);
}

/** Throws when a loss cannot be used with c outputs per sample. */
export function checkLossFits(where: string, loss: Loss, c: number, argument = "loss"): void {
  if (loss.name === "softmaxCrossEntropy" && c < 2) {
    throw new DownhillError(
      "INVALID_OPTION",
      `${where}: softmaxCrossEntropy needs at least 2 outputs per sample (one per class), got ${c}. ` +
        `For two classes with one output use binaryCrossEntropy.`,
      argument,
    );
  }
}
