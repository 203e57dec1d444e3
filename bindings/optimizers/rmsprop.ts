import type { Backend } from "../backends/Backend";
import type { RmspropCoefficients } from "../backends/Kernels";
import { validate } from "../validate";
import { firstOrderOptimizer } from "./firstOrderOptimizer";
import type { Optimizer } from "./Optimizer";

/** Options of {@link rmsprop}, after torch.optim.RMSprop. */
export interface RmspropOptions {
  /** Step size η > 0. Default 1e-2. */
  learningRate?: number;
  /** Smoothing constant α ∈ [0, 1). Default 0.99 (TensorFlow's `rho`, default 0.9 there). */
  alpha?: number;
  /** ε ≥ 0 added outside the square root. Default 1e-8. */
  epsilon?: number;
  /** L2 penalty λ ≥ 0 added to the gradient. Default 0. */
  weightDecay?: number;
  /** Momentum μ ≥ 0. Default 0. */
  momentum?: number;
  /** Normalize by the estimated variance (Graves 2013) instead of the raw second moment. Default false. */
  centered?: boolean;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/**
 * RMSprop (Hinton, Coursera lecture 6e, 2012; centered form from Graves, 2013),
 * following torch.optim.RMSprop. Per element:
 * ```
 * g ← g + λ·p
 * v ← α·v + (1 − α)·g²
 * d ← √(v − ḡ²) + ε  with ḡ ← α·ḡ + (1 − α)·g   (centered)
 * d ← √v + ε                                      (otherwise)
 * b ← μ·b + g/d,  p ← p − η·b                     (momentum μ > 0)
 * p ← p − η·g/d                                   (otherwise)
 * ```
 * Defaults: learningRate 1e-2, alpha 0.99, epsilon 1e-8, weightDecay 0, momentum 0,
 * centered false — PyTorch's. TensorFlow/Keras put ε inside the square root
 * (√(v + ε)) and default to ρ = 0.9, η = 1e-3.
 *
 * @example
 * ```ts
 * const opt = rmsprop({ learningRate: 1e-3, momentum: 0.9, centered: true });
 * opt.step(params, grads);
 * ```
 */
export function rmsprop(options?: RmspropOptions): Optimizer {
  const name = "rmsprop";
  const o = validate.options(name, options, ["learningRate", "alpha", "epsilon", "weightDecay", "momentum", "centered", "backend"]);
  const learningRate = validate.number(name, "learningRate", o.learningRate ?? 1e-2, { min: 0, minExclusive: true });
  const alpha = validate.number(name, "alpha", o.alpha ?? 0.99, { min: 0, max: 1, maxExclusive: true });
  const epsilon = validate.number(name, "epsilon", o.epsilon ?? 1e-8, { min: 0 });
  const weightDecay = validate.number(name, "weightDecay", o.weightDecay ?? 0, { min: 0 });
  const momentum = validate.number(name, "momentum", o.momentum ?? 0, { min: 0 });
  const centered = validate.boolean(name, "centered", o.centered ?? false);
  const c: RmspropCoefficients = { learningRate, alpha, oneMinusAlpha: 1 - alpha, epsilon, weightDecay, momentum, centered };
  const stateNames = ["squareAverage", ...(centered ? ["gradAverage"] : []), ...(momentum !== 0 ? ["momentumBuffer"] : [])];
  return firstOrderOptimizer({
    name,
    options: { alpha, epsilon, weightDecay, momentum, centered },
    learningRate,
    backend: o.backend as Backend | undefined,
    stateNames,
    update(kernels, p, g, state, lr) {
      c.learningRate = lr;
      kernels.rmsprop(p, g, state[0], centered ? state[1] : null, momentum !== 0 ? state[stateNames.length - 1] : null, c);
    },
  });
}
