import type { FloatArray } from "./FloatArray";
import { currentBackend } from "./init";

/**
 * A live view of a downhill vector made by {@link vector}. WebAssembly memory growth
 * detaches every existing view; passing a detached view anywhere throws a `STALE_VIEW`
 * DownhillError, and `refresh` gives a working view of the same (unchanged) data.
 * Returns the argument itself when it is still live.
 *
 * @example
 * ```ts
 * params = refresh(params);
 * ```
 */
export function refresh<A extends FloatArray>(vector: A): A {
  return currentBackend().refresh(vector);
}
