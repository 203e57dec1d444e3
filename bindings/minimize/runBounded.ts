import { lbfgsbMinimize, type LbfgsbResult } from "../lbfgsb/lbfgsbMinimize";
import type { Evaluator } from "./Evaluator";
import type { LbfgsbMethod } from "./lbfgsb";
import type { IterationInfo } from "./MinimizeOptions";
import type { MinimizeResult, StopReason, TrajectoryPoint } from "./MinimizeResult";
import type { RunSettings } from "./MinimizeRun";

const REASONS: Record<LbfgsbResult["reason"], StopReason> = {
  projectedGradientTolerance: "gradientTolerance",
  relativeReduction: "valueTolerance",
  maxIterations: "maxIterations",
  maxEvaluations: "maxEvaluations",
  nonFinite: "nonFinite",
  lineSearchFailed: "lineSearchFailed",
  stoppedByObserver: "stoppedByObserver",
};

/**
 * Runs L-BFGS-B for `minimize`: maps minimize's options onto `lbfgsbMinimize`, adds the
 * stopping rules it lacks (stepTolerance, timeLimit, signal, the observer), records the
 * trajectory, and returns minimize's result shape.
 */
export function runBounded(evaluator: Evaluator, settings: RunSettings, method: LbfgsbMethod, start: Float64Array): MinimizeResult {
  const started = performance.now();
  const n = start.length;
  const trajectory: TrajectoryPoint[] | undefined = settings.record ? [] : undefined;
  // The last point evaluated and its gradient: the accepted iterate is always one of them.
  const lastX = new Float64Array(n).fill(NaN);
  const lastGradient = new Float64Array(n);
  let lastValue = NaN;
  const previous = new Float64Array(n);
  let external: StopReason | undefined;

  const objective = (x: Float64Array, g: Float64Array): number => {
    const value = evaluator.valueAndGradient(x, g);
    lastX.set(x);
    lastGradient.set(g);
    lastValue = value;
    if (trajectory && trajectory.length === 0) {
      trajectory.push({ iteration: 0, x: x.slice(), value });
      previous.set(x);
    }
    return value;
  };
  if (!trajectory) previous.set(start);

  const result = lbfgsbMinimize(objective, start, {
    lower: method.lower,
    upper: method.upper,
    historySize: method.historySize,
    maxIterations: settings.maxIterations,
    maxEvaluations: settings.maxEvaluations,
    projectedGradientTolerance: settings.gradientTolerance,
    ...(settings.valueTolerance > 0 ? { relativeReduction: settings.valueTolerance } : {}),
    onIteration: (info) => {
      let stepNorm = 0, xNorm = 0;
      for (let i = 0; i < n; i++) {
        stepNorm = Math.max(stepNorm, Math.abs(info.x[i] - previous[i]));
        xNorm = Math.max(xNorm, Math.abs(info.x[i]));
      }
      previous.set(info.x);
      trajectory?.push({ iteration: info.iteration, x: info.x.slice(), value: info.value });
      const elapsed = performance.now() - started;
      if (settings.stepTolerance > 0 && stepNorm <= settings.stepTolerance * Math.max(1, xNorm)) external = "stepTolerance";
      else if (settings.onIteration) {
        const report: IterationInfo = {
          iteration: info.iteration, x: info.x, value: info.value, gradientNorm: info.projectedGradientNorm, stepNorm,
          evaluations: evaluator.evaluations, gradientEvaluations: evaluator.gradientEvaluations, elapsed,
        };
        if (settings.onIteration(report) === true) external = "stoppedByObserver";
      }
      if (!external && elapsed >= settings.timeLimit) external = "timeLimit";
      if (!external && settings.signal?.aborted) external = "aborted";
      return external !== undefined;
    },
  });

  const reason = result.reason === "stoppedByObserver" && external ? external : REASONS[result.reason];
  let gradient: Float64Array;
  if (result.x.every((v, i) => Object.is(v, lastX[i])) && Object.is(result.value, lastValue)) {
    gradient = lastGradient.slice();
  } else {
    gradient = new Float64Array(n);
    evaluator.valueAndGradient(result.x, gradient);
  }
  const converged = reason === "gradientTolerance" || reason === "valueTolerance" || reason === "stepTolerance";
  const out: MinimizeResult = {
    x: result.x.slice(),
    value: result.value,
    gradient,
    gradientNorm: result.projectedGradientNorm,
    iterations: result.iterations,
    evaluations: evaluator.evaluations,
    gradientEvaluations: evaluator.gradientEvaluations,
    reason,
    converged,
    message:
      `${converged ? "Converged" : "Stopped"} after ${result.iterations} iterations and ${evaluator.evaluations} evaluations ` +
      `(${reason}); the projected gradient norm is ${result.projectedGradientNorm}, ${result.activeBounds} bounds active.`,
    elapsed: performance.now() - started,
    optimizer: "lbfgsb",
  };
  if (trajectory) out.trajectory = trajectory;
  return out;
}
