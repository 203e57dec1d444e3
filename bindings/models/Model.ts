import type { Backend } from "../backends/Backend";
import type { FloatArray, Precision } from "../FloatArray";
import type { Loss } from "../losses/Loss";
import type { MatrixInput, TargetKind } from "../training/checkData";

/** The models downhill provides. */
export type ModelName = "linearRegression" | "logisticRegression" | "softmaxRegression" | "mlp" | "matrixFactorization";

/** One named block of a model's parameter vector, e.g. the weights of a layer. */
export interface ParameterBlock {
  /** e.g. `"layer1.weights"`, `"layer1.bias"`, `"layer1.scale"`, `"userFactors"`. */
  readonly name: string;
  /** Index of the block's first element in `model.parameters`. */
  readonly offset: number;
  /** Number of elements. */
  readonly length: number;
  /** Row-major shape, e.g. [inputs, outputs] for a weight matrix. */
  readonly shape: readonly number[];
  /** True when the L2 penalty applies to it (weights and factors; never biases or batch-norm scale and shift). */
  readonly regularized: boolean;
}

/**
 * Data for a model: inputs x (rows × model.inputs), targets y in the form the loss
 * expects (see `Loss.targetKind`), optional per-sample weights and group ids.
 *
 * x and y may be arrays of rows (`number[][]`) or flat row-major arrays (number[] or
 * any typed array); class labels are one number per sample.
 */
export interface ModelData {
  x: MatrixInput;
  y: MatrixInput;
  /** Per-sample weights ≥ 0. */
  weights?: ArrayLike<number>;
  /** A group id per sample: the loss is averaged within groups, then across groups. */
  groups?: ArrayLike<number>;
}

/**
 * A model's saved state, as returned by {@link Model.state}: plain data (strings,
 * numbers, arrays, typed arrays), safe for `structuredClone`, `postMessage` and
 * IndexedDB.
 */
export interface ModelState {
  /** Always `"downhill/model-state"`. */
  format: string;
  /** Layout version, currently 1. */
  version: number;
  /** The model that saved it, e.g. `"mlp"`. */
  model: ModelName;
  /** "float64" or "float32": the type of every array below. */
  precision: Precision;
  /**
   * The options that fix the model's shape and objective (inputs, outputs, l2, layers,
   * activation, batchNorm, batch-norm momentum and ε; users, items, rank, biases).
   * The seed and initialization are not among them: the parameters replace their effect.
   */
  options: Record<string, number | boolean | number[]>;
  /** A copy of `model.parameters`. */
  parameters: FloatArray;
  /** Copies of the batch-norm running statistics, e.g. `"layer1.runningMean"` (empty without batch norm). */
  statistics: Record<string, FloatArray>;
}

/** Options of {@link Model.prepare}. */
export interface PrepareOptions {
  /**
   * The loss the batch will be used with; it decides how y is checked (values, 0/1
   * labels, class labels). Default: the model's `defaultLoss`. `valueAndGradient`
   * accepts the batch with any loss whose checks those targets pass (0/1 labels
   * prepared for `hinge` also serve `binaryCrossEntropy` and `mse`, not the reverse).
   */
  loss?: Loss;
}

/**
 * A data set checked once and copied once into the backend's memory by
 * {@link Model.prepare}: pass it to `valueAndGradient` as the batch, as often as you
 * like, with no per-call checks or copies. It belongs to the model that made it and
 * holds backend memory until {@link PreparedBatch.free} is called.
 */
export interface PreparedBatch {
  /** The model that prepared it (the only one that accepts it). */
  readonly model: Model;
  /** Number of samples. */
  readonly rows: number;
  /** How y was checked: "values", "probabilities", "binary" or "classes". */
  readonly targetKind: TargetKind;
  /** True once {@link PreparedBatch.free} has run. */
  readonly freed: boolean;
  /** Returns the batch's memory to the backend; using the batch afterwards throws INVALID_STATE. Idempotent. */
  free(): void;
}

/** Options of {@link Model.valueAndGradient}. */
export interface ValueAndGradientOptions {
  /** The loss. Default: the model's `defaultLoss`. */
  loss?: Loss;
}

/**
 * A model whose parameters live in one contiguous downhill vector, so any optimizer
 * updates all of them with one fused step. Made by `linearRegression`,
 * `logisticRegression`, `softmaxRegression`, `mlp` and `matrixFactorization`; trained by
 * `train`, used by `predict` and `evaluate`, or driven by hand:
 *
 * ```ts
 * const grads = vector(model.parameterCount, model.precision);
 * const loss = model.valueAndGradient(model.parameters, grads, { x, y });
 * optimizer.step(model.parameters, grads);
 * ```
 *
 * The objective is the mean loss plus the L2 penalty:
 * ```
 * f(θ) = (1/N)·Σ_i s_i·ℓ(model(x_i; θ), y_i) + (l2/2)·Σ_{regularized blocks} ‖W‖²
 * ```
 * (s_i = 1 unless weights or groups are given; see `sampleScales`).
 */
export interface Model {
  readonly name: ModelName;
  /** The backend whose kernels and memory the model uses. */
  readonly backend: Backend;
  /** "float64" or "float32": of the parameters, the data and every computation. */
  readonly precision: Precision;
  /** Values per input sample (features; 2 for matrixFactorization's (user, item) pairs). */
  readonly inputs: number;
  /** Outputs per sample. */
  readonly outputs: number;
  /** The L2 penalty coefficient. */
  readonly l2: number;
  /** The loss `train` and `evaluate` use when none is given. */
  readonly defaultLoss: Loss;
  /** What `predict` returns by default: raw `"values"` or `"probabilities"`. */
  readonly defaultOutput: "values" | "probabilities";
  /**
   * All parameters, one vector in the backend's memory (a live view: read it again after
   * allocating, since WebAssembly memory growth detaches old views). Write into it to set
   * parameters.
   */
  readonly parameters: FloatArray;
  /** Number of parameters. */
  readonly parameterCount: number;
  /** Where each block sits in `parameters`. */
  readonly blocks: readonly ParameterBlock[];
  /**
   * The fused pass: forward, loss and backward in one call on the backend's kernels.
   * Returns f(params) on `batch` (all its samples at once) and writes ∇f into `grads`.
   * params and grads must be of the model's precision and length; arrays outside the
   * backend's memory are copied in and out. Batch normalization uses the batch's
   * statistics and leaves the running statistics alone (`train` updates them). Checks
   * everything before writing, so a call that throws leaves `grads` untouched.
   *
   * `batch` may also be a {@link PreparedBatch} from {@link Model.prepare}: then the data
   * are neither checked nor copied again, and the result is bit-identical to passing
   * the same `{ x, y, weights, groups }` directly.
   */
  valueAndGradient(params: FloatArray, grads: FloatArray, batch: ModelData | PreparedBatch, options?: ValueAndGradientOptions): number;
  /**
   * Checks `{ x, y, weights, groups }` once (exactly as `valueAndGradient` would) and
   * copies it once into vectors of the backend's memory, for repeated full-batch
   * evaluations — your own loop, or `minimize` over the parameters. Free it when done.
   *
   * @example
   * ```ts
   * const batch = model.prepare({ x, y });              // checked and copied once
   * const grads = vector(model.parameterCount, model.precision);
   * for (let i = 0; i < 100; i++) {
   *   const loss = model.valueAndGradient(model.parameters, grads, batch);  // no checks, no copies
   *   optimizer.step(model.parameters, grads);
   * }
   * batch.free();
   * ```
   */
  prepare(data: ModelData, options?: PrepareOptions): PreparedBatch;
  /**
   * A snapshot of everything training changes — parameters and batch-norm running
   * statistics — with the options the model was made with, a format tag and a version.
   * Copies: later training does not change it.
   *
   * @example
   * ```ts
   * const saved = model.state();                       // structured-clone safe
   * const copy = mlp({ layers: [2, 32, 2], batchNorm: true });
   * copy.loadState(saved);                              // predictions now identical, bit for bit
   * ```
   */
  state(): ModelState;
  /**
   * Restores a state saved by {@link Model.state} into this model, which must be of the
   * same kind, precision and options (any backend). Throws `INVALID_STATE` — and leaves
   * the model unchanged — when the state is corrupted, of another format version, or was
   * saved by a model made differently.
   */
  loadState(state: ModelState): void;
  /** Returns the model's memory (parameters, statistics, work space) to the backend. */
  free(): void;
}
