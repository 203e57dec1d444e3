import type { Backend } from "../backends/Backend";
import type { FiniteDifferenceMethod } from "../finiteDifference/estimateGradient";
import type { Optimizer } from "../optimizers/Optimizer";
import type { DescentMethod } from "./DescentMethod";
import type { LbfgsbMethod } from "./lbfgsb";

/** What `onIteration` receives after every iteration. */
export interface IterationInfo {
  /** 1 after the first step, 2 after the second, … */
  iteration: number;
  /**
   * The new iterate: a view into the run's memory, valid only during the call. Do not
   * modify it; copy it (`info.x.slice()`) to keep it.
   */
  x: Float64Array;
  /** f(x). */
  value: number;
  /** ‖∇f(x)‖∞ (projected with a projection). */
  gradientNorm: number;
  /** ‖xₖ − xₖ₋₁‖∞, the length of the step just taken. */
  stepNorm: number;
  /** Objective values computed so far. */
  evaluations: number;
  /** Gradients computed so far. */
  gradientEvaluations: number;
  /** Milliseconds since the run started. */
  elapsed: number;
}

/** Options of `minimize`. Every one is optional; unknown names throw. */
export interface MinimizeOptions {
  /**
   * The method: `lbfgs()` (default), `conjugateGradient()`, `gradientDescent()`, or any
   * stepper such as `adam({ learningRate: 0.01 })` or `sgd(...)`, which then runs
   * fixed-step iterations x ← step(x, ∇f(x)) (reset before the run).
   */
  optimizer?: DescentMethod | LbfgsbMethod | Optimizer;
  /**
   * Bound constraints lower ≤ x ≤ upper (numbers, or arrays with one entry per variable;
   * ±Infinity for none). Solved with `lbfgsb()` by default; with `gradientDescent()` or a
   * stepper they become a box projection (projected gradient descent).
   */
  bounds?: { lower?: number | Float64Array | readonly number[]; upper?: number | Float64Array | readonly number[] };
  /** Most iterations (accepted steps). Default 1000. */
  maxIterations?: number;
  /**
   * Most objective values computed (finite-difference ones included; analytic
   * `gradient` calls are not values). Default unlimited. The evaluation at x0 is always made.
   */
  maxEvaluations?: number;
  /** Stop when ‖∇f(x)‖∞ ≤ gradientTolerance. Default 1e-6. 0 disables. */
  gradientTolerance?: number;
  /** Stop when |fₖ − fₖ₊₁| ≤ valueTolerance·max(|fₖ|, |fₖ₊₁|, 1). Default 0 (off). */
  valueTolerance?: number;
  /** Stop when ‖xₖ₊₁ − xₖ‖∞ ≤ stepTolerance·max(1, ‖xₖ₊₁‖∞). Default 0 (off). */
  stepTolerance?: number;
  /** Stop after this many milliseconds (checked before each evaluation). Default unlimited. */
  timeLimit?: number;
  /** Stop when this signal is aborted (checked before each evaluation). */
  signal?: AbortSignal;
  /** Called after every iteration; return `true` to stop (reason `stoppedByObserver`). */
  onIteration?: (info: IterationInfo) => boolean | void;
  /** Keep every iterate and its value in `result.trajectory`. Default false. */
  record?: boolean;
  /**
   * Projected gradient descent: `project(x)` replaces x in place by its projection onto
   * a closed convex set (see `bindings/projections`). Applied to x0 and after every
   * step. Only with `gradientDescent()` (fixed step, or a backtracking search along the
   * projection arc) or a stepper.
   */
  projection?: { project(x: Float64Array): void };
  /**
   * How value-only objectives get their gradient: `"central"` (default, 2n values per
   * gradient) or `"forward"` (n). An error for objectives that have a gradient.
   */
  finiteDifference?: FiniteDifferenceMethod;
  /** The backend whose kernels and memory the run uses. Default `currentBackend()`. */
  backend?: Backend;
}
