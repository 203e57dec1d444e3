// Fused RMSprop update (PyTorch torch.optim.RMSprop rule), in place:
//
//   g ← g + wd·p                              (when weightDecay ≠ 0)
//   v ← α·v + (1 − α)·(g·g)
//   ḡ ← α·ḡ + (1 − α)·g,  d ← √(v − ḡ·ḡ) + ε   (centered)
//   d ← √v + ε                                 (not centered)
//   b ← μ·b + g/d,  p ← p − lr·b              (momentum μ ≠ 0)
//   p ← p − lr·(g/d)                           (no momentum)

import { lanes, at } from "./lanes";

const WEIGHT_DECAY: i32 = 1;
const CENTERED: i32 = 2;
const MOMENTUM: i32 = 4;

// @ts-ignore: decorator
@inline function rmsprop<T>(
  params: usize, grads: usize, v: usize, gavg: usize, buffer: usize, n: i32,
  learningRate: f64, alpha: f64, oneMinusAlpha: f64, epsilon: f64, weightDecay: f64, momentum: f64, flags: i32,
): void {
  const lr = <T>learningRate, a = <T>alpha, ca = <T>oneMinusAlpha, eps = <T>epsilon;
  const wd = <T>weightDecay, mu = <T>momentum;
  const decay = (flags & WEIGHT_DECAY) != 0;
  const centered = (flags & CENTERED) != 0;
  const useMomentum = (flags & MOMENTUM) != 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vlr = v128.splat<T>(lr), va = v128.splat<T>(a), vca = v128.splat<T>(ca), veps = v128.splat<T>(eps);
    const vwd = v128.splat<T>(wd), vmu = v128.splat<T>(mu);
    for (; i + lanes<T>() <= n; i += lanes<T>()) {
      const pp = at<T>(params, i), pv = at<T>(v, i);
      const p = v128.load(pp);
      let g = v128.load(at<T>(grads, i));
      if (decay) g = v128.add<T>(g, v128.mul<T>(vwd, p));
      const vi = v128.add<T>(v128.mul<T>(va, v128.load(pv)), v128.mul<T>(vca, v128.mul<T>(g, g)));
      v128.store(pv, vi);
      let d: v128;
      if (centered) {
        const pg = at<T>(gavg, i);
        const gi = v128.add<T>(v128.mul<T>(va, v128.load(pg)), v128.mul<T>(vca, g));
        v128.store(pg, gi);
        d = v128.add<T>(v128.sqrt<T>(v128.sub<T>(vi, v128.mul<T>(gi, gi))), veps);
      } else {
        d = v128.add<T>(v128.sqrt<T>(vi), veps);
      }
      if (useMomentum) {
        const pb = at<T>(buffer, i);
        const b = v128.add<T>(v128.mul<T>(vmu, v128.load(pb)), v128.div<T>(g, d));
        v128.store(pb, b);
        v128.store(pp, v128.sub<T>(p, v128.mul<T>(vlr, b)));
      } else {
        v128.store(pp, v128.sub<T>(p, v128.mul<T>(vlr, v128.div<T>(g, d))));
      }
    }
  }
  for (; i < n; i++) {
    const pp = at<T>(params, i), pv = at<T>(v, i);
    const p = load<T>(pp);
    let g = load<T>(at<T>(grads, i));
    if (decay) g = g + wd * p;
    const vi: T = a * load<T>(pv) + ca * (g * g);
    store<T>(pv, vi);
    let d: T;
    if (centered) {
      const pg = at<T>(gavg, i);
      const gi: T = a * load<T>(pg) + ca * g;
      store<T>(pg, gi);
      d = sqrt<T>(vi - gi * gi) + eps;
    } else {
      d = sqrt<T>(vi) + eps;
    }
    if (useMomentum) {
      const pb = at<T>(buffer, i);
      const b: T = mu * load<T>(pb) + g / d;
      store<T>(pb, b);
      store<T>(pp, p - lr * b);
    } else {
      store<T>(pp, p - lr * (g / d));
    }
  }
}

export function rmspropF64(
  params: usize, grads: usize, v: usize, gavg: usize, buffer: usize, n: i32,
  learningRate: f64, alpha: f64, oneMinusAlpha: f64, epsilon: f64, weightDecay: f64, momentum: f64, flags: i32,
): void {
  rmsprop<f64>(params, grads, v, gavg, buffer, n, learningRate, alpha, oneMinusAlpha, epsilon, weightDecay, momentum, flags);
}
export function rmspropF32(
  params: usize, grads: usize, v: usize, gavg: usize, buffer: usize, n: i32,
  learningRate: f64, alpha: f64, oneMinusAlpha: f64, epsilon: f64, weightDecay: f64, momentum: f64, flags: i32,
): void {
  rmsprop<f32>(params, grads, v, gavg, buffer, n, learningRate, alpha, oneMinusAlpha, epsilon, weightDecay, momentum, flags);
}
