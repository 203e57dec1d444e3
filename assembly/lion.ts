// Fused Lion update (Chen et al. 2023, "Symbolic Discovery of Optimization
// Algorithms"; the reference lion-pytorch and optax rule), in place:
//
//   p ← decay·p                        decay = 1 − lr·wd (decoupled weight decay)
//   c ← β1·m + (1 − β1)·g
//   p ← p − lr·sign(c)                 sign(±0) = ±0, sign(NaN) = NaN
//   m ← β2·m + (1 − β2)·g

import { lanes, at } from "./lanes";

// sign(c) as 1, −1, or c·0 (which keeps ±0 and turns NaN into NaN), the same in every lane.
// @ts-ignore: decorator
@inline function sign<T>(c: T): T {
  return c > <T>0 ? <T>1 : c < <T>0 ? <T>-1 : c * <T>0;
}

// @ts-ignore: decorator
@inline function lion<T>(
  params: usize, grads: usize, m: usize, n: i32,
  learningRate: f64, beta1: f64, oneMinusBeta1: f64, beta2: f64, oneMinusBeta2: f64, decay: f64,
): void {
  const lr = <T>learningRate, b1 = <T>beta1, c1 = <T>oneMinusBeta1, b2 = <T>beta2, c2 = <T>oneMinusBeta2;
  const dec = <T>decay;
  const decoupled = decay != 1;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vlr = v128.splat<T>(lr), vb1 = v128.splat<T>(b1), vc1 = v128.splat<T>(c1);
    const vb2 = v128.splat<T>(b2), vc2 = v128.splat<T>(c2), vdec = v128.splat<T>(dec);
    const one = v128.splat<T>(<T>1), minusOne = v128.splat<T>(<T>-1), zero = v128.splat<T>(<T>0);
    for (; i + lanes<T>() <= n; i += lanes<T>()) {
      const pp = at<T>(params, i), pm = at<T>(m, i);
      let p = v128.load(pp);
      const g = v128.load(at<T>(grads, i));
      const mOld = v128.load(pm);
      if (decoupled) p = v128.mul<T>(p, vdec);
      const c = v128.add<T>(v128.mul<T>(vb1, mOld), v128.mul<T>(vc1, g));
      const s = v128.bitselect(one, v128.bitselect(minusOne, v128.mul<T>(c, zero), v128.lt<T>(c, zero)), v128.gt<T>(c, zero));
      v128.store(pp, v128.sub<T>(p, v128.mul<T>(vlr, s)));
      v128.store(pm, v128.add<T>(v128.mul<T>(vb2, mOld), v128.mul<T>(vc2, g)));
    }
  }
  for (; i < n; i++) {
    const pp = at<T>(params, i), pm = at<T>(m, i);
    let p = load<T>(pp);
    const g = load<T>(at<T>(grads, i));
    const mOld = load<T>(pm);
    if (decoupled) p = p * dec;
    const c: T = b1 * mOld + c1 * g;
    store<T>(pp, p - lr * sign<T>(c));
    store<T>(pm, b2 * mOld + c2 * g);
  }
}

export function lionF64(params: usize, grads: usize, m: usize, n: i32, learningRate: f64, beta1: f64, oneMinusBeta1: f64, beta2: f64, oneMinusBeta2: f64, decay: f64): void {
  lion<f64>(params, grads, m, n, learningRate, beta1, oneMinusBeta1, beta2, oneMinusBeta2, decay);
}
export function lionF32(params: usize, grads: usize, m: usize, n: i32, learningRate: f64, beta1: f64, oneMinusBeta1: f64, beta2: f64, oneMinusBeta2: f64, decay: f64): void {
  lion<f32>(params, grads, m, n, learningRate, beta1, oneMinusBeta1, beta2, oneMinusBeta2, decay);
}
