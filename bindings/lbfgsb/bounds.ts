import { DownhillError } from "../DownhillError";

/** The box l ≤ x ≤ u as two full-length arrays, with summary flags. */
export interface ResolvedBounds {
  /** lᵢ, −Infinity where unbounded below (a fresh array). */
  lower: Float64Array;
  /** uᵢ, +Infinity where unbounded above (a fresh array). */
  upper: Float64Array;
  /** Some coordinate has a finite bound (L-BFGS-B's `cnstnd`). */
  constrained: boolean;
  /** Every coordinate has two finite bounds (L-BFGS-B's `boxed`). */
  boxed: boolean;
}

/**
 * Checks and expands the `lower`/`upper` options of a bound-constrained method into
 * two Float64Arrays of length n (copies: later changes to the caller's arrays have no
 * effect).
 *
 * Each bound is a number (the same for every coordinate) or a Float64Array with one
 * entry per coordinate; undefined means no bound (−Infinity / +Infinity). Rules,
 * each broken with a {@link DownhillError} naming the option:
 * - WRONG_TYPE — neither a number nor a Float64Array;
 * - LENGTH_MISMATCH — an array whose length is not n;
 * - INVALID_OPTION — NaN, a lower bound of +Infinity or an upper bound of −Infinity
 *   (no feasible point), or lᵢ > uᵢ (argument "lower"; the message gives the index).
 *
 * lᵢ = uᵢ is allowed: that coordinate is fixed.
 *
 * @example
 * ```ts
 * const b = resolveBounds("lbfgsbMinimize", 0, new Float64Array([1, Infinity]), 2);
 * // b.lower = [0, 0], b.upper = [1, Infinity], b.constrained = true, b.boxed = false
 * ```
 */
export function resolveBounds(functionName: string, lower: unknown, upper: unknown, n: number): ResolvedBounds {
  const lo = expand(functionName, "lower", lower, n, -Infinity);
  const hi = expand(functionName, "upper", upper, n, Infinity);
  let constrained = false;
  let boxed = true;
  for (let i = 0; i < n; i++) {
    if (lo[i] > hi[i]) {
      throw new DownhillError(
        "INVALID_OPTION",
        `${functionName}: lower must be ≤ upper in every coordinate, got lower[${i}] = ${lo[i]} > upper[${i}] = ${hi[i]}.`,
        "lower",
      );
    }
    const finiteLower = lo[i] > -Infinity;
    const finiteUpper = hi[i] < Infinity;
    if (finiteLower || finiteUpper) constrained = true;
    if (!(finiteLower && finiteUpper)) boxed = false;
  }
  return { lower: lo, upper: hi, constrained, boxed };
}

function expand(functionName: string, name: "lower" | "upper", value: unknown, n: number, fallback: number): Float64Array {
  const out = new Float64Array(n);
  const forbidden = name === "lower" ? Infinity : -Infinity;
  const check = (v: number, where: string): void => {
    if (Number.isNaN(v) || v === forbidden) {
      throw new DownhillError(
        "INVALID_OPTION",
        `${functionName}: ${name}${where} must be a number other than NaN and ${forbidden} ` +
          `(use ${fallback} for "no bound"), got ${v}.`,
        name,
      );
    }
  };
  if (value === undefined) return out.fill(fallback);
  if (typeof value === "number") {
    check(value, "");
    return out.fill(value);
  }
  if (!(value instanceof Float64Array)) {
    const got = value === null ? "null" : Array.isArray(value) ? "an Array" : typeof value === "object" ? `a ${value.constructor?.name ?? "object"}` : typeof value;
    throw new DownhillError(
      "WRONG_TYPE",
      `${functionName}: ${name} must be a number or a Float64Array with one bound per coordinate, got ${got}. ` +
        `Convert with Float64Array.from(${name}).`,
      name,
    );
  }
  if (value.length !== n) {
    throw new DownhillError(
      "LENGTH_MISMATCH",
      `${functionName}: ${name} has ${value.length} entries but x0 has ${n}; give one bound per coordinate (or one number for all).`,
      name,
    );
  }
  for (let i = 0; i < n; i++) check(value[i], `[${i}]`);
  out.set(value);
  return out;
}
