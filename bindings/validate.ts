import { DownhillError } from "./DownhillError";
import type { FloatArray } from "./FloatArray";
import { isStaleView } from "./backends/staleBuffers";

/**
 * Argument checks shared by every public function. Each throws a {@link DownhillError}
 * that names the argument and says how to fix it; none modifies its input.
 */
export const validate = {
  /** Rejects anything but a plain object, and any key not in `known`. */
  options(functionName: string, options: unknown, known: readonly string[]): Record<string, unknown> {
    if (options === undefined) return {};
    if (options === null || typeof options !== "object" || Array.isArray(options)) {
      throw new DownhillError(
        "WRONG_TYPE",
        `${functionName}: options must be an object such as { ${known[0]}: … }, got ${describe(options)}.`,
        "options",
      );
    }
    for (const key of Object.keys(options)) {
      if (!known.includes(key)) {
        const hint = closest(key, known);
        throw new DownhillError(
          "UNKNOWN_OPTION",
          `${functionName}: unknown option "${key}"${hint ? ` (did you mean "${hint}"?)` : ""}. ` +
            `Known options: ${known.join(", ")}.`,
          key,
        );
      }
    }
    return options as Record<string, unknown>;
  },

  /** A finite number within [min, max] (bounds exclusive where asked). */
  number(
    functionName: string,
    name: string,
    value: unknown,
    range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean } = {},
  ): number {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new DownhillError(
        "INVALID_OPTION",
        `${functionName}: ${name} must be a finite number${rangeText(range)}, got ${describe(value)}.`,
        name,
      );
    }
    const { min, max, minExclusive = false, maxExclusive = false } = range;
    const tooLow = min !== undefined && (minExclusive ? value <= min : value < min);
    const tooHigh = max !== undefined && (maxExclusive ? value >= max : value > max);
    if (tooLow || tooHigh) {
      throw new DownhillError(
        "INVALID_OPTION",
        `${functionName}: ${name} must be${rangeText(range)}, got ${value}.`,
        name,
      );
    }
    return value;
  },

  boolean(functionName: string, name: string, value: unknown): boolean {
    if (typeof value !== "boolean") {
      throw new DownhillError("INVALID_OPTION", `${functionName}: ${name} must be true or false, got ${describe(value)}.`, name);
    }
    return value;
  },

  /** A Float64Array or Float32Array that is not a stale downhill view. */
  floatArray(functionName: string, name: string, value: unknown): FloatArray {
    if (!(value instanceof Float64Array || value instanceof Float32Array)) {
      throw new DownhillError(
        "WRONG_TYPE",
        `${functionName}: ${name} must be a Float64Array or Float32Array, got ${describe(value)}. ` +
          `Convert with Float64Array.from(${name}).`,
        name,
      );
    }
    if (isStaleView(value)) {
      throw new DownhillError(
        "STALE_VIEW",
        `${functionName}: ${name} is a downhill vector whose WebAssembly memory has grown since it was made, ` +
          `so the view is detached. Call refresh(${name}) for a live view, or allocate vectors before optimizers.`,
        name,
      );
    }
    return value;
  },
};

function rangeText(range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean }): string {
  const parts: string[] = [];
  if (range.min !== undefined) parts.push(`${range.minExclusive ? ">" : "≥"} ${range.min}`);
  if (range.max !== undefined) parts.push(`${range.maxExclusive ? "<" : "≤"} ${range.max}`);
  return parts.length ? ` ${parts.join(" and ")}` : "";
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an Array";
  if (typeof value === "object") return `a ${(value as object).constructor?.name ?? "object"}`;
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

/** The known name nearest to a misspelt one (edit distance ≤ 3), for the error message. */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
