import { DownhillError } from "../DownhillError";

/**
 * Checks the arguments of a line search (internal): φ(0) and φ′(0) finite, φ′(0) < 0,
 * and a positive finite first step. Returns the first step.
 */
export function checkLineStart(
  where: string,
  line: unknown,
  start: { value: number; derivative: number },
  initialStep: number | undefined,
): number {
  if (
    line === null ||
    typeof line !== "object" ||
    typeof (line as { value?: unknown }).value !== "function" ||
    typeof (line as { evaluate?: unknown }).evaluate !== "function"
  ) {
    throw new DownhillError(
      "WRONG_TYPE",
      `${where}: line must be an object with value(step) and evaluate(step, point) methods (a LineFunction).`,
      "line",
    );
  }
  if (start === null || typeof start !== "object") {
    throw new DownhillError("WRONG_TYPE", `${where}: start must be { value: φ(0), derivative: φ′(0) }.`, "start");
  }
  if (typeof start.value !== "number" || !Number.isFinite(start.value)) {
    throw new DownhillError("INVALID_OPTION", `${where}: start.value, φ(0), must be a finite number, got ${String(start.value)}.`, "start.value");
  }
  if (typeof start.derivative !== "number" || !Number.isFinite(start.derivative) || start.derivative >= 0) {
    throw new DownhillError(
      "INVALID_OPTION",
      `${where}: start.derivative, φ′(0), must be a finite negative number (a descent direction), got ${String(start.derivative)}. ` +
        `Search along −gradient, or flip the direction.`,
      "start.derivative",
    );
  }
  const step = initialStep ?? 1;
  if (typeof step !== "number" || !Number.isFinite(step) || step <= 0) {
    throw new DownhillError("INVALID_OPTION", `${where}: initialStep must be a finite number > 0, got ${String(initialStep)}.`, "initialStep");
  }
  return step;
}
