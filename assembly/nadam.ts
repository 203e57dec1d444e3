// Fused NAdam update (PyTorch torch.optim.NAdam rule), in place:
//
//   p ← decay·p                        decoupled weight decay, decay = 1 − lr·wd
//   g ← g + wd·p                       L2 weight decay
//   m ← β1·m + (1 − β1)·g
//   v ← β2·v + (1 − β2)·(g·g)
//   d ← √(v / (1 − β2^t)) + ε
//   p ← (p − gradientCoefficient·(g/d)) − momentumCoefficient·(m/d)
//
// with gradientCoefficient = lr·(1 − μ_t)/(1 − Π_{i≤t} μ_i) and
// momentumCoefficient = lr·μ_{t+1}/(1 − Π_{i≤t+1} μ_i), computed by the host.

import { lanes, at } from "./lanes";

const L2_DECAY: i32 = 1;
const DECOUPLED_DECAY: i32 = 2;

// @ts-ignore: decorator
@inline function nadam<T>(
  params: usize, grads: usize, m: usize, v: usize, n: i32,
  beta1: f64, oneMinusBeta1: f64, beta2: f64, oneMinusBeta2: f64, biasCorrection2: f64,
  gradientCoefficient: f64, momentumCoefficient: f64, epsilon: f64, weightDecay: f64, decay: f64, flags: i32,
): void {
  const b1 = <T>beta1, c1 = <T>oneMinusBeta1, b2 = <T>beta2, c2 = <T>oneMinusBeta2, bc2 = <T>biasCorrection2;
  const gc = <T>gradientCoefficient, mc = <T>momentumCoefficient, eps = <T>epsilon;
  const wd = <T>weightDecay, dec = <T>decay;
  const l2 = (flags & L2_DECAY) != 0;
  const decoupled = (flags & DECOUPLED_DECAY) != 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vb1 = v128.splat<T>(b1), vc1 = v128.splat<T>(c1), vb2 = v128.splat<T>(b2), vc2 = v128.splat<T>(c2);
    const vbc2 = v128.splat<T>(bc2), vgc = v128.splat<T>(gc), vmc = v128.splat<T>(mc), veps = v128.splat<T>(eps);
    const vwd = v128.splat<T>(wd), vdec = v128.splat<T>(dec);
    for (; i + lanes<T>() <= n; i += lanes<T>()) {
      const pp = at<T>(params, i), pm = at<T>(m, i), pv = at<T>(v, i);
      let p = v128.load(pp);
      let g = v128.load(at<T>(grads, i));
      if (decoupled) p = v128.mul<T>(p, vdec);
      if (l2) g = v128.add<T>(g, v128.mul<T>(vwd, p));
      const mi = v128.add<T>(v128.mul<T>(vb1, v128.load(pm)), v128.mul<T>(vc1, g));
      const vi = v128.add<T>(v128.mul<T>(vb2, v128.load(pv)), v128.mul<T>(vc2, v128.mul<T>(g, g)));
      v128.store(pm, mi);
      v128.store(pv, vi);
      const d = v128.add<T>(v128.sqrt<T>(v128.div<T>(vi, vbc2)), veps);
      p = v128.sub<T>(p, v128.mul<T>(vgc, v128.div<T>(g, d)));
      v128.store(pp, v128.sub<T>(p, v128.mul<T>(vmc, v128.div<T>(mi, d))));
    }
  }
  for (; i < n; i++) {
    const pp = at<T>(params, i), pm = at<T>(m, i), pv = at<T>(v, i);
    let p = load<T>(pp);
    let g = load<T>(at<T>(grads, i));
    if (decoupled) p = p * dec;
    if (l2) g = g + wd * p;
    const mi: T = b1 * load<T>(pm) + c1 * g;
    const vi: T = b2 * load<T>(pv) + c2 * (g * g);
    store<T>(pm, mi);
    store<T>(pv, vi);
    const d: T = sqrt<T>(vi / bc2) + eps;
    p = p - gc * (g / d);
    store<T>(pp, p - mc * (mi / d));
  }
}

export function nadamF64(
  params: usize, grads: usize, m: usize, v: usize, n: i32,
  beta1: f64, oneMinusBeta1: f64, beta2: f64, oneMinusBeta2: f64, biasCorrection2: f64,
  gradientCoefficient: f64, momentumCoefficient: f64, epsilon: f64, weightDecay: f64, decay: f64, flags: i32,
): void {
  nadam<f64>(params, grads, m, v, n, beta1, oneMinusBeta1, beta2, oneMinusBeta2, biasCorrection2,
    gradientCoefficient, momentumCoefficient, epsilon, weightDecay, decay, flags);
}
export function nadamF32(
  params: usize, grads: usize, m: usize, v: usize, n: i32,
  beta1: f64, oneMinusBeta1: f64, beta2: f64, oneMinusBeta2: f64, biasCorrection2: f64,
  gradientCoefficient: f64, momentumCoefficient: f64, epsilon: f64, weightDecay: f64, decay: f64, flags: i32,
): void {
  nadam<f32>(params, grads, m, v, n, beta1, oneMinusBeta1, beta2, oneMinusBeta2, biasCorrection2,
    gradientCoefficient, momentumCoefficient, epsilon, weightDecay, decay, flags);
}
