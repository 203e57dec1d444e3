import type { Backend } from "../backends/Backend";
import type { SgdCoefficients } from "../backends/Kernels";
import { DownhillError } from "../DownhillError";
import { validate } from "../validate";
import { firstOrderOptimizer } from "./firstOrderOptimizer";
import type { Optimizer } from "./Optimizer";

/** Options of {@link sgd}. Names follow torch.optim.SGD, spelled out. */
export interface SgdOptions {
  /** Step size η > 0. Default 1e-3 (PyTorch's default). */
  learningRate?: number;
  /** Momentum factor μ ≥ 0. Default 0 (plain gradient descent). */
  momentum?: number;
  /** Dampening for momentum, d ∈ [0, 1]. Default 0. */
  dampening?: number;
  /** Use Nesterov momentum (requires momentum > 0 and dampening = 0). Default false. */
  nesterov?: boolean;
  /** L2 penalty λ ≥ 0, added to the gradient as λ·p. Default 0. */
  weightDecay?: number;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

const OPTIONS = ["learningRate", "momentum", "dampening", "nesterov", "weightDecay", "backend"] as const;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and weight
 * decay, following torch.optim.SGD exactly. For each element, with gradient g:
 * ```
 * g ← g + λ·p                                  (weightDecay λ ≠ 0)
 * b ← g                        on the first step,
 * b ← μ·b + (1 − d)·g          afterwards       (momentum μ ≠ 0)
 * g ← g + μ·b  if nesterov,  else  g ← b
 * p ← p − η·g
 * ```
 * With momentum 0 this is the plain descent step x ← x − η∇f(x), which on a quadratic
 * with largest curvature L is stable only for η < 2/L.
 *
 * Note: TensorFlow/Keras write momentum as v ← μ·v − η·g, p ← p + v; that equals this
 * rule when η is constant and differs when the learning rate changes between steps.
 *
 * References: Polyak (1964) heavy ball; Sutskever et al. (2013) for Nesterov momentum in
 * this form; PyTorch torch.optim.SGD documentation.
 *
 * @example
 * ```ts
 * await init();
 * const opt = sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true });
 * const x = new Float64Array([3, -2]);
 * const g = new Float64Array(2);
 * for (let t = 0; t < 100; t++) {
 *   g[0] = 2 * x[0]; g[1] = 2 * x[1];   // ∇ of x0² + x1²
 *   opt.step(x, g);
 * }
 * ```
 */
export function sgd(options?: SgdOptions): Optimizer {
  const o = validate.options("sgd", options, OPTIONS);
  const learningRate = validate.number("sgd", "learningRate", o.learningRate ?? 1e-3, { min: 0, minExclusive: true });
  const momentum = validate.number("sgd", "momentum", o.momentum ?? 0, { min: 0 });
  const dampening = validate.number("sgd", "dampening", o.dampening ?? 0, { min: 0, max: 1 });
  const nesterov = validate.boolean("sgd", "nesterov", o.nesterov ?? false);
  const weightDecay = validate.number("sgd", "weightDecay", o.weightDecay ?? 0, { min: 0 });
  if (nesterov && (momentum === 0 || dampening !== 0)) {
    throw new DownhillError(
      "INVALID_OPTION",
      "sgd: nesterov momentum requires momentum > 0 and dampening = 0 (as in PyTorch).",
      "nesterov",
    );
  }
  const c: SgdCoefficients = {
    learningRate,
    momentum,
    oneMinusDampening: 1 - dampening,
    weightDecay,
    nesterov,
    firstStep: true,
  };
  return firstOrderOptimizer({
    name: "sgd",
    options: { momentum, dampening, nesterov, weightDecay },
    learningRate,
    backend: o.backend as Backend | undefined,
    stateNames: momentum !== 0 ? ["momentumBuffer"] : [],
    update(kernels, p, g, state, lr, t) {
      c.learningRate = lr;
      c.firstStep = t === 1;
      kernels.sgd(p, g, momentum !== 0 ? state[0] : null, c);
    },
  });
}
