/**
 * Why `minimize` stopped.
 *
 * Converged (`converged: true`):
 * - `gradientTolerance` — ‖∇f(x)‖∞ ≤ gradientTolerance (with a `projection`, the
 *   projected-gradient measure ‖x − P(x − ∇f(x))‖∞).
 * - `valueTolerance` — |fₖ − fₖ₊₁| ≤ valueTolerance·max(|fₖ|, |fₖ₊₁|, 1).
 * - `stepTolerance` — ‖xₖ₊₁ − xₖ‖∞ ≤ stepTolerance·max(1, ‖xₖ₊₁‖∞).
 *
 * Stopped by a limit or by the caller (`converged: false`; x is the best point so far):
 * - `maxIterations`, `maxEvaluations`, `timeLimit` — a budget ran out.
 * - `aborted` — the `signal` was aborted.
 * - `stoppedByObserver` — `onIteration` returned true.
 *
 * Failed (`converged: false`):
 * - `nonFinite` — the objective returned NaN or ±Infinity (value or gradient) at a
 *   point the method had to accept (at x0, after a fixed step, or as a gradient);
 *   x is the last point where everything was finite.
 * - `lineSearchFailed` — no step along steepest descent decreased f enough: the
 *   gradient is inconsistent with the values (a wrong gradient, noise, or the limit
 *   of floating-point precision near a minimum).
 */
export type StopReason =
  | "gradientTolerance"
  | "valueTolerance"
  | "stepTolerance"
  | "maxIterations"
  | "maxEvaluations"
  | "timeLimit"
  | "aborted"
  | "stoppedByObserver"
  | "nonFinite"
  | "lineSearchFailed";

/** One iterate kept by `minimize` with `record: true`. */
export interface TrajectoryPoint {
  /** 0 for the starting point, then 1, 2, … */
  iteration: number;
  /** The iterate (a copy). */
  x: Float64Array;
  /** f(x). */
  value: number;
}

/** What `minimize` returns. Every array is a fresh copy owned by the caller. */
export interface MinimizeResult {
  /** The final point: the last accepted iterate. */
  x: Float64Array;
  /** f(x). */
  value: number;
  /** ∇f(x) (a finite-difference estimate for value-only objectives). */
  gradient: Float64Array;
  /** ‖∇f(x)‖∞, or with a projection ‖x − P(x − ∇f(x))‖∞. */
  gradientNorm: number;
  /** Accepted steps taken. */
  iterations: number;
  /** Objective values computed, finite-difference ones included. */
  evaluations: number;
  /** Gradients computed (analytic or finite-difference). */
  gradientEvaluations: number;
  /** Why the run stopped. */
  reason: StopReason;
  /** True when `reason` is gradientTolerance, valueTolerance or stepTolerance. */
  converged: boolean;
  /** One sentence on why the run stopped, for people. */
  message: string;
  /** Milliseconds the run took. */
  elapsed: number;
  /** The method: `"lbfgs"`, `"conjugateGradient"`, `"gradientDescent"`, or a stepper's name such as `"adam"`. */
  optimizer: string;
  /** With `record: true`: x0 (projected, if a projection was given) and every iterate. */
  trajectory?: TrajectoryPoint[];
}
