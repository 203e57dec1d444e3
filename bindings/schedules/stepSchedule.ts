import { validate } from "../validate";
import { checkStep } from "./checkStep";
import { integerOption } from "./integerOption";
import { integerPower } from "./integerPower";
import type { Schedule } from "./Schedule";

/** Options of {@link stepSchedule}. Names follow torch.optim.lr_scheduler.StepLR, spelled out. */
export interface StepScheduleOptions {
  /** The initial rate η0 > 0. Required. */
  learningRate: number;
  /** Steps between two decays, an integer ≥ 1. Required. */
  stepSize: number;
  /** Multiplicative factor γ > 0 applied every `stepSize` steps. Default 0.1. */
  gamma?: number;
}

const OPTIONS = ["learningRate", "stepSize", "gamma"] as const;

/**
 * Step decay, as PyTorch's StepLR: the rate is multiplied by γ every `stepSize` steps,
 * ```
 * η_t = η0 · γ^⌊t / stepSize⌋          (t = step, from 0)
 * ```
 * so steps 0 … stepSize−1 use η0, the next stepSize steps η0·γ, and so on.
 * Defaults: gamma 0.1; learningRate and stepSize are required.
 *
 * γ^k is computed by binary exponentiation with × only (never the built-in pow), so the rate
 * has the same bits in every engine; it agrees with PyTorch's closed form
 * η0 · γ ** (t // step_size) to a few ulps (PyTorch's chained form, which multiplies
 * by γ once per decay, drifts by up to k ulps after k decays).
 *
 * Reference: PyTorch documentation, torch.optim.lr_scheduler.StepLR.
 *
 * @example
 * ```ts
 * const schedule = stepSchedule({ learningRate: 0.1, stepSize: 30 });   // γ = 0.1
 * schedule.learningRate(29);   // 0.1
 * schedule.learningRate(30);   // 0.010000000000000002 (= 0.1·0.1)
 * schedule.learningRate(60);   // 0.1 · 0.1² ≈ 0.001
 * ```
 */
export function stepSchedule(options: StepScheduleOptions): Schedule {
  const o = validate.options("stepSchedule", options, OPTIONS);
  const learningRate = validate.number("stepSchedule", "learningRate", o.learningRate, { min: 0, minExclusive: true });
  const stepSize = integerOption("stepSchedule", "stepSize", o.stepSize, 1);
  const gamma = validate.number("stepSchedule", "gamma", o.gamma ?? 0.1, { min: 0, minExclusive: true });
  return {
    name: "stepSchedule",
    learningRate(step: number): number {
      checkStep("stepSchedule.learningRate", step);
      const decays = (step - (step % stepSize)) / stepSize; // exact integer division
      return learningRate * integerPower(gamma, decays);
    },
  };
}
