import type { Optimizer } from "./Optimizer";
import { adamFamily, type AdamOptions } from "./adamFamily";

const OPTIONS = ["learningRate", "beta1", "beta2", "epsilon", "weightDecay", "amsgrad", "backend"];

/**
 * AdamW (Loshchilov & Hutter, 2019): Adam with decoupled weight decay, following
 * torch.optim.AdamW. Each step first shrinks the parameters, p ← (1 − ηλ)·p, then
 * applies the Adam update of {@link adam} to the unmodified gradient.
 *
 * Defaults: learningRate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8,
 * weightDecay 1e-2 (note: not 0), amsgrad false.
 *
 * @example
 * ```ts
 * await init();
 * const opt = adamw({ learningRate: 1e-2, weightDecay: 0.1 });
 * opt.step(params, grads);
 * ```
 */
export function adamw(options?: Omit<AdamOptions, "decoupledWeightDecay">): Optimizer {
  return adamFamily("adamw", options, OPTIONS, { weightDecay: 1e-2, decoupledWeightDecay: true });
}
