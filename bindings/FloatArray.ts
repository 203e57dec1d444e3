/** Element precision of a vector: IEEE-754 binary64 or binary32. */
export type Precision = "float64" | "float32";

/** The array types downhill computes on; the precision follows from the type. */
export type FloatArray = Float64Array | Float32Array;

/** The precision of a Float64Array or Float32Array. */
export function precisionOf(array: FloatArray): Precision {
  return array instanceof Float32Array ? "float32" : "float64";
}
