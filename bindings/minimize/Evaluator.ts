import { DownhillError } from "../DownhillError";
import { estimateGradient, type FiniteDifferenceMethod } from "../finiteDifference/estimateGradient";
import { describe } from "./checkOptions";
import type { ObjectiveFunction, ObjectiveObject } from "./Objective";

/** Errors the evaluator itself raised, which must not be rewrapped as OBJECTIVE_FAILED. */
const ownErrors = new WeakSet<object>();

/**
 * The one normalized view of an objective that minimize, gradientCheck and
 * finiteDifferenceGradient work with (internal). It
 * - accepts a function `(x, gradient?) => number` or an object with `value`,
 *   `gradient`, `valueAndGradient`, and builds whatever is missing (a value-only
 *   objective gets a finite-difference gradient);
 * - counts value evaluations (finite differences included) and gradient evaluations;
 * - calls `before(cost)` ahead of every piece of work, so the caller can enforce its
 *   budgets (by throwing) before the objective runs;
 * - rethrows anything the objective throws as a DownhillError `OBJECTIVE_FAILED`, with
 *   the original as `cause` and the evaluation count (and iteration) in the message;
 * - rejects a return value that is not a number (`WRONG_TYPE`).
 */
export class Evaluator {
  /** True when the objective supplies its own gradient. */
  readonly hasGradient: boolean;
  /** The finite-difference method used, when the gradient is estimated. */
  readonly finiteDifference: FiniteDifferenceMethod | undefined;
  /** Objective values computed so far, finite-difference ones included. */
  evaluations = 0;
  /** Gradients computed so far (analytic or finite-difference). */
  gradientEvaluations = 0;
  /** The iteration being run, for error messages (undefined outside minimize). */
  iteration: number | undefined;
  /** Called with the number of value evaluations about to be spent; may throw to stop. */
  before: ((cost: number) => void) | undefined;

  private readonly fn: ObjectiveFunction | undefined;
  private readonly object: ObjectiveObject | undefined;
  private readonly hasValue: boolean;
  private readonly hasGradientMethod: boolean;
  private readonly hasValueAndGradient: boolean;
  /** Plain scratch vector: the perturbed copy of x for finite differences. */
  private readonly scratch: Float64Array;
  /** Where valueAndGradient-only objects write the gradient nobody asked for. */
  private readonly throwAway: Float64Array;
  private readonly fdValue = (x: Float64Array): number => this.callValue(x);

  constructor(
    private readonly where: string,
    objective: unknown,
    private readonly dimension: number,
    finiteDifference: FiniteDifferenceMethod | undefined,
  ) {
    if (typeof objective === "function") {
      this.fn = objective as ObjectiveFunction;
      this.hasValue = true;
      this.hasGradientMethod = false;
      this.hasValueAndGradient = objective.length >= 2;
    } else if (objective !== null && typeof objective === "object" && !Array.isArray(objective)) {
      const o = objective as ObjectiveObject;
      this.object = o;
      this.hasValue = typeof o.value === "function";
      this.hasGradientMethod = typeof o.gradient === "function";
      this.hasValueAndGradient = typeof o.valueAndGradient === "function";
      for (const key of ["value", "gradient", "valueAndGradient"] as const) {
        if (o[key] !== undefined && typeof o[key] !== "function") {
          throw new DownhillError(
            "WRONG_TYPE",
            `${where}: objective.${key} must be a method, got ${describe(o[key])}.`,
            "objective",
          );
        }
      }
      if (!this.hasValue && !this.hasValueAndGradient) {
        throw new DownhillError(
          "WRONG_TYPE",
          `${where}: the objective object needs a value(x) method (or valueAndGradient(x, out)); it has neither.`,
          "objective",
        );
      }
      if (o.dim !== undefined && o.dim !== dimension) {
        throw new DownhillError(
          "LENGTH_MISMATCH",
          `${where}: x0 has length ${dimension} but objective.dim is ${String(o.dim)}; pass a starting point with ${String(o.dim)} entries.`,
          "x0",
        );
      }
    } else {
      throw new DownhillError(
        "WRONG_TYPE",
        `${where}: objective must be a function (x, gradient?) => number or an object with value(x) and ` +
          `optionally gradient(x, out) / valueAndGradient(x, out), got ${describe(objective)}.`,
        "objective",
      );
    }
    this.hasGradient = this.hasGradientMethod || this.hasValueAndGradient;
    if (this.hasGradient && finiteDifference !== undefined) {
      throw new DownhillError(
        "INVALID_OPTION",
        `${where}: finiteDifference applies only to value-only objectives, but this objective supplies its own gradient. ` +
          `Remove finiteDifference, or pass an objective with value(x) only (or a one-parameter function) to use finite differences.`,
        "finiteDifference",
      );
    }
    this.finiteDifference = this.hasGradient ? undefined : (finiteDifference ?? "central");
    this.scratch = new Float64Array(dimension);
    this.throwAway = new Float64Array(this.object !== undefined && !this.hasValue ? dimension : 0);
  }

  /** Value evaluations one gradient costs (0 for an analytic `gradient` method). */
  get gradientCost(): number {
    if (this.finiteDifference === "forward") return this.dimension;
    if (this.finiteDifference === "central") return 2 * this.dimension;
    return this.hasGradientMethod ? 0 : 1;
  }

  /** f(x). */
  value(x: Float64Array): number {
    this.before?.(1);
    return this.callValue(x);
  }

  /** f(x), with ∇f(x) written into `gradient`. */
  valueAndGradient(x: Float64Array, gradient: Float64Array): number {
    if (this.finiteDifference !== undefined || (this.object !== undefined && !this.hasValueAndGradient)) {
      const value = this.value(x);
      this.gradient(x, gradient, value);
      return value;
    }
    this.before?.(1);
    this.evaluations++;
    this.gradientEvaluations++;
    let result: unknown;
    try {
      if (this.fn) {
        gradient.fill(NaN); // a gradient the function forgot to write is caught as non-finite
        result = this.fn(x, gradient);
      } else {
        result = this.object!.valueAndGradient!(x, gradient);
      }
    } catch (error) {
      throw this.failed(error, "its value and gradient");
    }
    return this.checkNumber(result);
  }

  /** ∇f(x) written into `gradient`; `valueAtX` = f(x) is reused by forward differences. */
  gradient(x: Float64Array, gradient: Float64Array, valueAtX: number): void {
    if (this.finiteDifference !== undefined) {
      this.differenceGradient(x, gradient, this.finiteDifference, valueAtX);
      return;
    }
    if (this.hasGradientMethod) {
      this.before?.(0);
      this.gradientEvaluations++;
      try {
        this.object!.gradient!(x, gradient);
      } catch (error) {
        throw this.failed(error, "its gradient");
      }
      return;
    }
    this.valueAndGradient(x, gradient);
  }

  /**
   * A finite-difference estimate of ∇f(x) written into `gradient`, whether or not the
   * objective has an analytic gradient (gradient checks compare the two). `x` is not
   * modified: the differences are taken on a private copy.
   */
  differenceGradient(x: Float64Array, gradient: Float64Array, method: FiniteDifferenceMethod, valueAtX: number): void {
    this.before?.(method === "forward" ? this.dimension : 2 * this.dimension);
    this.gradientEvaluations++;
    const copy = this.scratch;
    copy.set(x);
    try {
      estimateGradient(this.fdValue, copy, gradient, method, valueAtX);
    } catch (error) {
      if (error !== null && typeof error === "object" && ownErrors.has(error)) throw error;
      throw this.failed(error, `a ${method}-difference value`);
    }
  }

  /** One counted value evaluation, with no budget check (finite differences reserve theirs up front). */
  private callValue(x: Float64Array): number {
    this.evaluations++;
    let result: unknown;
    try {
      if (this.fn) result = this.fn(x);
      else if (this.hasValue) result = this.object!.value!(x);
      else result = this.object!.valueAndGradient!(x, this.throwAway);
    } catch (error) {
      throw this.failed(error, "its value");
    }
    return this.checkNumber(result);
  }

  private checkNumber(result: unknown): number {
    if (typeof result !== "number") {
      const error = new DownhillError(
        "WRONG_TYPE",
        `${this.where}: the objective returned ${describe(result)} instead of a number at evaluation ${this.evaluations}` +
          `${result === undefined ? " (a missing return statement?)" : ""}. It must return f(x).`,
        "objective",
      );
      ownErrors.add(error);
      throw error;
    }
    return result;
  }

  private failed(original: unknown, what: string): DownhillError {
    const reason = original instanceof Error ? original.message : String(original);
    const context = this.iteration === undefined ? "" : ` (iteration ${this.iteration})`;
    const error = new DownhillError(
      "OBJECTIVE_FAILED",
      `${this.where}: the objective threw while computing ${what}, at evaluation ${this.evaluations}${context}: ${reason}. ` +
        `The original error is this error's cause.`,
      "objective",
    );
    error.cause = original;
    ownErrors.add(error);
    return error;
  }
}
