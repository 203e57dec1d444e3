import { validate } from "../validate";
import { createLoss } from "./createLoss";
import type { Loss } from "./Loss";

/** Options of {@link huber}. */
export interface HuberOptions {
  /** δ > 0, where the loss turns from quadratic to linear. Default 1 (as torch.nn.HuberLoss). */
  delta?: number;
}

/**
 * Huber loss: quadratic near zero, linear in the tails — squared error for small
 * residuals, absolute error for outliers. With r = o − y:
 * ```
 * h(r) = ½r²              if |r| ≤ δ         h′(r) = r
 *        δ·(|r| − ½δ)     otherwise          h′(r) = δ·sign(r)
 * ℓ_i = (1/c)·Σ_k h(r_ik)
 * ```
 * Targets: c numbers per sample.
 *
 * Reference: P. J. Huber, "Robust estimation of a location parameter", Annals of
 * Mathematical Statistics 35 (1964); the definition of torch.nn.HuberLoss.
 *
 * @example
 * ```ts
 * huber({ delta: 1 }).value([0.5, 3], [0, 0]);   // (0.125 + 2.5)/2 = 1.3125
 * ```
 */
export function huber(options?: HuberOptions): Loss {
  const o = validate.options("huber", options, ["delta"]);
  const delta = validate.number("huber", "delta", o.delta ?? 1, { min: 0, minExclusive: true });
  return createLoss("huber", delta);
}
