import type { FloatArray } from "../FloatArray";

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
}
