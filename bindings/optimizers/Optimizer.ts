import type { FloatArray, Precision } from "../FloatArray";

/**
 * A first-order optimizer used as a drop-in stepper, as with torch.optim or tf.train:
 * compute the gradient yourself, then `step(params, grads)` updates `params` in place.
 *
 * The precision follows the arrays (Float64Array or Float32Array). The first call
 * sizes the optimizer's state; later calls must pass arrays of the same length and
 * type (`reset()` forgets the state). Arrays made by `vector()` are updated with no
 * copy; any other typed array is copied in and out.
 */
export interface Optimizer {
  /** The method, e.g. `"adam"`. */
  readonly name: string;
  /** Steps taken since creation or the last `reset()`. */
  readonly steps: number;
  /** The step size η. Assignable between steps (schedules); must stay finite and > 0. */
  learningRate: number;
  /** Applies one update to `params` in place, given the gradient `grads` (not modified). */
  step(params: FloatArray, grads: FloatArray): void;
  /** Forgets all state (moments, step count) and frees its memory. */
  reset(): void;
  /**
   * A plain copy of the whole state — structured-clone and JSON-friendly apart from the
   * typed arrays — to save and later `loadState` into a fresh optimizer made with the
   * same options, which then continues exactly as if never interrupted.
   */
  state(): OptimizerState;
  /**
   * Replaces this optimizer's state with a saved one. Throws `INVALID_STATE` (and keeps
   * the current state) when the saved state is corrupted, of another format version,
   * from another optimizer, or saved with other options.
   */
  loadState(state: OptimizerState): void;
}

/** Saved optimizer state, as returned by {@link Optimizer.state}. */
export interface OptimizerState {
  /** Always `"downhill/optimizer-state"`. */
  format: string;
  /** Layout version, currently 1. */
  version: number;
  /** The optimizer that saved it, e.g. `"adam"`. */
  optimizer: string;
  /** The options it was made with (numbers and booleans). */
  options: Record<string, number | boolean>;
  learningRate: number;
  steps: number;
  /** Number of parameters (0 before the first step). */
  length: number;
  precision: Precision;
  /** Scalar state such as the running products β1^t, β2^t. */
  scalars: Record<string, number>;
  /** Per-parameter state vectors by name (copies). */
  arrays: Record<string, FloatArray>;
}
