import type { Backend } from "../backends/Backend";
import type { AdadeltaCoefficients } from "../backends/Kernels";
import { validate } from "../validate";
import { firstOrderOptimizer } from "./firstOrderOptimizer";
import type { Optimizer } from "./Optimizer";

/** Options of {@link adadelta}, after torch.optim.Adadelta. */
export interface AdadeltaOptions {
  /** Scale η > 0 applied to the update. Default 1.0. */
  learningRate?: number;
  /** Decay rate ρ ∈ [0, 1). Default 0.9. */
  rho?: number;
  /** ε > 0 inside both square roots. Default 1e-6. */
  epsilon?: number;
  /** L2 penalty λ ≥ 0 added to the gradient. Default 0. */
  weightDecay?: number;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/**
 * Adadelta (Zeiler, 2012), following torch.optim.Adadelta. Per element:
 * ```
 * g ← g + λ·p
 * v ← ρ·v + (1 − ρ)·g²
 * δ ← √(u + ε) / √(v + ε) · g        (u: accumulated squared updates so far)
 * u ← ρ·u + (1 − ρ)·δ²
 * p ← p − η·δ
 * ```
 * Defaults: learningRate 1.0, rho 0.9, epsilon 1e-6, weightDecay 0 — PyTorch's.
 * TensorFlow/Keras use learning rate 1e-3, ρ = 0.95, ε = 1e-7. As in Zeiler's Algorithm 1
 * and in PyTorch, δ uses the accumulated update u from before this step (u_{t−1}); u is
 * updated afterwards with the new δ.
 *
 * @example
 * ```ts
 * const opt = adadelta();
 * opt.step(params, grads);
 * ```
 */
export function adadelta(options?: AdadeltaOptions): Optimizer {
  const name = "adadelta";
  const o = validate.options(name, options, ["learningRate", "rho", "epsilon", "weightDecay", "backend"]);
  const learningRate = validate.number(name, "learningRate", o.learningRate ?? 1.0, { min: 0, minExclusive: true });
  const rho = validate.number(name, "rho", o.rho ?? 0.9, { min: 0, max: 1, maxExclusive: true });
  const epsilon = validate.number(name, "epsilon", o.epsilon ?? 1e-6, { min: 0, minExclusive: true });
  const weightDecay = validate.number(name, "weightDecay", o.weightDecay ?? 0, { min: 0 });
  const c: AdadeltaCoefficients = { learningRate, rho, oneMinusRho: 1 - rho, epsilon, weightDecay };
  return firstOrderOptimizer({
    name,
    options: { rho, epsilon, weightDecay },
    learningRate,
    backend: o.backend as Backend | undefined,
    stateNames: ["squareAverage", "accumulatedUpdate"],
    update(kernels, p, g, state, lr) {
      c.learningRate = lr;
      kernels.adadelta(p, g, state[0], state[1], c);
    },
  });
}
