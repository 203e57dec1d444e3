// Fused Adamax update (PyTorch torch.optim.Adamax rule), in place:
//
//   g ← g + wd·p                  (when weightDecay ≠ 0)
//   m ← β1·m + (1 − β1)·g
//   u ← max(β2·u, |g| + ε)
//   p ← p − stepSize·(m / u),     stepSize = lr / (1 − β1^t), computed by the host

import { lanes, at } from "./lanes";

// @ts-ignore: decorator
@inline function adamax<T>(
  params: usize, grads: usize, m: usize, u: usize, n: i32,
  beta1: f64, oneMinusBeta1: f64, beta2: f64, stepSize: f64, epsilon: f64, weightDecay: f64,
): void {
  const b1 = <T>beta1, c1 = <T>oneMinusBeta1, b2 = <T>beta2, step = <T>stepSize, eps = <T>epsilon, wd = <T>weightDecay;
  const decay = weightDecay != 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vb1 = v128.splat<T>(b1), vc1 = v128.splat<T>(c1), vb2 = v128.splat<T>(b2);
    const vstep = v128.splat<T>(step), veps = v128.splat<T>(eps), vwd = v128.splat<T>(wd);
    for (; i + lanes<T>() <= n; i += lanes<T>()) {
      const pp = at<T>(params, i), pm = at<T>(m, i), pu = at<T>(u, i);
      const p = v128.load(pp);
      let g = v128.load(at<T>(grads, i));
      if (decay) g = v128.add<T>(g, v128.mul<T>(vwd, p));
      const mi = v128.add<T>(v128.mul<T>(vb1, v128.load(pm)), v128.mul<T>(vc1, g));
      const ui = v128.max<T>(v128.mul<T>(vb2, v128.load(pu)), v128.add<T>(v128.abs<T>(g), veps));
      v128.store(pm, mi);
      v128.store(pu, ui);
      v128.store(pp, v128.sub<T>(p, v128.mul<T>(vstep, v128.div<T>(mi, ui))));
    }
  }
  for (; i < n; i++) {
    const pp = at<T>(params, i), pm = at<T>(m, i), pu = at<T>(u, i);
    const p = load<T>(pp);
    let g = load<T>(at<T>(grads, i));
    if (decay) g = g + wd * p;
    const mi: T = b1 * load<T>(pm) + c1 * g;
    const ui: T = max<T>(b2 * load<T>(pu), abs<T>(g) + eps);
    store<T>(pm, mi);
    store<T>(pu, ui);
    store<T>(pp, p - step * (mi / ui));
  }
}

export function adamaxF64(params: usize, grads: usize, m: usize, u: usize, n: i32, beta1: f64, oneMinusBeta1: f64, beta2: f64, stepSize: f64, epsilon: f64, weightDecay: f64): void {
  adamax<f64>(params, grads, m, u, n, beta1, oneMinusBeta1, beta2, stepSize, epsilon, weightDecay);
}
export function adamaxF32(params: usize, grads: usize, m: usize, u: usize, n: i32, beta1: f64, oneMinusBeta1: f64, beta2: f64, stepSize: f64, epsilon: f64, weightDecay: f64): void {
  adamax<f32>(params, grads, m, u, n, beta1, oneMinusBeta1, beta2, stepSize, epsilon, weightDecay);
}
