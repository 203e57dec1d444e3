import type { Backend } from "../backends/Backend";
import type { AdagradCoefficients } from "../backends/Kernels";
import { validate } from "../validate";
import { firstOrderOptimizer } from "./firstOrderOptimizer";
import type { Optimizer } from "./Optimizer";

/** Options of {@link adagrad}, after torch.optim.Adagrad. */
export interface AdagradOptions {
  /** Step size η > 0. Default 1e-2. */
  learningRate?: number;
  /** Learning-rate decay ≥ 0: step t uses η / (1 + (t − 1)·learningRateDecay). Default 0. */
  learningRateDecay?: number;
  /** L2 penalty λ ≥ 0 added to the gradient. Default 0. */
  weightDecay?: number;
  /** Starting value ≥ 0 of the squared-gradient sum. Default 0 (TensorFlow/Keras use 0.1). */
  initialAccumulatorValue?: number;
  /** ε ≥ 0 added outside the square root. Default 1e-10. */
  epsilon?: number;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/**
 * Adagrad (Duchi, Hazan & Singer, 2011), following torch.optim.Adagrad. Per element:
 * ```
 * g ← g + λ·p
 * s ← s + g²                              (s starts at initialAccumulatorValue)
 * p ← p − η/(1 + (t − 1)·decay) · g / (√s + ε)
 * ```
 * Defaults: learningRate 1e-2, learningRateDecay 0, weightDecay 0,
 * initialAccumulatorValue 0, epsilon 1e-10 — PyTorch's. TensorFlow.js/Keras start the
 * accumulator at 0.1 and use ε = 1e-7.
 *
 * @example
 * ```ts
 * const opt = adagrad({ learningRate: 0.5 });
 * opt.step(params, grads);
 * ```
 */
export function adagrad(options?: AdagradOptions): Optimizer {
  const name = "adagrad";
  const o = validate.options(name, options, ["learningRate", "learningRateDecay", "weightDecay", "initialAccumulatorValue", "epsilon", "backend"]);
  const learningRate = validate.number(name, "learningRate", o.learningRate ?? 1e-2, { min: 0, minExclusive: true });
  const learningRateDecay = validate.number(name, "learningRateDecay", o.learningRateDecay ?? 0, { min: 0 });
  const weightDecay = validate.number(name, "weightDecay", o.weightDecay ?? 0, { min: 0 });
  const initialAccumulatorValue = validate.number(name, "initialAccumulatorValue", o.initialAccumulatorValue ?? 0, { min: 0 });
  const epsilon = validate.number(name, "epsilon", o.epsilon ?? 1e-10, { min: 0 });
  const c: AdagradCoefficients = { learningRate, epsilon, weightDecay };
  return firstOrderOptimizer({
    name,
    options: { learningRateDecay, weightDecay, initialAccumulatorValue, epsilon },
    learningRate,
    backend: o.backend as Backend | undefined,
    stateNames: ["sum"],
    initialize: (state) => state[0].fill(initialAccumulatorValue),
    update(kernels, p, g, state, lr, t) {
      c.learningRate = lr / (1 + (t - 1) * learningRateDecay);
      kernels.adagrad(p, g, state[0], c);
    },
  });
}
