import { DownhillError } from "../DownhillError";
import type { FloatArray, Precision } from "../FloatArray";
import { validate } from "../validate";
import type { Backend } from "./Backend";
import { referenceKernels } from "./referenceKernels";

/**
 * The pure-TypeScript backend: {@link referenceKernels} on ordinary typed arrays. It
 * owns every Float64Array and Float32Array, so nothing is ever copied.
 */
export const tsBackend: Backend = {
  name: "ts",
  kernels: referenceKernels,
  vector(length: number, precision: Precision = "float64") {
    validate.number("vector", "length", length, { min: 0 });
    if (!Number.isInteger(length)) {
      throw new DownhillError("INVALID_OPTION", `vector: length must be a whole number, got ${length}.`, "length");
    }
    if (precision === "float32") return new Float32Array(length) as never;
    if (precision === "float64") return new Float64Array(length) as never;
    throw new DownhillError("INVALID_OPTION", `vector: precision must be "float64" or "float32", got ${String(precision)}.`, "precision");
  },
  free() {},
  refresh<A extends FloatArray>(vector: A): A {
    return vector;
  },
  owns() {
    return true;
  },
  generation: 0,
};
