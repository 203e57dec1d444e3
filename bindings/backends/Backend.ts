import type { FloatArray, Precision } from "../FloatArray";
import type { BackendName, Kernels } from "./Kernels";

/**
 * One loaded backend: its kernels and its memory. Obtain it from `loadBackend(name)`
 * or, for the default chosen by `init()`, from `currentBackend()`.
 */
export interface Backend {
  /** `"wasm-simd"`, `"wasm"` or `"ts"`. */
  readonly name: BackendName;
  /** The hot loops, one set per precision. */
  readonly kernels: Kernels;
  /**
   * A zero-filled vector of `length` elements in this backend's memory: on the
   * WebAssembly backends a typed-array view into linear memory, so kernels and
   * optimizers use it with no copy.
   */
  vector(length: number, precision?: "float64"): Float64Array;
  vector(length: number, precision: "float32"): Float32Array;
  vector(length: number, precision?: Precision): FloatArray;
  /** Returns a vector's memory to the backend; the array must not be used afterwards. */
  free(vector: FloatArray): void;
  /**
   * A live view of the same vector. WebAssembly memory growth detaches existing views;
   * this rebuilds one (returning the same array when it is still live).
   */
  refresh<A extends FloatArray>(vector: A): A;
  /** True when `array` lives in this backend's memory, so kernels can use it in place. */
  owns(array: FloatArray): boolean;
  /**
   * Counts memory growths (always 0 on `ts`). Views made while it had another value may
   * be detached; code that caches views compares it instead of refreshing every time.
   */
  readonly generation: number;
  /**
   * The byte address of `array` in this backend's WebAssembly memory, for code that calls
   * the module's exports directly (model kernels). Throws `FOREIGN_MEMORY` or `STALE_VIEW`
   * naming `argument` when the array lives elsewhere. Not available on the `ts` backend.
   */
  address?(array: FloatArray, argument: string): number;
  /** The instantiated module's exports (WebAssembly backends only). */
  readonly exports?: Readonly<Record<string, unknown>>;
}
