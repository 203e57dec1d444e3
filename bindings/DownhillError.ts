/**
 * What went wrong, as a stable machine-readable code.
 *
 * - `UNKNOWN_OPTION` — an options object has a key the function does not know.
 * - `INVALID_OPTION` — an option has a value outside its domain (NaN, Infinity, negative, …).
 * - `WRONG_TYPE` — an argument is not of the expected type (e.g. a plain array where a
 *   Float64Array or Float32Array is required).
 * - `LENGTH_MISMATCH` — arrays that must have the same length do not.
 * - `PRECISION_MISMATCH` — a float32 array where float64 is expected, or the reverse.
 * - `STALE_VIEW` — a downhill vector whose memory has grown since it was made; call
 *   `refresh(vector)` (or allocate vectors before creating optimizers).
 * - `FOREIGN_MEMORY` — a kernel was given an array that does not live in its backend's memory.
 * - `NOT_INITIALIZED` — a call needs a backend and `await init()` has not finished.
 * - `BACKEND_UNAVAILABLE` — the requested backend cannot run in this environment.
 * - `OBJECTIVE_FAILED` — the objective function threw; the original error is the
 *   DownhillError's `cause`, and the message says at which evaluation (and iteration).
 * - `INVALID_STATE` — saved optimizer state that is corrupted, from another optimizer or
 *   version, or saved with other options.
 * - `INVALID_DATA` — training or evaluation data with a NaN or infinite value, a label out
 *   of range, a negative weight, or no samples; the message gives the row and column.
 */
export type DownhillErrorCode =
  | "UNKNOWN_OPTION"
  | "INVALID_OPTION"
  | "WRONG_TYPE"
  | "LENGTH_MISMATCH"
  | "PRECISION_MISMATCH"
  | "STALE_VIEW"
  | "FOREIGN_MEMORY"
  | "NOT_INITIALIZED"
  | "BACKEND_UNAVAILABLE"
  | "OBJECTIVE_FAILED"
  | "INVALID_STATE"
  | "INVALID_DATA";

/**
 * The one error type downhill throws for bad input. `code` says what kind of problem
 * it is, `argument` names the argument or option at fault, and the message says how
 * to fix it. When a call throws a `DownhillError`, nothing the caller passed has been
 * modified.
 *
 * @example
 * ```ts
 * try {
 *   adam({ learningRate: -1 });
 * } catch (error) {
 *   if (error instanceof DownhillError) console.log(error.code, error.argument);
 *   // INVALID_OPTION learningRate
 * }
 * ```
 */
export class DownhillError extends Error {
  /** Machine-readable kind of failure. */
  readonly code: DownhillErrorCode;
  /** The argument or option the error is about, e.g. `"learningRate"` or `"grads"`. */
  readonly argument: string | undefined;

  constructor(code: DownhillErrorCode, message: string, argument?: string) {
    super(message);
    this.name = "DownhillError";
    this.code = code;
    this.argument = argument;
  }
}
