import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";
import { validate } from "../validate";

/**
 * Internal: checks that `grads` is a Float64Array/Float32Array or an array of them
 * (throwing a `DownhillError` that names the offending entry otherwise) and returns
 * it as a list, or null for a single array (so the caller allocates nothing).
 *
 * @example
 * ```ts
 * checkGradients("clipByValue", new Float64Array(3));        // null (a single array)
 * checkGradients("clipByValue", [new Float32Array(2)]);      // the list
 * checkGradients("clipByValue", [[1, 2]]);                   // throws WRONG_TYPE (grads[0])
 * ```
 */
export function checkGradients(functionName: string, grads: unknown): readonly FloatArray[] | null {
  if (grads instanceof Float64Array || grads instanceof Float32Array) {
    validate.floatArray(functionName, "grads", grads);
    return null;
  }
  if (!Array.isArray(grads)) {
    throw new DownhillError(
      "WRONG_TYPE",
      `${functionName}: grads must be a Float64Array/Float32Array or an array of them, got ${describe(grads)}.`,
      "grads",
    );
  }
  for (let k = 0; k < grads.length; k++) validate.floatArray(functionName, `grads[${k}]`, grads[k]);
  return grads as readonly FloatArray[];
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return `a ${(value as object).constructor?.name ?? "object"}`;
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
