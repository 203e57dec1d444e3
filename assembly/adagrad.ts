// Fused Adagrad update (PyTorch torch.optim.Adagrad rule), in place:
//
//   g ← g + wd·p            (when weightDecay ≠ 0)
//   s ← s + g·g
//   p ← p − clr·(g / (√s + ε)),   clr = lr / (1 + (t − 1)·lrDecay), computed by the host

import { lanes, at } from "./lanes";

// @ts-ignore: decorator
@inline function adagrad<T>(
  params: usize, grads: usize, sum: usize, n: i32,
  learningRate: f64, epsilon: f64, weightDecay: f64,
): void {
  const lr = <T>learningRate, eps = <T>epsilon, wd = <T>weightDecay;
  const decay = weightDecay != 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vlr = v128.splat<T>(lr), veps = v128.splat<T>(eps), vwd = v128.splat<T>(wd);
    for (; i + lanes<T>() <= n; i += lanes<T>()) {
      const pp = at<T>(params, i), ps = at<T>(sum, i);
      const p = v128.load(pp);
      let g = v128.load(at<T>(grads, i));
      if (decay) g = v128.add<T>(g, v128.mul<T>(vwd, p));
      const s = v128.add<T>(v128.load(ps), v128.mul<T>(g, g));
      v128.store(ps, s);
      const std = v128.add<T>(v128.sqrt<T>(s), veps);
      v128.store(pp, v128.sub<T>(p, v128.mul<T>(vlr, v128.div<T>(g, std))));
    }
  }
  for (; i < n; i++) {
    const pp = at<T>(params, i), ps = at<T>(sum, i);
    const p = load<T>(pp);
    let g = load<T>(at<T>(grads, i));
    if (decay) g = g + wd * p;
    const s: T = load<T>(ps) + g * g;
    store<T>(ps, s);
    const std: T = sqrt<T>(s) + eps;
    store<T>(pp, p - lr * (g / std));
  }
}

export function adagradF64(params: usize, grads: usize, sum: usize, n: i32, learningRate: f64, epsilon: f64, weightDecay: f64): void {
  adagrad<f64>(params, grads, sum, n, learningRate, epsilon, weightDecay);
}
export function adagradF32(params: usize, grads: usize, sum: usize, n: i32, learningRate: f64, epsilon: f64, weightDecay: f64): void {
  adagrad<f32>(params, grads, sum, n, learningRate, epsilon, weightDecay);
}
