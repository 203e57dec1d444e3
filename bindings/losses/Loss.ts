import type { LossCode } from "../models/ModelKernels";
import type { TargetKind } from "../training/checkData";

/** The losses downhill provides. */
export type LossName = "mse" | "mae" | "huber" | "binaryCrossEntropy" | "softmaxCrossEntropy" | "hinge" | "zeroOne";

/** Options of {@link Loss.value}. */
export interface LossValueOptions {
  /**
   * c, the outputs per sample. Default: outputs.length / targets.length for
   * softmaxCrossEntropy, hinge and zeroOne (one label per sample), else 1.
   */
  outputsPerSample?: number;
  /** Per-sample weights w_i ≥ 0: the loss becomes Σ w_i ℓ_i / Σ w_i. */
  weights?: ArrayLike<number>;
  /**
   * A group id per sample: the mean is taken within each group, then across groups
   * (see `sampleScales`), e.g. a loss per atom rather than per molecule.
   */
  groups?: ArrayLike<number>;
  /** When given (a Float64Array of outputs.length), receives ∂value/∂outputs. */
  gradient?: Float64Array;
}

/**
 * A loss: a name the models and `train` understand, plus `value` to evaluate it on its
 * own. Made by `mse()`, `mae()`, `huber()`, `binaryCrossEntropy()`,
 * `softmaxCrossEntropy()`, `hinge()` and `zeroOne()`.
 *
 * Every loss is the (weighted) mean over samples of a per-sample loss ℓ_i of the c
 * outputs o_i against the target y_i; each factory's TSDoc gives ℓ and its gradient.
 */
export interface Loss {
  readonly name: LossName;
  /** Huber's threshold δ (huber only; 0 for the others). */
  readonly delta: number;
  /** False for zeroOne, whose gradient is zero almost everywhere (nothing to descend). */
  readonly differentiable: boolean;
  /** "regression": `evaluate` reports RMSE and MAE; "classification": accuracy. */
  readonly task: "regression" | "classification";
  /** The kernel code of this loss (assembly/models/losses.ts). */
  readonly code: LossCode;
  /**
   * What y holds for c outputs per sample: `"values"` (c numbers a sample),
   * `"probabilities"` (c numbers in [0, 1]), `"binary"` (one 0 or 1) or `"classes"`
   * (one label 0…c−1).
   */
  targetKind(outputsPerSample: number): TargetKind;
  /**
   * The loss of `outputs` (rows × c, row-major) against `targets`, and its gradient with
   * respect to the outputs in `options.gradient`. float64, on the TypeScript reference
   * kernels; inputs are validated and never modified.
   */
  value(outputs: ArrayLike<number>, targets: ArrayLike<number> | ArrayLike<ArrayLike<number>>, options?: LossValueOptions): number;
}
