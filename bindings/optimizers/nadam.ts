import type { Backend } from "../backends/Backend";
import type { NadamCoefficients } from "../backends/Kernels";
import { deterministicExp } from "../math/deterministicExp";
import { validate } from "../validate";
import { firstOrderOptimizer } from "./firstOrderOptimizer";
import type { Optimizer } from "./Optimizer";

/** Options of {@link nadam}, after torch.optim.NAdam. */
export interface NadamOptions {
  /** Step size η > 0. Default 2e-3. */
  learningRate?: number;
  /** β1 ∈ [0, 1). Default 0.9. */
  beta1?: number;
  /** β2 ∈ [0, 1). Default 0.999. */
  beta2?: number;
  /** ε ≥ 0. Default 1e-8. */
  epsilon?: number;
  /** Weight decay λ ≥ 0. Default 0. */
  weightDecay?: number;
  /** Momentum decay ψ ≥ 0 of the schedule μ_t = β1·(1 − ½·0.96^(tψ)). Default 4e-3. */
  momentumDecay?: number;
  /** Decoupled weight decay (p ← (1 − ηλ)·p, as in AdamW) instead of L2. Default false. */
  decoupledWeightDecay?: boolean;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/** ln 0.96, as a fixed double so the momentum schedule needs no host logarithm. */
const LN_096 = -0.040821994520255166;

/**
 * NAdam, Adam with Nesterov momentum (Dozat, 2016), following torch.optim.NAdam. With
 * the momentum schedule μ_t = β1·(1 − ½·0.96^(tψ)), per element at step t:
 * ```
 * p ← (1 − ηλ)·p  (decoupled)   or   g ← g + λ·p  (L2)
 * m ← β1·m + (1 − β1)·g
 * v ← β2·v + (1 − β2)·g²
 * d ← √(v/(1 − β2^t)) + ε
 * p ← p − η(1 − μ_t)/(1 − Π_{i≤t} μ_i) · g/d − η·μ_{t+1}/(1 − Π_{i≤t+1} μ_i) · m/d
 * ```
 * Defaults: learningRate 2e-3, beta1 0.9, beta2 0.999, epsilon 1e-8, weightDecay 0,
 * momentumDecay 4e-3 — PyTorch's. 0.96^(tψ) is the running product of q = 0.96^ψ
 * (computed once with a deterministic exp), and β2^t a running product, so results do
 * not depend on the engine's Math.pow. Keras's Nadam uses the same schedule.
 *
 * @example
 * ```ts
 * const opt = nadam({ learningRate: 2e-3 });
 * opt.step(params, grads);
 * ```
 */
export function nadam(options?: NadamOptions): Optimizer {
  const name = "nadam";
  const o = validate.options(name, options, [
    "learningRate", "beta1", "beta2", "epsilon", "weightDecay", "momentumDecay", "decoupledWeightDecay", "backend",
  ]);
  const learningRate = validate.number(name, "learningRate", o.learningRate ?? 2e-3, { min: 0, minExclusive: true });
  const beta1 = validate.number(name, "beta1", o.beta1 ?? 0.9, { min: 0, max: 1, maxExclusive: true });
  const beta2 = validate.number(name, "beta2", o.beta2 ?? 0.999, { min: 0, max: 1, maxExclusive: true });
  const epsilon = validate.number(name, "epsilon", o.epsilon ?? 1e-8, { min: 0 });
  const weightDecay = validate.number(name, "weightDecay", o.weightDecay ?? 0, { min: 0 });
  const momentumDecay = validate.number(name, "momentumDecay", o.momentumDecay ?? 4e-3, { min: 0 });
  const decoupled = validate.boolean(name, "decoupledWeightDecay", o.decoupledWeightDecay ?? false);
  const q = deterministicExp(momentumDecay * LN_096); // 0.96^ψ
  const c: NadamCoefficients = {
    beta1, oneMinusBeta1: 1 - beta1, beta2, oneMinusBeta2: 1 - beta2, biasCorrection2: 0,
    gradientCoefficient: 0, momentumCoefficient: 0, epsilon, weightDecay, decay: 1, decoupled,
  };
  let qPower = 1; // 0.96^(tψ)
  let muProduct = 1; // Π μ_i
  let beta2Power = 1;
  return firstOrderOptimizer({
    name,
    options: { beta1, beta2, epsilon, weightDecay, momentumDecay, decoupledWeightDecay: decoupled },
    learningRate,
    backend: o.backend as Backend | undefined,
    stateNames: ["m", "v"],
    scalars: {
      get: () => ({ qPower, muProduct, beta2Power }),
      set: (s) => ({ qPower, muProduct, beta2Power } = s as { qPower: number; muProduct: number; beta2Power: number }),
      reset: () => (qPower = muProduct = beta2Power = 1),
    },
    update(kernels, p, g, state, lr) {
      qPower *= q;
      beta2Power *= beta2;
      const mu = beta1 * (1 - 0.5 * qPower);
      const muNext = beta1 * (1 - 0.5 * (qPower * q));
      muProduct *= mu;
      c.biasCorrection2 = 1 - beta2Power;
      c.gradientCoefficient = (lr * (1 - mu)) / (1 - muProduct);
      c.momentumCoefficient = (lr * muNext) / (1 - muProduct * muNext);
      c.decay = 1 - lr * weightDecay;
      kernels.nadam(p, g, state[0], state[1], c);
    },
  });
}
