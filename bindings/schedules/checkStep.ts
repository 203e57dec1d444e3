import { DownhillError } from "../DownhillError";

/**
 * Internal: throws a `DownhillError` (INVALID_OPTION, argument "step") unless `step` is
 * an integer in [0, 2^53 − 1]; returns it.
 *
 * @example
 * ```ts
 * checkStep("cosineSchedule.learningRate", 3);     // 3
 * checkStep("cosineSchedule.learningRate", 2.5);   // throws INVALID_OPTION (step)
 * ```
 */
export function checkStep(functionName: string, step: unknown): number {
  if (typeof step !== "number" || !Number.isSafeInteger(step) || step < 0) {
    throw new DownhillError(
      "INVALID_OPTION",
      `${functionName}: step must be an integer ≥ 0 (the first step is 0), got ${
        typeof step === "string" ? JSON.stringify(step) : String(step)
      }.`,
      "step",
    );
  }
  return step;
}
