import { DownhillError } from "../DownhillError";
import type { Backend } from "../backends/Backend";
import { currentBackend } from "../init";
import type { Optimizer } from "../optimizers/Optimizer";
import { validate } from "../validate";
import { checkOptions, describe } from "./checkOptions";
import type { DescentMethod } from "./DescentMethod";
import { Evaluator } from "./Evaluator";
import { lbfgs } from "./lbfgs";
import { bound, lbfgsb, type LbfgsbMethod } from "./lbfgsb";
import { runBounded } from "./runBounded";
import { box } from "../projections/box";
import type { IterationInfo, MinimizeOptions } from "./MinimizeOptions";
import type { MinimizeResult } from "./MinimizeResult";
import { MinimizeRun, type RunSettings } from "./MinimizeRun";
import type { Objective } from "./Objective";

const KNOWN = [
  "optimizer",
  "maxIterations",
  "maxEvaluations",
  "gradientTolerance",
  "valueTolerance",
  "stepTolerance",
  "timeLimit",
  "signal",
  "onIteration",
  "record",
  "projection",
  "finiteDifference",
  "bounds",
  "backend",
] as const;

/**
 * Minimizes a smooth function f: ℝⁿ → ℝ from a starting point x0 and says why it
 * stopped — the loop owner of downhill.
 *
 * Each iteration takes one step of the chosen method:
 * - `lbfgs()` (default): limited-memory BFGS with a strong Wolfe line search;
 * - `lbfgsb({ lower, upper })` (the default when `bounds` is given): L-BFGS-B, with
 *   bound constraints, every iterate inside the box;
 * - `conjugateGradient()`: Polak–Ribière+ nonlinear CG;
 * - `gradientDescent()`: steepest descent with backtracking, or with a fixed
 *   `learningRate` (x ← x − η∇f(x));
 * - any stepper such as `adam({ learningRate: 0.01 })` or `sgd(...)`: fixed steps
 *   x ← optimizer.step(x, ∇f(x)), one value and gradient per iteration (the stepper
 *   is reset first).
 *
 * It stops at the first of (checked after every iteration, in this order):
 * ```
 * gradientTolerance   ‖∇f(x)‖∞ ≤ gradientTolerance                       (default 1e-6)
 * valueTolerance      |fₖ − fₖ₊₁| ≤ valueTolerance·max(|fₖ|, |fₖ₊₁|, 1)   (default 0: off)
 * stepTolerance       ‖xₖ₊₁ − xₖ‖∞ ≤ stepTolerance·max(1, ‖xₖ₊₁‖∞)       (default 0: off)
 * stoppedByObserver   onIteration(info) returned true
 * maxIterations       iterations = maxIterations                        (default 1000)
 * ```
 * and, before any evaluation, `maxEvaluations` (default unlimited), `timeLimit` (ms,
 * default unlimited) and `signal` (an AbortSignal) — the result is then the last
 * accepted point. `nonFinite` means the objective returned NaN or ±Infinity where the
 * method had to go on (x is the last finite point); `lineSearchFailed` that not even a
 * steepest-descent step decreased f. See {@link StopReason}.
 *
 * The gradient norm is the infinity norm (the largest |∂f/∂xᵢ|), so gradientTolerance
 * does not grow with n. With a `projection` (projected gradient descent, for
 * `gradientDescent()` and steppers only) it is the projected-gradient measure
 * ‖x − P(x − ∇f(x))‖∞, which is 0 exactly at constrained stationary points.
 *
 * Objectives: a function `(x, gradient?) => number` that fills `gradient` when given,
 * or an object with `value(x)`, `gradient(x, out)`, `valueAndGradient(x, out)` (any
 * problem of `problems` works as is). Value-only objectives — an object with only
 * `value`, or a function declared with one parameter — get finite-difference gradients
 * (`finiteDifference: "central"` by default, or `"forward"`).
 *
 * float64 throughout. All vector work runs on the backend's kernels (`currentBackend()`
 * after `await init()`, or the `backend` option), on work vectors allocated once, in one
 * block of its memory: the objective receives `x` and `gradient` as views into that
 * memory — read x, fill gradient, keep neither. `x0` is never modified; every array in
 * the result is a fresh copy. When the objective throws, `minimize` throws a
 * DownhillError `OBJECTIVE_FAILED` with the original error as `cause` and the
 * evaluation and iteration in the message.
 *
 * @param objective - f, as a function or an object (see {@link Objective}).
 * @param x0 - the starting point: a Float64Array, an array of numbers or a Float32Array
 *   (widened to float64), all finite. It is copied, never modified.
 * @param options - see {@link MinimizeOptions}; unknown names throw.
 * @returns x, f(x), ∇f(x), its norm, counts, and why it stopped ({@link MinimizeResult}).
 * @throws DownhillError `WRONG_TYPE` (objective, x0, optimizer, callbacks),
 * `LENGTH_MISMATCH` (empty x0, or x0 not of length objective.dim), `INVALID_OPTION`,
 * `UNKNOWN_OPTION`, `NOT_INITIALIZED` (no `await init()` and no `backend`),
 * `OBJECTIVE_FAILED`.
 *
 * References: J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed., Springer
 * 2006; the stopping rules follow SciPy's L-BFGS-B and Optim.jl.
 *
 * @example
 * ```ts
 * import { init, minimize, problems, conjugateGradient, adam } from "downhill";
 * await init();
 * const p = problems.rosenbrock();
 * const r = minimize(p, p.x0);                 // L-BFGS
 * r.x;           // ≈ [1, 1]
 * r.reason;      // "gradientTolerance"
 *
 * // A plain function, value and gradient:
 * const bowl = (x: Float64Array, g?: Float64Array) => {
 *   if (g) { g[0] = 2 * x[0]; g[1] = 20 * x[1]; }
 *   return x[0] ** 2 + 10 * x[1] ** 2;
 * };
 * minimize(bowl, [3, -2], { optimizer: conjugateGradient() }).x;          // ≈ [0, 0]
 * minimize(bowl, [3, -2], { optimizer: adam({ learningRate: 0.1 }), maxIterations: 2000 });
 *
 * // Value only: central differences.
 * minimize((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]).x;            // ≈ [1, −2]
 * ```
 */
export function minimize(objective: Objective, x0: Float64Array | readonly number[], options?: MinimizeOptions): MinimizeResult {
  const where = "minimize";
  const o = validate.options(where, options, KNOWN);
  const start = checkOptions.point(where, "x0", x0);

  const bounds = o.bounds === undefined ? undefined : checkBounds(where, o.bounds);
  const optimizer = o.optimizer === undefined ? (bounds ? lbfgsb(bounds) : lbfgs()) : o.optimizer;
  const isMethod = isDescentMethod(optimizer);
  const isBounded = isLbfgsb(optimizer);
  if (!isMethod && !isBounded && !isStepper(optimizer)) {
    throw new DownhillError(
      "WRONG_TYPE",
      `${where}: optimizer must be a method such as lbfgs(), lbfgsb(), conjugateGradient(), gradientDescent(), ` +
        `or a stepper with step(params, grads) such as adam(); got ${describe(optimizer)}.`,
      "optimizer",
    );
  }

  const settings: RunSettings = {
    maxIterations: o.maxIterations === undefined ? 1000 : checkOptions.wholeNumber(where, "maxIterations", o.maxIterations, 0),
    maxEvaluations:
      o.maxEvaluations === undefined || o.maxEvaluations === Infinity
        ? Infinity
        : checkOptions.wholeNumber(where, "maxEvaluations", o.maxEvaluations, 1),
    gradientTolerance: o.gradientTolerance === undefined ? 1e-6 : checkOptions.nonNegative(where, "gradientTolerance", o.gradientTolerance),
    valueTolerance: o.valueTolerance === undefined ? 0 : checkOptions.nonNegative(where, "valueTolerance", o.valueTolerance),
    stepTolerance: o.stepTolerance === undefined ? 0 : checkOptions.nonNegative(where, "stepTolerance", o.stepTolerance),
    timeLimit:
      o.timeLimit === undefined || o.timeLimit === Infinity ? Infinity : checkOptions.positive(where, "timeLimit", o.timeLimit),
    signal: o.signal === undefined ? undefined : checkSignal(where, o.signal),
    onIteration:
      o.onIteration === undefined
        ? undefined
        : (checkOptions.callable(where, "onIteration", o.onIteration) as (info: IterationInfo) => boolean | void),
    record: o.record === undefined ? false : validate.boolean(where, "record", o.record),
    projection: o.projection === undefined ? undefined : checkProjection(where, o.projection),
  };
  if (bounds) {
    if (settings.projection) {
      throw new DownhillError("INVALID_OPTION", `${where}: give bounds or a projection, not both (bounds is a box projection).`, "bounds");
    }
    if (isBounded && o.optimizer !== undefined) {
      throw new DownhillError("INVALID_OPTION", `${where}: give the bounds once: either lbfgsb({ lower, upper }) or the bounds option.`, "bounds");
    }
    if (isMethod && (optimizer as DescentMethod).name !== "gradientDescent") {
      throw new DownhillError(
        "INVALID_OPTION",
        `${where}: ${(optimizer as DescentMethod).name}() ignores bounds; use lbfgsb() (the default with bounds), gradientDescent() or a stepper.`,
        "bounds",
      );
    }
    if (!isBounded) settings.projection = box(bounds as { lower?: number | Float64Array; upper?: number | Float64Array });
  }
  if (isBounded && settings.projection) {
    throw new DownhillError("INVALID_OPTION", `${where}: lbfgsb() takes bounds, not a projection.`, "projection");
  }
  const finiteDifference =
    o.finiteDifference === undefined
      ? undefined
      : checkOptions.oneOf(where, "finiteDifference", o.finiteDifference, ["forward", "central"] as const);

  if (settings.projection && isMethod) {
    const method = optimizer as DescentMethod;
    if (method.name !== "gradientDescent") {
      throw new DownhillError(
        "INVALID_OPTION",
        `${where}: projection works with gradientDescent() or a stepper such as adam(), not with ${method.name}(), ` +
          `whose curvature model ignores the constraint. Use optimizer: gradientDescent().`,
        "projection",
      );
    }
    if (method.lineSearch && method.lineSearch.name !== "backtracking") {
      throw new DownhillError(
        "INVALID_OPTION",
        `${where}: with a projection, gradientDescent() needs a backtracking() line search (searched along the ` +
          `projection arc) or a fixed learningRate; got the ${method.lineSearch.name} line search.`,
        "projection",
      );
    }
  }

  const evaluator = new Evaluator(where, objective, start.length, finiteDifference);
  if (isBounded) return runBounded(evaluator, settings, optimizer as LbfgsbMethod, start);
  const backend = o.backend === undefined ? currentBackend() : checkBackend(where, o.backend);

  if (isMethod) {
    const method = optimizer as DescentMethod;
    const run = new MinimizeRun(evaluator, backend, settings, method.name, start, method.lineSearch ? method.vectorCount(start.length) : 0);
    return method.lineSearch ? run.runDescent(method) : run.runFixedStep({ learningRate: method.learningRate! });
  }
  const stepper = optimizer as Optimizer;
  const run = new MinimizeRun(evaluator, backend, settings, typeof stepper.name === "string" ? stepper.name : "stepper", start, 0);
  return run.runFixedStep({ optimizer: stepper });
}

function isDescentMethod(value: unknown): value is DescentMethod {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as DescentMethod).start === "function" &&
    typeof (value as DescentMethod).vectorCount === "function"
  );
}

function isLbfgsb(value: unknown): value is LbfgsbMethod {
  return value !== null && typeof value === "object" && (value as LbfgsbMethod).name === "lbfgsb" && "historySize" in value;
}

function checkBounds(where: string, value: unknown): { lower?: number | Float64Array; upper?: number | Float64Array } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new DownhillError("WRONG_TYPE", `${where}: bounds must be an object { lower, upper }, got ${describe(value)}.`, "bounds");
  }
  const b = validate.options(`${where} bounds`, value, ["lower", "upper"]);
  return { lower: bound("lower", b.lower), upper: bound("upper", b.upper) };
}

function isStepper(value: unknown): value is Optimizer {
  return value !== null && typeof value === "object" && typeof (value as Optimizer).step === "function";
}

function checkSignal(where: string, value: unknown): AbortSignal {
  if (value === null || typeof value !== "object" || typeof (value as AbortSignal).aborted !== "boolean") {
    throw new DownhillError("WRONG_TYPE", `${where}: signal must be an AbortSignal (from new AbortController().signal), got ${describe(value)}.`, "signal");
  }
  return value as AbortSignal;
}

function checkProjection(where: string, value: unknown): { project(x: Float64Array): void } {
  if (value === null || typeof value !== "object" || typeof (value as { project?: unknown }).project !== "function") {
    throw new DownhillError(
      "WRONG_TYPE",
      `${where}: projection must be an object with a project(x) method that projects x in place (such as box({ lower, upper })), got ${describe(value)}.`,
      "projection",
    );
  }
  return value as { project(x: Float64Array): void };
}

function checkBackend(where: string, value: unknown): Backend {
  const b = value as Backend;
  if (
    value === null ||
    typeof value !== "object" ||
    typeof b.vector !== "function" ||
    typeof b.refresh !== "function" ||
    typeof b.free !== "function" ||
    typeof b.kernels?.float64?.dot !== "function"
  ) {
    throw new DownhillError(
      "WRONG_TYPE",
      `${where}: backend must be a Backend from loadBackend(name) or currentBackend(), got ${describe(value)}.`,
      "backend",
    );
  }
  return b;
}
