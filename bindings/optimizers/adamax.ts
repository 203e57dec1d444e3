import type { Backend } from "../backends/Backend";
import type { AdamaxCoefficients } from "../backends/Kernels";
import { validate } from "../validate";
import { firstOrderOptimizer } from "./firstOrderOptimizer";
import type { Optimizer } from "./Optimizer";

/** Options of {@link adamax}, after torch.optim.Adamax. */
export interface AdamaxOptions {
  /** Step size η > 0. Default 2e-3. */
  learningRate?: number;
  /** β1 ∈ [0, 1). Default 0.9. */
  beta1?: number;
  /** β2 ∈ [0, 1). Default 0.999. */
  beta2?: number;
  /** ε ≥ 0 added to |g| in the infinity norm. Default 1e-8. */
  epsilon?: number;
  /** L2 penalty λ ≥ 0 added to the gradient. Default 0. */
  weightDecay?: number;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/**
 * Adamax, the infinity-norm variant of Adam (Kingma & Ba, 2015, §7.1), following
 * torch.optim.Adamax. Per element, at step t:
 * ```
 * g ← g + λ·p
 * m ← β1·m + (1 − β1)·g
 * u ← max(β2·u, |g| + ε)
 * p ← p − η/(1 − β1^t) · m/u
 * ```
 * Defaults: learningRate 2e-3, beta1 0.9, beta2 0.999, epsilon 1e-8, weightDecay 0.
 * β1^t is a running product. Keras adds ε to u in the division instead.
 *
 * @example
 * ```ts
 * const opt = adamax({ learningRate: 2e-3 });
 * opt.step(params, grads);
 * ```
 */
export function adamax(options?: AdamaxOptions): Optimizer {
  const name = "adamax";
  const o = validate.options(name, options, ["learningRate", "beta1", "beta2", "epsilon", "weightDecay", "backend"]);
  const learningRate = validate.number(name, "learningRate", o.learningRate ?? 2e-3, { min: 0, minExclusive: true });
  const beta1 = validate.number(name, "beta1", o.beta1 ?? 0.9, { min: 0, max: 1, maxExclusive: true });
  const beta2 = validate.number(name, "beta2", o.beta2 ?? 0.999, { min: 0, max: 1, maxExclusive: true });
  const epsilon = validate.number(name, "epsilon", o.epsilon ?? 1e-8, { min: 0 });
  const weightDecay = validate.number(name, "weightDecay", o.weightDecay ?? 0, { min: 0 });
  const c: AdamaxCoefficients = { beta1, oneMinusBeta1: 1 - beta1, beta2, stepSize: 0, epsilon, weightDecay };
  let beta1Power = 1;
  return firstOrderOptimizer({
    name,
    options: { beta1, beta2, epsilon, weightDecay },
    learningRate,
    backend: o.backend as Backend | undefined,
    stateNames: ["m", "u"],
    scalars: {
      get: () => ({ beta1Power }),
      set: (s) => (beta1Power = s.beta1Power),
      reset: () => (beta1Power = 1),
    },
    update(kernels, p, g, state, lr) {
      beta1Power *= beta1;
      c.stepSize = lr / (1 - beta1Power);
      kernels.adamax(p, g, state[0], state[1], c);
    },
  });
}
