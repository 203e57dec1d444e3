// Fused Adam / AdamW / AMSGrad update (PyTorch torch.optim.Adam rule), in place:
//
//   p ← decay·p                         decoupled weight decay (AdamW), decay = 1 − lr·wd
//   g ← g + wd·p                        L2 weight decay (classic Adam)
//   m ← β1·m + (1 − β1)·g
//   v ← β2·v + (1 − β2)·(g·g)
//   v̂ ← max(v̂, v)                       AMSGrad: v̂ is the running maximum, else v̂ = v
//   p ← p − stepSize·(m / (√v̂ / √(1 − β2^t) + ε)),   stepSize = lr / (1 − β1^t)
//
// The host computes stepSize and √(1 − β2^t) from running products of β1 and β2,
// so no transcendental function feeds the result. The gradient is never written.

import { lanes, at } from "./lanes";

const L2_DECAY: i32 = 1;
const DECOUPLED_DECAY: i32 = 2;
const AMSGRAD: i32 = 4;

// One loop, specialized at each call site below: the mode flags are constants there, so
// their branches fold away.
// @ts-ignore: decorator
@inline function adamLoop<T>(
  params: usize, grads: usize, m: usize, v: usize, vmax: usize, n: i32,
  b1: T, c1: T, b2: T, c2: T, step: T, bc2: T, eps: T, wd: T, dec: T,
  l2: bool, decoupled: bool, amsgrad: bool,
): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vb1 = v128.splat<T>(b1), vc1 = v128.splat<T>(c1);
    const vb2 = v128.splat<T>(b2), vc2 = v128.splat<T>(c2);
    const vstep = v128.splat<T>(step), vbc2 = v128.splat<T>(bc2), veps = v128.splat<T>(eps);
    const vwd = v128.splat<T>(wd), vdec = v128.splat<T>(dec);
    for (; i + lanes<T>() <= n; i += lanes<T>()) {
      const pp = at<T>(params, i), pm = at<T>(m, i), pv = at<T>(v, i);
      let p = v128.load(pp);
      let g = v128.load(at<T>(grads, i));
      if (decoupled) p = v128.mul<T>(p, vdec);
      if (l2) g = v128.add<T>(g, v128.mul<T>(vwd, p));
      const mi = v128.add<T>(v128.mul<T>(vb1, v128.load(pm)), v128.mul<T>(vc1, g));
      let vi = v128.add<T>(v128.mul<T>(vb2, v128.load(pv)), v128.mul<T>(vc2, v128.mul<T>(g, g)));
      v128.store(pm, mi);
      v128.store(pv, vi);
      if (amsgrad) {
        const px = at<T>(vmax, i);
        vi = v128.max<T>(v128.load(px), vi);
        v128.store(px, vi);
      }
      const denom = v128.add<T>(v128.div<T>(v128.sqrt<T>(vi), vbc2), veps);
      v128.store(pp, v128.sub<T>(p, v128.mul<T>(vstep, v128.div<T>(mi, denom))));
    }
  }
  for (; i < n; i++) {
    const pp = at<T>(params, i), pm = at<T>(m, i), pv = at<T>(v, i);
    let p = load<T>(pp);
    let g = load<T>(at<T>(grads, i));
    if (decoupled) p = p * dec;
    if (l2) g = g + wd * p;
    const mi: T = b1 * load<T>(pm) + c1 * g;
    let vi: T = b2 * load<T>(pv) + c2 * (g * g);
    store<T>(pm, mi);
    store<T>(pv, vi);
    if (amsgrad) {
      const px = at<T>(vmax, i);
      vi = max<T>(load<T>(px), vi);
      store<T>(px, vi);
    }
    const denom: T = sqrt<T>(vi) / bc2 + eps;
    store<T>(pp, p - step * (mi / denom));
  }
}

// @ts-ignore: decorator
@inline function adam<T>(
  params: usize, grads: usize, m: usize, v: usize, vmax: usize, n: i32,
  beta1: f64, oneMinusBeta1: f64, beta2: f64, oneMinusBeta2: f64,
  stepSize: f64, biasCorrection2Sqrt: f64, epsilon: f64, weightDecay: f64, decay: f64, flags: i32,
): void {
  const b1 = <T>beta1, c1 = <T>oneMinusBeta1, b2 = <T>beta2, c2 = <T>oneMinusBeta2;
  const step = <T>stepSize, bc2 = <T>biasCorrection2Sqrt, eps = <T>epsilon;
  const wd = <T>weightDecay, dec = <T>decay;
  const l2 = (flags & L2_DECAY) != 0;
  const decoupled = (flags & DECOUPLED_DECAY) != 0;
  if ((flags & AMSGRAD) != 0) {
    if (l2) adamLoop<T>(params, grads, m, v, vmax, n, b1, c1, b2, c2, step, bc2, eps, wd, dec, true, false, true);
    else if (decoupled) adamLoop<T>(params, grads, m, v, vmax, n, b1, c1, b2, c2, step, bc2, eps, wd, dec, false, true, true);
    else adamLoop<T>(params, grads, m, v, vmax, n, b1, c1, b2, c2, step, bc2, eps, wd, dec, false, false, true);
  } else {
    if (l2) adamLoop<T>(params, grads, m, v, vmax, n, b1, c1, b2, c2, step, bc2, eps, wd, dec, true, false, false);
    else if (decoupled) adamLoop<T>(params, grads, m, v, vmax, n, b1, c1, b2, c2, step, bc2, eps, wd, dec, false, true, false);
    else adamLoop<T>(params, grads, m, v, vmax, n, b1, c1, b2, c2, step, bc2, eps, wd, dec, false, false, false);
  }
}

export function adamF64(
  params: usize, grads: usize, m: usize, v: usize, vmax: usize, n: i32,
  beta1: f64, oneMinusBeta1: f64, beta2: f64, oneMinusBeta2: f64,
  stepSize: f64, biasCorrection2Sqrt: f64, epsilon: f64, weightDecay: f64, decay: f64, flags: i32,
): void {
  adam<f64>(params, grads, m, v, vmax, n, beta1, oneMinusBeta1, beta2, oneMinusBeta2,
    stepSize, biasCorrection2Sqrt, epsilon, weightDecay, decay, flags);
}

export function adamF32(
  params: usize, grads: usize, m: usize, v: usize, vmax: usize, n: i32,
  beta1: f64, oneMinusBeta1: f64, beta2: f64, oneMinusBeta2: f64,
  stepSize: f64, biasCorrection2Sqrt: f64, epsilon: f64, weightDecay: f64, decay: f64, flags: i32,
): void {
  adam<f32>(params, grads, m, v, vmax, n, beta1, oneMinusBeta1, beta2, oneMinusBeta2,
    stepSize, biasCorrection2Sqrt, epsilon, weightDecay, decay, flags);
}
