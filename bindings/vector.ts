import type { FloatArray, Precision } from "./FloatArray";
import { currentBackend } from "./init";

/**
 * A zero-filled vector of `length` elements owned by the current backend (the one
 * `init()` chose). On the WebAssembly backends it is a Float64Array or Float32Array
 * view straight into linear memory, so optimizers update it with no copy; on the TS
 * backend it is an ordinary typed array.
 *
 * Allocate parameters and gradients first, then create optimizers: memory grows only
 * when a request does not fit, and growth detaches older views (use {@link refresh}).
 *
 * @example
 * ```ts
 * await init();
 * const params = vector(1000);              // Float64Array in WASM memory
 * const grads = vector(1000, "float32");    // Float32Array
 * ```
 */
export function vector(length: number, precision?: "float64"): Float64Array;
export function vector(length: number, precision: "float32"): Float32Array;
export function vector(length: number, precision?: Precision): FloatArray;
export function vector(length: number, precision: Precision = "float64"): FloatArray {
  return currentBackend().vector(length, precision);
}
