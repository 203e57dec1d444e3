import type { FloatArray } from "./FloatArray";
import { currentBackend } from "./init";

/** Returns a vector made by {@link vector} to the current backend's memory. */
export function free(vector: FloatArray): void {
  currentBackend().free(vector);
}
