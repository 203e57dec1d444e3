import { DownhillError } from "../DownhillError";
import { validate } from "../validate";

/**
 * Internal: validates an integer option (a finite number with no fractional part, at
 * least `min`, at most 2^53 − 1) and returns it; throws a `DownhillError` otherwise.
 *
 * @example
 * ```ts
 * integerOption("stepSchedule", "stepSize", 30, 1);   // 30
 * integerOption("stepSchedule", "stepSize", 0, 1);    // throws INVALID_OPTION (stepSize)
 * ```
 */
export function integerOption(functionName: string, name: string, value: unknown, min: number): number {
  const n = validate.number(functionName, name, value, { min });
  if (!Number.isSafeInteger(n)) {
    throw new DownhillError("INVALID_OPTION", `${functionName}: ${name} must be an integer ≥ ${min}, got ${n}.`, name);
  }
  return n;
}
