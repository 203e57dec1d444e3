import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";

/**
 * Pieces both reference kernel sets share: the one summation order of every
 * reduction, and the length check.
 */
export const referenceShared = {
  /**
   * Σ x_i·y_i in the order every backend uses: four interleaved partial sums over the
   * first 4⌊n/4⌋ terms, combined as (s0 + s2) + (s1 + s3), then the tail in order.
   * Products and sums are float64 for both precisions (a product of two float32 values
   * is exact in float64).
   */
  dot(x: FloatArray, y: FloatArray): number {
    const n = x.length;
    const body = n & ~3;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let i = 0;
    for (; i < body; i += 4) {
      s0 += x[i] * y[i];
      s1 += x[i + 1] * y[i + 1];
      s2 += x[i + 2] * y[i + 2];
      s3 += x[i + 3] * y[i + 3];
    }
    let total = s0 + s2 + (s1 + s3);
    for (; i < n; i++) total += x[i] * y[i];
    return total;
  },

  /** max |x_i|: 0 for an empty vector, NaN if any element is NaN. */
  maxAbs(x: FloatArray): number {
    let best = 0;
    for (let i = 0; i < x.length; i++) best = Math.max(best, Math.abs(x[i]));
    return best;
  },

  /** Throws LENGTH_MISMATCH unless b exists and has a's length. */
  sameLength(kernel: string, a: FloatArray, b: FloatArray | null, name: string): void {
    if (b === null || b.length !== a.length) {
      throw new DownhillError(
        "LENGTH_MISMATCH",
        `${kernel}: ${name} has length ${b === null ? "null" : b.length}, expected ${a.length}.`,
        name,
      );
    }
  },
};
