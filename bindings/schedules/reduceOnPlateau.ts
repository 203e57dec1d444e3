import { DownhillError } from "../DownhillError";
import { validate } from "../validate";
import { checkStep } from "./checkStep";
import { integerOption } from "./integerOption";
import type { Schedule } from "./Schedule";

/** Options of {@link reduceOnPlateau}. Names follow torch.optim.lr_scheduler.ReduceLROnPlateau, spelled out. */
export interface ReduceOnPlateauOptions {
  /** The initial rate η0 > 0. Required. */
  learningRate: number;
  /** Factor 0 < f < 1 the rate is multiplied by on a plateau. Default 0.1. */
  factor?: number;
  /** Reports without improvement tolerated before reducing, an integer ≥ 0. Default 10. */
  patience?: number;
  /** Minimum change that counts as an improvement, ≥ 0 (< 1 when thresholdMode is "rel"). Default 1e-4. */
  threshold?: number;
  /** "rel": improvement is relative to the best metric; "abs": absolute. Default "rel". */
  thresholdMode?: "rel" | "abs";
  /** Reports to wait after a reduction before counting bad reports again, an integer ≥ 0. Default 0. */
  cooldown?: number;
  /** Lower bound on the rate, ≥ 0. Default 0. */
  minLearningRate?: number;
  /** Smallest reduction applied: if old − new ≤ minDecay the rate is left as is (PyTorch's eps), ≥ 0. Default 1e-8. */
  minDecay?: number;
  /** "min": the metric should decrease (a loss); "max": increase (an accuracy). Default "min". */
  mode?: "min" | "max";
}

/** A {@link Schedule} driven by a reported metric; see {@link reduceOnPlateau}. */
export interface PlateauSchedule extends Schedule {
  /**
   * Records the metric of the latest evaluation (e.g. an epoch's validation loss),
   * possibly reduces the rate, and returns the current rate. A NaN metric counts as
   * no improvement. Throws a `DownhillError` (changing nothing) if `metric` is not a number.
   */
  report(metric: number): number;
  /** The current rate; `step` is checked (integer ≥ 0) but does not change the result. */
  learningRate(step: number): number;
  /** The best metric reported so far (+Infinity in "min" mode, −Infinity in "max" mode, before any report). */
  readonly best: number;
  /** Reports since the last improvement or reduction that did not improve (PyTorch's num_bad_epochs). */
  readonly badReports: number;
  /** Reports left in the current cooldown (0 when not cooling down). */
  readonly cooldownRemaining: number;
}

const OPTIONS = [
  "learningRate",
  "factor",
  "patience",
  "threshold",
  "thresholdMode",
  "cooldown",
  "minLearningRate",
  "minDecay",
  "mode",
] as const;

/**
 * Reduces the learning rate when a metric has stopped improving, following PyTorch's
 * ReduceLROnPlateau exactly. Call `report(metric)` after each evaluation; it returns the
 * rate to use next. With best = the best metric so far (initially ±Infinity), a
 * report `a` is an improvement when
 * ```
 * mode "min", thresholdMode "rel":  a < best · (1 − threshold)
 * mode "min", thresholdMode "abs":  a < best − threshold
 * mode "max", thresholdMode "rel":  a > best · (1 + threshold)
 * mode "max", thresholdMode "abs":  a > best + threshold
 * ```
 * Then, per report, in this order:
 * ```
 * improvement ? (best ← a, bad ← 0) : bad ← bad + 1
 * if cooling down (cooldownRemaining > 0):  cooldownRemaining ← cooldownRemaining − 1, bad ← 0
 * if bad > patience:
 *     new ← max(η · factor, minLearningRate);  if η − new > minDecay: η ← new
 *     cooldownRemaining ← cooldown;  bad ← 0
 * ```
 * So with patience p the rate drops on the (p+1)-th consecutive report without
 * improvement. Defaults: factor 0.1, patience 10, threshold 1e-4, thresholdMode "rel",
 * cooldown 0, minLearningRate 0, minDecay 1e-8 (PyTorch's eps), mode "min";
 * learningRate is required. Only × − and comparisons are used (same bits everywhere).
 *
 * Reference: PyTorch documentation and source, torch.optim.lr_scheduler.ReduceLROnPlateau.
 *
 * @example
 * ```ts
 * const schedule = reduceOnPlateau({ learningRate: 0.1, patience: 2 });
 * const opt = sgd({ learningRate: schedule.learningRate(0) });
 * for (let epoch = 0; epoch < 100; epoch++) {
 *   trainOneEpoch(opt);
 *   opt.learningRate = schedule.report(validationLoss());
 * }
 * ```
 */
export function reduceOnPlateau(options: ReduceOnPlateauOptions): PlateauSchedule {
  const name = "reduceOnPlateau";
  const o = validate.options(name, options, OPTIONS);
  const initial = validate.number(name, "learningRate", o.learningRate, { min: 0, minExclusive: true });
  const factor = validate.number(name, "factor", o.factor ?? 0.1, {
    min: 0,
    max: 1,
    minExclusive: true,
    maxExclusive: true,
  });
  const patience = integerOption(name, "patience", o.patience ?? 10, 0);
  const thresholdMode = oneOf(name, "thresholdMode", o.thresholdMode ?? "rel", ["rel", "abs"]);
  const threshold = validate.number(
    name,
    "threshold",
    o.threshold ?? 1e-4,
    thresholdMode === "rel" ? { min: 0, max: 1, maxExclusive: true } : { min: 0 },
  );
  const cooldown = integerOption(name, "cooldown", o.cooldown ?? 0, 0);
  const minLearningRate = validate.number(name, "minLearningRate", o.minLearningRate ?? 0, { min: 0 });
  const minDecay = validate.number(name, "minDecay", o.minDecay ?? 1e-8, { min: 0 });
  const mode = oneOf(name, "mode", o.mode ?? "min", ["min", "max"]);

  const minimize = mode === "min";
  const relative = thresholdMode === "rel";
  const relativeFactor = minimize ? 1 - threshold : threshold + 1;
  let rate = initial;
  let best = minimize ? Infinity : -Infinity;
  let bad = 0;
  let cooldownRemaining = 0;

  const isBetter = (a: number): boolean => {
    if (minimize) return relative ? a < best * relativeFactor : a < best - threshold;
    return relative ? a > best * relativeFactor : a > best + threshold;
  };

  return {
    name,
    get best() {
      return best;
    },
    get badReports() {
      return bad;
    },
    get cooldownRemaining() {
      return cooldownRemaining;
    },
    learningRate(step: number): number {
      checkStep(`${name}.learningRate`, step);
      return rate;
    },
    report(metric: number): number {
      if (typeof metric !== "number") {
        throw new DownhillError(
          "WRONG_TYPE",
          `${name}.report: metric must be a number, got ${metric === null ? "null" : typeof metric}.`,
          "metric",
        );
      }
      if (isBetter(metric)) {
        best = metric;
        bad = 0;
      } else {
        bad++;
      }
      if (cooldownRemaining > 0) {
        cooldownRemaining--;
        bad = 0; // bad reports during cooldown are ignored
      }
      if (bad > patience) {
        const reduced = rate * factor;
        const next = reduced > minLearningRate ? reduced : minLearningRate;
        if (rate - next > minDecay) rate = next;
        cooldownRemaining = cooldown;
        bad = 0;
      }
      return rate;
    },
  };
}

function oneOf<T extends string>(functionName: string, optionName: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new DownhillError(
      "INVALID_OPTION",
      `${functionName}: ${optionName} must be ${allowed.map((a) => JSON.stringify(a)).join(" or ")}, got ${
        typeof value === "string" ? JSON.stringify(value) : String(value)
      }.`,
      optionName,
    );
  }
  return value as T;
}
