import { validate } from "../validate";
import { checkStep } from "./checkStep";
import { integerPower } from "./integerPower";
import type { Schedule } from "./Schedule";

/** Options of {@link exponentialSchedule}. Names follow torch.optim.lr_scheduler.ExponentialLR. */
export interface ExponentialScheduleOptions {
  /** The initial rate η0 > 0. Required. */
  learningRate: number;
  /** Multiplicative factor γ > 0 applied every step (γ < 1 decays). Required. */
  gamma: number;
}

const OPTIONS = ["learningRate", "gamma"] as const;

/**
 * Exponential decay, as PyTorch's ExponentialLR: the rate is multiplied by γ every step,
 * ```
 * η_t = η0 · γ^t          (t = step, from 0)
 * ```
 * Both options are required (there are no defaults). γ^t is computed by binary
 * exponentiation with × only (never the built-in pow or exp), so the rate has the same
 * bits in every engine; it agrees with PyTorch's closed form η0 · γ ** t to a few
 * ulps. For large t the rate underflows to 0, which an optimizer rejects.
 *
 * Reference: PyTorch documentation, torch.optim.lr_scheduler.ExponentialLR.
 *
 * @example
 * ```ts
 * const schedule = exponentialSchedule({ learningRate: 1, gamma: 0.5 });
 * schedule.learningRate(0);   // 1
 * schedule.learningRate(3);   // 0.125
 * ```
 */
export function exponentialSchedule(options: ExponentialScheduleOptions): Schedule {
  const o = validate.options("exponentialSchedule", options, OPTIONS);
  const learningRate = validate.number("exponentialSchedule", "learningRate", o.learningRate, {
    min: 0,
    minExclusive: true,
  });
  const gamma = validate.number("exponentialSchedule", "gamma", o.gamma, { min: 0, minExclusive: true });
  return {
    name: "exponentialSchedule",
    learningRate(step: number): number {
      checkStep("exponentialSchedule.learningRate", step);
      return learningRate * integerPower(gamma, step);
    },
  };
}
