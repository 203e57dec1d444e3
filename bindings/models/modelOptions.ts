import type { Backend } from "../backends/Backend";
import { DownhillError } from "../DownhillError";
import type { Precision } from "../FloatArray";
import { currentBackend } from "../init";
import { validate } from "../validate";

/** Option checks shared by the model factories. */
export const modelOptions = {
  /** A whole number ≥ min. */
  count(where: string, name: string, value: unknown, min = 1): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
      throw new DownhillError("INVALID_OPTION", `${where}: ${name} must be a whole number ≥ ${min}, got ${String(value)}.`, name);
    }
    return value;
  },
  /** A required whole number ≥ min. */
  required(where: string, name: string, value: unknown, min = 1): number {
    if (value === undefined) throw new DownhillError("INVALID_OPTION", `${where}: ${name} is required (a whole number ≥ ${min}).`, name);
    return modelOptions.count(where, name, value, min);
  },
  /** The L2 coefficient: a finite number ≥ 0, default 0. */
  l2(where: string, value: unknown): number {
    return validate.number(where, "l2", value ?? 0, { min: 0 });
  },
  precision(where: string, value: unknown): Precision {
    const p = value ?? "float64";
    if (p !== "float64" && p !== "float32") {
      throw new DownhillError("INVALID_OPTION", `${where}: precision must be "float64" or "float32", got ${JSON.stringify(p)}.`, "precision");
    }
    return p;
  },
  /** A Backend from loadBackend(), or the current one (after init()). */
  backend(where: string, value: unknown): Backend {
    if (value === undefined) return currentBackend();
    const b = value as Backend;
    if (value === null || typeof value !== "object" || typeof b.vector !== "function" || typeof b.refresh !== "function" || !b.kernels) {
      throw new DownhillError("WRONG_TYPE", `${where}: backend must be a Backend from loadBackend(name) or currentBackend().`, "backend");
    }
    return b;
  },
  /** One of the allowed strings. */
  oneOf<T extends string>(where: string, name: string, value: unknown, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) {
      throw new DownhillError(
        "INVALID_OPTION",
        `${where}: ${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${JSON.stringify(value)}.`,
        name,
      );
    }
    return value as T;
  },
};
