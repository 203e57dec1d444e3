import { DownhillError } from "../DownhillError";
import { validate } from "../validate";
import { checkStep } from "./checkStep";
import { deterministicCos } from "../math/deterministicCos";
import { integerOption } from "./integerOption";
import type { Schedule } from "./Schedule";

/** Options of {@link cosineSchedule}. */
export interface CosineScheduleOptions {
  /** The peak rate η_max > 0, reached at step `warmupSteps`. Required. */
  learningRate: number;
  /** Length T of the whole schedule in steps, warmup included; an integer ≥ 1. Required. */
  totalSteps: number;
  /** Number W of linear-warmup steps, an integer with 0 ≤ W < totalSteps. Default 0. */
  warmupSteps?: number;
  /** The final rate η_min, 0 ≤ η_min ≤ learningRate, used from step T on. Default 0. */
  minLearningRate?: number;
}

const OPTIONS = ["learningRate", "totalSteps", "warmupSteps", "minLearningRate"] as const;
const HALF_PI = 1.5707963267948966;

/**
 * Linear warmup followed by cosine annealing (SGDR without restarts). With
 * η_max = `learningRate`, η_min = `minLearningRate`, T = `totalSteps`,
 * W = `warmupSteps` and t = step (from 0):
 * ```
 * t < W:        η_t = η_max · (t + 1) / (W + 1)
 * W ≤ t < T:    η_t = η_min + (η_max − η_min) · (1 + cos(π·p)) / 2,   p = (t − W) / (T − W)
 * t ≥ T:        η_t = η_min
 * ```
 * The warmup climbs in W equal steps from η_max/(W + 1) towards the peak η_max at
 * step W, so no step gets a rate of 0 (an optimizer rejects 0, and a step with rate 0
 * is wasted). The cosine phase is PyTorch's CosineAnnealingLR closed form with
 * T_max = T − W, held at η_min after T steps instead of rising again. Defaults:
 * warmupSteps 0, minLearningRate 0 (so steps ≥ T return 0: set minLearningRate > 0 to
 * keep stepping beyond T).
 *
 * (1 + cos(π·p))/2 is evaluated as c² with c = cos(π·p/2) — equal in exact arithmetic,
 * without the cancellation near p = 1 — by {@link deterministicCos}, never the built-in cosine,
 * so the rates are bit-identical in every engine.
 *
 * Reference: Loshchilov & Hutter (2017), "SGDR: Stochastic Gradient Descent with Warm
 * Restarts", ICLR, eq. (5), without restarts; Goyal et al. (2017), "Accurate, Large
 * Minibatch SGD", for linear warmup.
 *
 * @example
 * ```ts
 * const schedule = cosineSchedule({ learningRate: 1e-3, totalSteps: 1000, warmupSteps: 100 });
 * schedule.learningRate(0);     // 1e-3 / 101
 * schedule.learningRate(100);   // 1e-3 (the peak)
 * schedule.learningRate(550);   // ≈ 5e-4 (halfway through the cosine)
 * ```
 */
export function cosineSchedule(options: CosineScheduleOptions): Schedule {
  const o = validate.options("cosineSchedule", options, OPTIONS);
  const learningRate = validate.number("cosineSchedule", "learningRate", o.learningRate, { min: 0, minExclusive: true });
  const totalSteps = integerOption("cosineSchedule", "totalSteps", o.totalSteps, 1);
  const warmupSteps = integerOption("cosineSchedule", "warmupSteps", o.warmupSteps ?? 0, 0);
  if (warmupSteps >= totalSteps) {
    throw new DownhillError(
      "INVALID_OPTION",
      `cosineSchedule: warmupSteps must be less than totalSteps (${totalSteps}), got ${warmupSteps}.`,
      "warmupSteps",
    );
  }
  const minLearningRate = validate.number("cosineSchedule", "minLearningRate", o.minLearningRate ?? 0, {
    min: 0,
    max: learningRate,
  });
  const annealingSteps = totalSteps - warmupSteps;
  const span = learningRate - minLearningRate;
  return {
    name: "cosineSchedule",
    learningRate(step: number): number {
      checkStep("cosineSchedule.learningRate", step);
      if (step < warmupSteps) return (learningRate * (step + 1)) / (warmupSteps + 1);
      if (step >= totalSteps) return minLearningRate;
      const progress = (step - warmupSteps) / annealingSteps;
      const c = deterministicCos(HALF_PI * progress);
      return minLearningRate + span * (c * c);
    },
  };
}
