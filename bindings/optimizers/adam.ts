import type { Optimizer } from "./Optimizer";
import { adamFamily, type AdamOptions } from "./adamFamily";

const OPTIONS = ["learningRate", "beta1", "beta2", "epsilon", "weightDecay", "amsgrad", "decoupledWeightDecay", "backend"];

/**
 * Adam (Kingma & Ba, 2015), with AMSGrad (Reddi et al., 2018) and both forms of weight
 * decay, following torch.optim.Adam. At step t, for each element with gradient g:
 * ```
 * p ← (1 − ηλ)·p                 if decoupledWeightDecay (AdamW)
 * g ← g + λ·p                     otherwise, if weightDecay λ ≠ 0 (L2)
 * m ← β1·m + (1 − β1)·g
 * v ← β2·v + (1 − β2)·g²
 * v̂ ← max(v̂, v)  with amsgrad,  else  v̂ ← v
 * p ← p − η/(1 − β1^t) · m / (√v̂ / √(1 − β2^t) + ε)
 * ```
 * Defaults: learningRate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8, weightDecay 0,
 * amsgrad false, decoupledWeightDecay false — PyTorch's. β1^t and β2^t are running
 * products, so results do not depend on the engine's Math.pow.
 *
 * Differences from peers: PyTorch updates m with `lerp`, which rounds differently in
 * the last bit; TensorFlow.js/Keras put ε as ε̂ = ε·√(1 − β2^t) (the paper's
 * "efficient" form), which changes results when v is tiny.
 *
 * @example
 * ```ts
 * await init();
 * const opt = adam({ learningRate: 0.05 });
 * const x = new Float64Array([1.5, 1.5]);
 * const g = new Float64Array(2);
 * for (let t = 0; t < 500; t++) {
 *   g[0] = 2 * (x[0] - 1); g[1] = 20 * (x[1] + 2);   // ∇ of (x0 − 1)² + 10·(x1 + 2)²
 *   opt.step(x, g);
 * }
 * // x ≈ [1, −2]
 * ```
 */
export function adam(options?: AdamOptions): Optimizer {
  return adamFamily("adam", options, OPTIONS, { weightDecay: 0, decoupledWeightDecay: false });
}
