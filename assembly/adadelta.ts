// Fused Adadelta update (PyTorch torch.optim.Adadelta rule), in place:
//
//   g ← g + wd·p                       (when weightDecay ≠ 0)
//   v ← ρ·v + (1 − ρ)·(g·g)
//   δ ← (√(u + ε) / √(v + ε))·g        (u: the accumulated squared updates, before this step)
//   u ← ρ·u + (1 − ρ)·(δ·δ)
//   p ← p − lr·δ

import { lanes, at } from "./lanes";

// @ts-ignore: decorator
@inline function adadelta<T>(
  params: usize, grads: usize, v: usize, u: usize, n: i32,
  learningRate: f64, rho: f64, oneMinusRho: f64, epsilon: f64, weightDecay: f64,
): void {
  const lr = <T>learningRate, r = <T>rho, cr = <T>oneMinusRho, eps = <T>epsilon, wd = <T>weightDecay;
  const decay = weightDecay != 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vlr = v128.splat<T>(lr), vr = v128.splat<T>(r), vcr = v128.splat<T>(cr);
    const veps = v128.splat<T>(eps), vwd = v128.splat<T>(wd);
    for (; i + lanes<T>() <= n; i += lanes<T>()) {
      const pp = at<T>(params, i), pv = at<T>(v, i), pu = at<T>(u, i);
      const p = v128.load(pp);
      let g = v128.load(at<T>(grads, i));
      if (decay) g = v128.add<T>(g, v128.mul<T>(vwd, p));
      const vi = v128.add<T>(v128.mul<T>(vr, v128.load(pv)), v128.mul<T>(vcr, v128.mul<T>(g, g)));
      v128.store(pv, vi);
      const ui = v128.load(pu);
      const std = v128.sqrt<T>(v128.add<T>(vi, veps));
      const delta = v128.mul<T>(v128.div<T>(v128.sqrt<T>(v128.add<T>(ui, veps)), std), g);
      v128.store(pu, v128.add<T>(v128.mul<T>(vr, ui), v128.mul<T>(vcr, v128.mul<T>(delta, delta))));
      v128.store(pp, v128.sub<T>(p, v128.mul<T>(vlr, delta)));
    }
  }
  for (; i < n; i++) {
    const pp = at<T>(params, i), pv = at<T>(v, i), pu = at<T>(u, i);
    const p = load<T>(pp);
    let g = load<T>(at<T>(grads, i));
    if (decay) g = g + wd * p;
    const vi: T = r * load<T>(pv) + cr * (g * g);
    store<T>(pv, vi);
    const ui = load<T>(pu);
    const std: T = sqrt<T>(vi + eps);
    const delta: T = (sqrt<T>(ui + eps) / std) * g;
    store<T>(pu, r * ui + cr * (delta * delta));
    store<T>(pp, p - lr * delta);
  }
}

export function adadeltaF64(params: usize, grads: usize, v: usize, u: usize, n: i32, learningRate: f64, rho: f64, oneMinusRho: f64, epsilon: f64, weightDecay: f64): void {
  adadelta<f64>(params, grads, v, u, n, learningRate, rho, oneMinusRho, epsilon, weightDecay);
}
export function adadeltaF32(params: usize, grads: usize, v: usize, u: usize, n: i32, learningRate: f64, rho: f64, oneMinusRho: f64, epsilon: f64, weightDecay: f64): void {
  adadelta<f32>(params, grads, v, u, n, learningRate, rho, oneMinusRho, epsilon, weightDecay);
}
