import { DownhillError } from "../DownhillError";
import { validate } from "../validate";

/** Options of {@link lbfgsb}. */
export interface LbfgsbMethodOptions {
  /** Lower bounds: one number for every variable, or one per variable (−Infinity: none). Default −Infinity. */
  lower?: number | Float64Array | readonly number[];
  /** Upper bounds, as `lower`. Default +Infinity. */
  upper?: number | Float64Array | readonly number[];
  /** Number m of correction pairs kept. Default 10. */
  historySize?: number;
}

/** The L-BFGS-B method for `minimize`: configuration only, one object serves many runs. */
export interface LbfgsbMethod {
  readonly name: "lbfgsb";
  readonly lower: number | Float64Array | undefined;
  readonly upper: number | Float64Array | undefined;
  readonly historySize: number;
}

/**
 * L-BFGS-B for `minimize`: limited-memory BFGS with bound constraints
 * lower ≤ x ≤ upper (Byrd, Lu, Nocedal & Zhu 1995; Morales & Nocedal 2011) — the
 * generalized Cauchy point along the projected steepest-descent path, subspace
 * minimization over the free variables, and a Moré–Thuente line search that keeps
 * every iterate inside the box. See `lbfgsbMinimize` for the algorithm.
 *
 * In `minimize`, `gradientTolerance` is the projected-gradient test
 * ‖P(x − ∇f(x)) − x‖∞ ≤ gradientTolerance; `valueTolerance` is the relative reduction
 * test (f_k − f_{k+1})/max(|f_k|, |f_{k+1}|, 1) ≤ valueTolerance, which for this method
 * defaults to 1e7·ε ≈ 2.2e-9 (SciPy's `factr`); `stepTolerance` is checked after every
 * iteration. `minimize(f, x0, { bounds: { lower, upper } })` picks this method by itself.
 *
 * @example
 * ```ts
 * const r = minimize(problems.rosenbrock(), [-1.2, 1], { optimizer: lbfgsb({ upper: [0.8, 2] }) });
 * r.x;        // [0.8, 0.64]
 * ```
 */
export function lbfgsb(options?: LbfgsbMethodOptions): LbfgsbMethod {
  const o = validate.options("lbfgsb", options, ["lower", "upper", "historySize"]);
  const historySize = validate.number("lbfgsb", "historySize", o.historySize ?? 10, { min: 1 });
  if (!Number.isInteger(historySize)) {
    throw new DownhillError("INVALID_OPTION", `lbfgsb: historySize must be a whole number ≥ 1, got ${historySize}.`, "historySize");
  }
  return {
    name: "lbfgsb",
    lower: bound("lower", o.lower),
    upper: bound("upper", o.upper),
    historySize,
  };
}

/** A bound as lbfgsbMinimize takes it (a number or a Float64Array copy); checked fully at minimize time. */
export function bound(name: string, value: unknown): number | Float64Array | undefined {
  if (value === undefined || typeof value === "number") return value;
  if (value instanceof Float64Array || value instanceof Float32Array || Array.isArray(value)) return Float64Array.from(value as ArrayLike<number>);
  throw new DownhillError(
    "WRONG_TYPE",
    `lbfgsb: ${name} must be a number or an array of numbers (one per variable), got ${typeof value}.`,
    name,
  );
}
