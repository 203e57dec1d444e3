import type { Backend } from "../backends/Backend";
import type { AdamCoefficients } from "../backends/Kernels";
import { validate } from "../validate";
import type { Optimizer } from "./Optimizer";
import { firstOrderOptimizer } from "./firstOrderOptimizer";

/** Options of `adam` and `adamw`. Names follow torch.optim.Adam, spelled out. */
export interface AdamOptions {
  /** Step size η > 0. Default 1e-3. */
  learningRate?: number;
  /** Decay rate of the first moment, β1 ∈ [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay rate of the second moment, β2 ∈ [0, 1). Default 0.999. */
  beta2?: number;
  /** ε ≥ 0 added to the denominator, outside the square root. Default 1e-8. */
  epsilon?: number;
  /** Weight decay λ ≥ 0. Default 0 for adam, 1e-2 for adamw. */
  weightDecay?: number;
  /** Use the AMSGrad variant (running maximum of v). Default false. */
  amsgrad?: boolean;
  /**
   * Decoupled weight decay as in AdamW (p ← (1 − ηλ)·p before the update) instead of
   * L2 decay added to the gradient. Default false for adam; always true for adamw.
   */
  decoupledWeightDecay?: boolean;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/**
 * The shared implementation of `adam` and `adamw` (see those for the documented rule).
 * `defaults` holds the values that differ between the two.
 */
export function adamFamily(
  name: "adam" | "adamw",
  options: AdamOptions | undefined,
  known: readonly string[],
  defaults: { weightDecay: number; decoupledWeightDecay: boolean },
): Optimizer {
  const o = validate.options(name, options, known);
  const learningRate = validate.number(name, "learningRate", o.learningRate ?? 1e-3, { min: 0, minExclusive: true });
  const beta1 = validate.number(name, "beta1", o.beta1 ?? 0.9, { min: 0, max: 1, maxExclusive: true });
  const beta2 = validate.number(name, "beta2", o.beta2 ?? 0.999, { min: 0, max: 1, maxExclusive: true });
  const epsilon = validate.number(name, "epsilon", o.epsilon ?? 1e-8, { min: 0 });
  const weightDecay = validate.number(name, "weightDecay", o.weightDecay ?? defaults.weightDecay, { min: 0 });
  const amsgrad = validate.boolean(name, "amsgrad", o.amsgrad ?? false);
  const decoupled = validate.boolean(name, "decoupledWeightDecay", o.decoupledWeightDecay ?? defaults.decoupledWeightDecay);
  const c: AdamCoefficients = {
    beta1,
    oneMinusBeta1: 1 - beta1,
    beta2,
    oneMinusBeta2: 1 - beta2,
    stepSize: 0,
    biasCorrection2Sqrt: 0,
    epsilon,
    weightDecay,
    decay: 1,
    decoupled,
    amsgrad,
  };
  // β^t as running products: one multiplication a step, the same bits in every engine
  // (Math.pow differs in the last bit between engines).
  let beta1Power = 1;
  let beta2Power = 1;
  return firstOrderOptimizer({
    name,
    options: { beta1, beta2, epsilon, weightDecay, amsgrad, decoupledWeightDecay: decoupled },
    learningRate,
    backend: o.backend as Backend | undefined,
    stateNames: amsgrad ? ["m", "v", "vmax"] : ["m", "v"],
    scalars: {
      get: () => ({ beta1Power, beta2Power }),
      set: (s) => ({ beta1Power, beta2Power } = s as { beta1Power: number; beta2Power: number }),
      reset: () => (beta1Power = beta2Power = 1),
    },
    update(kernels, p, g, state, lr) {
      beta1Power *= beta1;
      beta2Power *= beta2;
      c.stepSize = lr / (1 - beta1Power);
      c.biasCorrection2Sqrt = Math.sqrt(1 - beta2Power);
      c.decay = 1 - lr * weightDecay;
      kernels.adam(p, g, state[0], state[1], amsgrad ? state[2] : null, c);
    },
  });
}
