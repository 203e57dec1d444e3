import type { Backend } from "../backends/Backend";
import type { LionCoefficients } from "../backends/Kernels";
import { validate } from "../validate";
import { firstOrderOptimizer } from "./firstOrderOptimizer";
import type { Optimizer } from "./Optimizer";

/** Options of {@link lion}. */
export interface LionOptions {
  /** Step size η > 0. Default 1e-4 (Lion wants a 3–10× smaller rate than AdamW). */
  learningRate?: number;
  /** Interpolation β1 ∈ [0, 1) for the update direction. Default 0.9. */
  beta1?: number;
  /** Momentum decay β2 ∈ [0, 1). Default 0.99. */
  beta2?: number;
  /** Decoupled weight decay λ ≥ 0: p ← (1 − ηλ)·p. Default 0. */
  weightDecay?: number;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/**
 * Lion, EvoLved Sign Momentum (Chen et al., 2023, "Symbolic Discovery of Optimization
 * Algorithms", Algorithm 2), as in the authors' reference code and optax. Per element:
 * ```
 * p ← (1 − ηλ)·p
 * c ← β1·m + (1 − β1)·g
 * p ← p − η·sign(c)
 * m ← β2·m + (1 − β2)·g
 * ```
 * Defaults: learningRate 1e-4, beta1 0.9, beta2 0.99, weightDecay 0. sign(0) = 0, and a
 * NaN gradient gives a NaN parameter (it is not silently skipped).
 *
 * @example
 * ```ts
 * const opt = lion({ learningRate: 3e-4, weightDecay: 0.1 });
 * opt.step(params, grads);
 * ```
 */
export function lion(options?: LionOptions): Optimizer {
  const name = "lion";
  const o = validate.options(name, options, ["learningRate", "beta1", "beta2", "weightDecay", "backend"]);
  const learningRate = validate.number(name, "learningRate", o.learningRate ?? 1e-4, { min: 0, minExclusive: true });
  const beta1 = validate.number(name, "beta1", o.beta1 ?? 0.9, { min: 0, max: 1, maxExclusive: true });
  const beta2 = validate.number(name, "beta2", o.beta2 ?? 0.99, { min: 0, max: 1, maxExclusive: true });
  const weightDecay = validate.number(name, "weightDecay", o.weightDecay ?? 0, { min: 0 });
  const c: LionCoefficients = { learningRate, beta1, oneMinusBeta1: 1 - beta1, beta2, oneMinusBeta2: 1 - beta2, decay: 1 };
  return firstOrderOptimizer({
    name,
    options: { beta1, beta2, weightDecay },
    learningRate,
    backend: o.backend as Backend | undefined,
    stateNames: ["m"],
    update(kernels, p, g, state, lr) {
      c.learningRate = lr;
      c.decay = 1 - lr * weightDecay;
      kernels.lion(p, g, state[0], c);
    },
  });
}
