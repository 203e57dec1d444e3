import { DownhillError } from "../DownhillError";
import type { Backend } from "../backends/Backend";
import type { KernelSet } from "../backends/Kernels";
import type { LineFunction, LinePoint, LineSearch, LineSearchResult } from "../lineSearch/LineSearch";
import type { Optimizer } from "../optimizers/Optimizer";
import type { DescentMethod } from "./DescentMethod";
import type { Evaluator } from "./Evaluator";
import type { IterationInfo } from "./MinimizeOptions";
import type { MinimizeResult, StopReason, TrajectoryPoint } from "./MinimizeResult";
import { Workspace } from "./Workspace";

/** The limits and hooks of one run, validated by minimize (internal). */
export interface RunSettings {
  maxIterations: number;
  maxEvaluations: number;
  gradientTolerance: number;
  valueTolerance: number;
  stepTolerance: number;
  timeLimit: number;
  signal: AbortSignal | undefined;
  onIteration: ((info: IterationInfo) => boolean | void) | undefined;
  record: boolean;
  projection: { project(x: Float64Array): void } | undefined;
}

/** Thrown from inside an evaluation to end the run with a reason (internal; never escapes). */
class Stop {
  constructor(readonly reason: StopReason) {}
}

// Work-vector slots: x and ∇f at the current and the trial point swap roles on acceptance.
const DIRECTION = 4;
const METHOD_VECTORS = 5;

// What MinimizeRun.guarded evaluates.
const VALUE = 0;
const VALUE_AND_GRADIENT = 1;
const GRADIENT = 2;

const CONVERGED: readonly StopReason[] = ["gradientTolerance", "valueTolerance", "stepTolerance"];

/**
 * The loop owner behind `minimize` (internal): it holds the work vectors, counts, checks
 * every stopping rule, calls observers and records the trajectory. Two loops share it:
 * line-search methods (L-BFGS, CG, gradient descent with a line search) and fixed-step
 * iterations (gradient descent with a learning rate, and steppers such as adam()).
 */
export class MinimizeRun {
  private readonly ws: Workspace;
  private readonly k: KernelSet<Float64Array>;
  /** Which of slots 0/1 holds the current x (its gradient is in 2 + cur). */
  private cur = 0;
  private value = NaN;
  private gradientNorm = NaN;
  private iterations = 0;
  private readonly started = now();
  /** Budgets are enforced only after the evaluation at x0. */
  private checking = false;
  private readonly trajectory: TrajectoryPoint[] | undefined;

  constructor(
    private readonly evaluator: Evaluator,
    backend: Backend,
    private readonly settings: RunSettings,
    private readonly name: string,
    private readonly start: Float64Array,
    methodVectors: number,
  ) {
    this.k = backend.kernels.float64;
    this.trajectory = settings.record ? [] : undefined;
    this.ws = new Workspace(backend, start.length, METHOD_VECTORS + methodVectors);
    evaluator.before = (cost) => this.beforeEvaluation(cost);
  }

  private get x(): Float64Array {
    return this.ws.vectors[this.cur];
  }
  private get g(): Float64Array {
    return this.ws.vectors[2 + this.cur];
  }
  private get xNew(): Float64Array {
    return this.ws.vectors[1 - this.cur];
  }
  private get gNew(): Float64Array {
    return this.ws.vectors[3 - this.cur];
  }
  private get d(): Float64Array {
    return this.ws.vectors[DIRECTION];
  }

  /** Runs a line-search method to the end. */
  runDescent(method: DescentMethod): MinimizeResult {
    return this.execute(() => this.descentLoop(method));
  }

  /** Runs fixed steps x ← x − η∇f(x) (learningRate) or x ← optimizer.step(x, ∇f(x)). */
  runFixedStep(step: { learningRate: number } | { optimizer: Optimizer }): MinimizeResult {
    return this.execute(() => this.fixedStepLoop(step));
  }

  private execute(loop: () => StopReason): MinimizeResult {
    try {
      let reason: StopReason;
      try {
        reason = this.begin() ?? loop();
      } catch (error) {
        if (!(error instanceof Stop)) throw error;
        reason = error.reason;
      }
      return this.result(reason);
    } finally {
      this.evaluator.before = undefined;
      this.ws.free();
    }
  }

  /** Evaluates at x0; returns a reason when there is nothing more to do. */
  private begin(): StopReason | undefined {
    this.x.set(this.start);
    if (this.settings.projection) this.project(this.cur);
    this.evaluator.iteration = 0;
    this.value = this.evaluateAt(this.cur, 2 + this.cur);
    if (!Number.isFinite(this.value) || !Number.isFinite(this.k.maxAbs(this.g))) {
      this.gradientNorm = this.k.maxAbs(this.g);
      return "nonFinite";
    }
    this.gradientNorm = this.measureGradient();
    this.trajectory?.push({ iteration: 0, x: this.x.slice(), value: this.value });
    this.checking = true;
    if (this.gradientNorm <= this.settings.gradientTolerance) return "gradientTolerance";
    if (this.settings.maxIterations === 0) return "maxIterations";
    return undefined;
  }

  private descentLoop(method: DescentMethod): StopReason {
    const k = this.k;
    const lineSearch = method.lineSearch!;
    const run = method.start({ dimension: this.start.length, kernels: k, vectors: this.ws.vectors, first: METHOD_VECTORS });
    const ray = new Ray(this, this.ws, k, this.settings.projection);
    const origin = { value: 0, derivative: 0 };
    let fresh = true; // the run holds no curvature information: its direction is steepest descent
    for (;;) {
      this.beforeIteration();
      let first = run.direction(this.g, this.d);
      let slope = k.dot(this.g, this.d);
      if (!(slope < 0) || !(first > 0) || !Number.isFinite(first)) {
        if (fresh) return "lineSearchFailed";
        run.reset();
        fresh = true;
        first = run.direction(this.g, this.d);
        slope = k.dot(this.g, this.d);
        if (!(slope < 0) || !(first > 0) || !Number.isFinite(first)) return "lineSearchFailed";
      }
      ray.aim(this.cur);
      let result: LineSearchResult;
      if (this.settings.projection) {
        result = this.projectedArmijo(lineSearch, ray, first);
      } else {
        origin.value = this.value;
        origin.derivative = slope;
        result = lineSearch.search(ray, origin, first);
      }
      // A step that does not lower f (possible through rounding at the limit of
      // precision) is no progress: treat it as a failed search.
      if (!result.ok || !(result.step > 0) || !(result.value < this.value)) {
        if (fresh) return "lineSearchFailed";
        run.reset(); // retry along steepest descent
        fresh = true;
        continue;
      }
      // Bring the trial vectors to the accepted step.
      let newValue = result.value;
      if (ray.lastStep !== result.step) {
        ray.place(result.step);
        newValue = this.evaluateAt(1 - this.cur, 3 - this.cur);
      } else if (!ray.lastHasGradient) {
        this.gradientAt(1 - this.cur, 3 - this.cur, newValue);
      }
      if (!Number.isFinite(newValue) || !Number.isFinite(k.maxAbs(this.gNew))) return "nonFinite";
      run.update(result.step, this.d, this.g, this.gNew, slope);
      let stepNorm: number;
      if (this.settings.projection) {
        k.copy(this.xNew, this.d);
        k.axpy(-1, this.x, this.d);
        stepNorm = k.maxAbs(this.d);
      } else {
        stepNorm = result.step * k.maxAbs(this.d);
      }
      fresh = false;
      const reason = this.accept(newValue, stepNorm);
      if (reason) return reason;
    }
  }

  /**
   * Armijo backtracking along the projection arc x(α) = P(x − α∇f):
   * f(x(α)) ≤ f(x) + c1·∇fᵀ(x(α) − x) (Bertsekas, Nonlinear Programming, §2.3).
   */
  private projectedArmijo(search: LineSearch, ray: Ray, first: number): LineSearchResult {
    const k = this.k;
    const c1 = search.sufficientDecrease;
    const shrink = (search as { shrink?: number }).shrink ?? 0.5;
    let step = first;
    for (let evaluations = 1; evaluations <= search.maxEvaluations; evaluations++) {
      const value = ray.value(step);
      k.copy(this.xNew, this.d);
      k.axpy(-1, this.x, this.d);
      const decrease = k.dot(this.g, this.d);
      if (decrease < 0 && value <= this.value + c1 * decrease) {
        return { step, value, derivative: NaN, evaluations, status: "sufficientDecrease", ok: true, message: "" };
      }
      step *= shrink;
    }
    return { step: 0, value: this.value, derivative: NaN, evaluations: search.maxEvaluations, status: "failed", ok: false, message: "" };
  }

  private fixedStepLoop(step: { learningRate: number } | { optimizer: Optimizer }): StopReason {
    const k = this.k;
    const optimizer = "optimizer" in step ? step.optimizer : undefined;
    if (optimizer && typeof optimizer.reset === "function") optimizer.reset();
    for (;;) {
      this.beforeIteration();
      k.copy(this.x, this.xNew);
      if (optimizer) this.stepperStep(optimizer);
      else k.axpy(-(step as { learningRate: number }).learningRate, this.g, this.xNew);
      if (this.settings.projection) this.project(1 - this.cur);
      const newValue = this.evaluateAt(1 - this.cur, 3 - this.cur);
      if (!Number.isFinite(newValue) || !Number.isFinite(k.maxAbs(this.gNew))) return "nonFinite";
      k.copy(this.xNew, this.d);
      k.axpy(-1, this.x, this.d);
      const reason = this.accept(newValue, k.maxAbs(this.d));
      if (reason) return reason;
    }
  }

  /** optimizer.step on the trial point; retried once when its first step grew memory. */
  private stepperStep(optimizer: Optimizer): void {
    for (let attempt = 0; ; attempt++) {
      try {
        optimizer.step(this.xNew, this.g);
        this.ws.live();
        return;
      } catch (error) {
        // The first step sizes the optimizer's state; if that grew WebAssembly memory it
        // throws STALE_VIEW before writing anything: refresh our views and step again.
        if (attempt === 0 && error instanceof DownhillError && error.code === "STALE_VIEW" && this.ws.live()) continue;
        throw error;
      }
    }
  }

  /** Makes the trial point current and applies every stopping rule. */
  private accept(newValue: number, stepNorm: number): StopReason | undefined {
    const s = this.settings;
    const previous = this.value;
    this.cur = 1 - this.cur;
    this.value = newValue;
    this.iterations++;
    this.gradientNorm = this.measureGradient();
    this.trajectory?.push({ iteration: this.iterations, x: this.x.slice(), value: newValue });
    let observerStop = false;
    if (s.onIteration) {
      observerStop =
        s.onIteration({
          iteration: this.iterations,
          x: this.x,
          value: newValue,
          gradientNorm: this.gradientNorm,
          stepNorm,
          evaluations: this.evaluator.evaluations,
          gradientEvaluations: this.evaluator.gradientEvaluations,
          elapsed: now() - this.started,
        }) === true;
      this.ws.live();
    }
    if (this.gradientNorm <= s.gradientTolerance) return "gradientTolerance";
    if (s.valueTolerance > 0 && Math.abs(previous - newValue) <= s.valueTolerance * Math.max(Math.abs(previous), Math.abs(newValue), 1)) {
      return "valueTolerance";
    }
    if (s.stepTolerance > 0 && stepNorm <= s.stepTolerance * Math.max(1, this.k.maxAbs(this.x))) return "stepTolerance";
    if (observerStop) return "stoppedByObserver";
    if (this.iterations >= s.maxIterations) return "maxIterations";
    return undefined;
  }

  /** ‖∇f‖∞, or with a projection ‖x − P(x − ∇f)‖∞ (uses the direction vector as scratch). */
  private measureGradient(): number {
    if (!this.settings.projection) return this.k.maxAbs(this.g);
    const k = this.k;
    k.copy(this.x, this.d);
    k.axpy(-1, this.g, this.d);
    this.project(DIRECTION);
    k.axpy(-1, this.x, this.d);
    return k.maxAbs(this.d);
  }

  private project(slot: number): void {
    this.settings.projection!.project(this.ws.vectors[slot]);
    this.ws.live();
  }

  private beforeIteration(): void {
    this.interrupts();
    if (this.evaluator.evaluations >= this.settings.maxEvaluations) throw new Stop("maxEvaluations");
    this.evaluator.iteration = this.iterations + 1;
  }

  private beforeEvaluation(cost: number): void {
    if (!this.checking) return;
    if (this.evaluator.evaluations + cost > this.settings.maxEvaluations) throw new Stop("maxEvaluations");
    this.interrupts();
  }

  private interrupts(): void {
    const s = this.settings;
    if (s.signal?.aborted) throw new Stop("aborted");
    if (s.timeLimit !== Infinity && now() - this.started >= s.timeLimit) throw new Stop("timeLimit");
  }

  /** f at slot xi. */
  valueAt(xi: number): number {
    return this.guarded(VALUE, xi, -1, NaN);
  }

  /** f and ∇f at slot xi, the gradient into slot gi. */
  evaluateAt(xi: number, gi: number): number {
    return this.guarded(VALUE_AND_GRADIENT, xi, gi, NaN);
  }

  /** ∇f at slot xi into slot gi, given f there. */
  gradientAt(xi: number, gi: number, value: number): void {
    this.guarded(GRADIENT, xi, gi, value);
  }

  /**
   * Runs one evaluation on the vectors in slots xi (and gi). If the objective grew
   * WebAssembly memory during the call (a `vector()` made on first use, say), the views
   * it was given were detached under it: whether it returned or threw, the views are
   * rebuilt and the call is made once more.
   */
  private guarded(kind: number, xi: number, gi: number, value: number): number {
    for (let attempt = 0; ; attempt++) {
      const v = this.ws.vectors;
      let result = value;
      try {
        if (kind === VALUE) result = this.evaluator.value(v[xi]);
        else if (kind === VALUE_AND_GRADIENT) result = this.evaluator.valueAndGradient(v[xi], v[gi]);
        else this.evaluator.gradient(v[xi], v[gi], value);
      } catch (error) {
        if (attempt === 0 && error instanceof DownhillError && error.code === "OBJECTIVE_FAILED" && this.ws.live()) continue;
        throw error;
      }
      if (!this.ws.live()) return result;
      if (attempt > 0) throw staleDuringEvaluation();
    }
  }

  private result(reason: StopReason): MinimizeResult {
    const result: MinimizeResult = {
      x: this.x.slice(),
      value: this.value,
      gradient: this.g.slice(),
      gradientNorm: this.gradientNorm,
      iterations: this.iterations,
      evaluations: this.evaluator.evaluations,
      gradientEvaluations: this.evaluator.gradientEvaluations,
      reason,
      converged: CONVERGED.includes(reason),
      message: this.message(reason),
      elapsed: now() - this.started,
      optimizer: this.name,
    };
    if (this.trajectory) result.trajectory = this.trajectory;
    return result;
  }

  private message(reason: StopReason): string {
    const s = this.settings;
    const after = `after ${this.iterations} iteration${this.iterations === 1 ? "" : "s"} and ${this.evaluator.evaluations} evaluations`;
    switch (reason) {
      case "gradientTolerance":
        return `Converged ${after}: the gradient norm ${this.gradientNorm} is at most gradientTolerance (${s.gradientTolerance}).`;
      case "valueTolerance":
        return `Converged ${after}: the last change in f was within valueTolerance (${s.valueTolerance}) relative.`;
      case "stepTolerance":
        return `Converged ${after}: the last step was within stepTolerance (${s.stepTolerance}) relative.`;
      case "maxIterations":
        return `Stopped ${after}: maxIterations (${s.maxIterations}) reached; the gradient norm is ${this.gradientNorm}.`;
      case "maxEvaluations":
        return `Stopped ${after}: maxEvaluations (${s.maxEvaluations}) reached; the gradient norm is ${this.gradientNorm}.`;
      case "timeLimit":
        return `Stopped ${after}: timeLimit (${s.timeLimit} ms) reached.`;
      case "aborted":
        return `Stopped ${after}: the signal was aborted.`;
      case "stoppedByObserver":
        return `Stopped ${after}: onIteration returned true.`;
      case "nonFinite":
        return this.iterations === 0 && !Number.isFinite(this.value)
          ? `The objective is not finite at x0 (f = ${this.value}); start from a point inside its domain.`
          : `Stopped ${after}: the objective returned a non-finite value or gradient at the next point; x is the last finite point.`;
      case "lineSearchFailed":
        return (
          `Stopped ${after}: no step along steepest descent decreased f enough. The gradient may be wrong ` +
          `(check it with gradientCheck), the objective noisy, or x already as close to a minimum as float64 allows ` +
          `(gradient norm ${this.gradientNorm}).`
        );
    }
  }
}

/**
 * φ(α) = f(x + α·d) for the current iteration (or f(P(x − α∇f)) along a projection arc),
 * written into the trial slots; remembers what it evaluated last so the loop can reuse
 * it (internal).
 */
class Ray implements LineFunction {
  /** The step of the last evaluation (NaN before any). */
  lastStep = NaN;
  /** Whether the last evaluation computed the gradient too. */
  lastHasGradient = false;
  private cur = 0;

  constructor(
    private readonly run: MinimizeRun,
    private readonly ws: Workspace,
    private readonly k: KernelSet<Float64Array>,
    private readonly projection: { project(x: Float64Array): void } | undefined,
  ) {}

  /** Starts a new line from the current point (slot cur). */
  aim(cur: number): void {
    this.cur = cur;
    this.lastStep = NaN;
    this.lastHasGradient = false;
  }

  /** Writes x + α·d, or P(x − α∇f) with a projection, into the trial slot. */
  place(step: number): void {
    const v = this.ws.vectors;
    const trial = v[1 - this.cur];
    this.k.copy(v[this.cur], trial);
    if (this.projection) {
      this.k.axpy(-step, v[2 + this.cur], trial);
      this.projection.project(trial);
      this.ws.live();
    } else {
      this.k.axpy(step, v[DIRECTION], trial);
    }
  }

  value(step: number): number {
    this.place(step);
    const value = this.run.valueAt(1 - this.cur);
    this.lastStep = step;
    this.lastHasGradient = false;
    return value;
  }

  evaluate(step: number, point: LinePoint): void {
    this.place(step);
    const value = this.run.evaluateAt(1 - this.cur, 3 - this.cur);
    this.lastStep = step;
    this.lastHasGradient = true;
    point.step = step;
    point.value = value;
    point.derivative = this.k.dot(this.ws.vectors[3 - this.cur], this.ws.vectors[DIRECTION]);
  }
}

function staleDuringEvaluation(): DownhillError {
  return new DownhillError(
    "STALE_VIEW",
    "minimize: the objective allocated WebAssembly memory (for instance with vector()) on two calls in a row, and " +
      "each allocation grew memory and detached the arrays minimize passed it. Allocate the objective's vectors once " +
      "(before calling minimize, or on first use), and free what it allocates.",
    "objective",
  );
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
