import { DownhillError } from "../DownhillError";
import type { LineSearch } from "../lineSearch/LineSearch";
import { validate } from "../validate";

/**
 * Option checks used by minimize, its methods and the line searches (internal), on top
 * of the shared `validate` helpers. Each throws a DownhillError naming the option.
 */
export const checkOptions = {
  /** A whole number ≥ min. */
  wholeNumber(where: string, name: string, value: unknown, min: number): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
      throw new DownhillError(
        "INVALID_OPTION",
        `${where}: ${name} must be a whole number ≥ ${min}, got ${describe(value)}.`,
        name,
      );
    }
    return value;
  },

  /** A number ≥ 0 (finite). */
  nonNegative(where: string, name: string, value: unknown): number {
    return validate.number(where, name, value, { min: 0 });
  },

  /** A number > 0 (finite). */
  positive(where: string, name: string, value: unknown): number {
    return validate.number(where, name, value, { min: 0, minExclusive: true });
  },

  /** One of a list of strings. */
  oneOf<T extends string>(where: string, name: string, value: unknown, allowed: readonly T[]): T {
    if (typeof value !== "string" || !allowed.includes(value as T)) {
      throw new DownhillError(
        "INVALID_OPTION",
        `${where}: ${name} must be ${allowed.map((a) => JSON.stringify(a)).join(" or ")}, got ${describe(value)}.`,
        name,
      );
    }
    return value as T;
  },

  /**
   * A point in ℝⁿ: a Float64Array, a Float32Array (widened) or an array of numbers, with
   * at least one entry, all finite. Returns a fresh Float64Array copy; the argument is
   * never modified.
   */
  point(where: string, name: string, value: unknown): Float64Array {
    let copy: Float64Array;
    if (value instanceof Float64Array || value instanceof Float32Array) {
      validate.floatArray(where, name, value); // reports detached WebAssembly views
      copy = Float64Array.from(value);
    } else if (Array.isArray(value) && value.every((v) => typeof v === "number")) {
      copy = Float64Array.from(value as number[]);
    } else {
      throw new DownhillError(
        "WRONG_TYPE",
        `${where}: ${name} must be a Float64Array (or an array of numbers), got ${describe(value)}.`,
        name,
      );
    }
    if (copy.length === 0) {
      throw new DownhillError("LENGTH_MISMATCH", `${where}: ${name} is empty; it needs one entry per variable.`, name);
    }
    for (let i = 0; i < copy.length; i++) {
      if (!Number.isFinite(copy[i])) {
        throw new DownhillError(
          "INVALID_OPTION",
          `${where}: ${name}[${i}] is ${copy[i]}; every entry of ${name} must be a finite number.`,
          name,
        );
      }
    }
    return copy;
  },

  /** A line search: an object with a search method, such as strongWolfe() or backtracking(). */
  lineSearch(where: string, value: unknown): LineSearch {
    if (value === null || typeof value !== "object" || typeof (value as { search?: unknown }).search !== "function") {
      throw new DownhillError(
        "WRONG_TYPE",
        `${where}: lineSearch must be a line search such as strongWolfe() or backtracking(), got ${describe(value)}.`,
        "lineSearch",
      );
    }
    return value as LineSearch;
  },

  /** A function. */
  callable(where: string, name: string, value: unknown): (...args: never[]) => unknown {
    if (typeof value !== "function") {
      throw new DownhillError("WRONG_TYPE", `${where}: ${name} must be a function, got ${describe(value)}.`, name);
    }
    return value as (...args: never[]) => unknown;
  },
};

/** A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an Array";
  if (typeof value === "function") return "a function";
  if (typeof value === "object") return `a ${(value as object).constructor?.name ?? "object"}`;
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}
