import { validate } from "../validate";
import { checkStep } from "./checkStep";
import type { Schedule } from "./Schedule";

/** Options of {@link constantSchedule}. */
export interface ConstantScheduleOptions {
  /** The rate η > 0 returned at every step. Required. */
  learningRate: number;
}

const OPTIONS = ["learningRate"] as const;

/**
 * The same learning rate at every step: η_t = η (`learningRate`, required, > 0). The
 * baseline schedule, and the one to pass where a schedule is expected but none is
 * wanted (PyTorch's ConstantLR with factor 1).
 *
 * @example
 * ```ts
 * const schedule = constantSchedule({ learningRate: 0.01 });
 * schedule.learningRate(0);     // 0.01
 * schedule.learningRate(5000);  // 0.01
 * ```
 */
export function constantSchedule(options: ConstantScheduleOptions): Schedule {
  const o = validate.options("constantSchedule", options, OPTIONS);
  const learningRate = validate.number("constantSchedule", "learningRate", o.learningRate, {
    min: 0,
    minExclusive: true,
  });
  return {
    name: "constantSchedule",
    learningRate(step: number): number {
      checkStep("constantSchedule.learningRate", step);
      return learningRate;
    },
  };
}
