/**
 * One point of a line function: the step α, φ(α) and φ′(α).
 *
 * Line searches own a few of these and pass them to {@link LineFunction.evaluate},
 * which fills them in; nothing is allocated per evaluation.
 */
export interface LinePoint {
  /** The step α. */
  step: number;
  /** φ(α). */
  value: number;
  /** φ′(α); NaN when only the value was computed. */
  derivative: number;
}

/**
 * The one-dimensional function a line search minimizes: the objective along a ray,
 * ```
 * φ(α) = f(x + α·d),     φ′(α) = ∇f(x + α·d)ᵀd
 * ```
 * for a point x and a descent direction d (φ′(0) < 0). `minimize` builds one for every
 * iteration; to use a line search directly, write one for your own 1-D function.
 *
 * A non-finite φ(α) or φ′(α) tells the search that α is too long (outside the domain,
 * or overflowing); both searches then shorten the step.
 *
 * @example
 * ```ts
 * // φ(α) = (α − 2)², φ′(α) = 2(α − 2)
 * const line: LineFunction = {
 *   value: (a) => (a - 2) ** 2,
 *   evaluate(a, point) {
 *     point.step = a;
 *     point.value = (a - 2) ** 2;
 *     point.derivative = 2 * (a - 2);
 *   },
 * };
 * ```
 */
export interface LineFunction {
  /** φ(α) only — all that a backtracking search needs. */
  value(step: number): number;
  /** φ(α) and φ′(α), written to `point` (with `point.step = step`). */
  evaluate(step: number, point: LinePoint): void;
}

/**
 * How a line search ended.
 *
 * - `"strongWolfe"` — both strong Wolfe conditions hold at `step`:
 *   φ(α) ≤ φ(0) + c1·α·φ′(0) and |φ′(α)| ≤ c2·|φ′(0)|.
 * - `"sufficientDecrease"` — only the Armijo (sufficient decrease) condition
 *   φ(α) ≤ φ(0) + c1·α·φ′(0) is promised: what backtracking guarantees, and what
 *   strong Wolfe falls back to when rounding errors, the step bounds or its evaluation
 *   budget stop it first.
 * - `"failed"` — no step with sufficient decrease was found; `step` is 0 and `value`
 *   is φ(0).
 */
export type LineSearchStatus = "strongWolfe" | "sufficientDecrease" | "failed";

/** What {@link LineSearch.search} returns. */
export interface LineSearchResult {
  /** The accepted step α (0 when the search failed). */
  step: number;
  /** φ(step). */
  value: number;
  /** φ′(step); NaN when the search evaluated only values there (backtracking). */
  derivative: number;
  /** Number of calls to the line function (value or evaluate). */
  evaluations: number;
  /** Which conditions hold at `step`. */
  status: LineSearchStatus;
  /** status !== "failed". */
  ok: boolean;
  /** A sentence on how the search ended, for diagnostics. */
  message: string;
}

/**
 * A step-length rule: given φ(0) and φ′(0) < 0 of a {@link LineFunction}, find a step
 * α > 0 that decreases φ enough. Made by {@link strongWolfe} or {@link backtracking};
 * `minimize`'s methods take one as their `lineSearch` option.
 *
 * `search` is synchronous and keeps no state between calls, so one line search may
 * serve many runs.
 *
 * @example
 * ```ts
 * const search = strongWolfe({ curvature: 0.1 });
 * const result = search.search(line, { value: 4, derivative: -4 }, 1); // the line above
 * // result.status === "strongWolfe", result.step ≈ 2 (the minimizer of (α − 2)²)
 * ```
 */
export interface LineSearch {
  /** `"strongWolfe"` or `"backtracking"`. */
  readonly name: string;
  /** The sufficient-decrease (Armijo) constant c1 ∈ (0, 1). */
  readonly sufficientDecrease: number;
  /** The most evaluations of φ one search may use. */
  readonly maxEvaluations: number;
  /**
   * Searches along the line from `start` = (φ(0), φ′(0)), trying `initialStep` first
   * (default 1). Throws a `DownhillError` (`INVALID_OPTION`) when φ(0) or φ′(0) is not
   * finite, φ′(0) ≥ 0 (not a descent direction), or `initialStep` is not positive.
   */
  search(line: LineFunction, start: { value: number; derivative: number }, initialStep?: number): LineSearchResult;
}
