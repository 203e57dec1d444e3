// Fused SGD update (PyTorch torch.optim.SGD rule), in place, one pass:
//
//   g ← g + weightDecay·p                          (when weightDecay ≠ 0)
//   b ← g                                           (first step)
//   b ← momentum·b + (1 − dampening)·g              (later steps)
//   g ← g + momentum·b  (nesterov)   or   g ← b     (when momentum ≠ 0)
//   p ← p − lr·g
//
// The gradient array is read, never written.

import { lanes, at } from "./lanes";

// Flags, a bit field so one export covers every mode.
const WEIGHT_DECAY: i32 = 1;
const MOMENTUM: i32 = 2;
const NESTEROV: i32 = 4;
const FIRST_STEP: i32 = 8;

// One loop, specialized by the optimizer at each call site: the flags are constants
// there, so the branches fold away and the loop body is straight-line code.
// @ts-ignore: decorator
@inline function sgdLoop<T>(
  params: usize, grads: usize, buffer: usize, n: i32,
  lr: T, mu: T, omd: T, wd: T,
  decay: bool, useMomentum: bool, nesterov: bool, first: bool,
): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vlr = v128.splat<T>(lr), vmu = v128.splat<T>(mu);
    const vomd = v128.splat<T>(omd), vwd = v128.splat<T>(wd);
    // Two vectors an iteration: independent chains keep more loads in flight.
    for (; i + 2 * lanes<T>() <= n; i += 2 * lanes<T>()) {
      const pp = at<T>(params, i), pg = at<T>(grads, i), pb = at<T>(buffer, i);
      const p0 = v128.load(pp), p1 = v128.load(pp, 16);
      let g0 = v128.load(pg), g1 = v128.load(pg, 16);
      if (decay) {
        g0 = v128.add<T>(g0, v128.mul<T>(vwd, p0));
        g1 = v128.add<T>(g1, v128.mul<T>(vwd, p1));
      }
      if (useMomentum) {
        const b0 = first ? g0 : v128.add<T>(v128.mul<T>(vmu, v128.load(pb)), v128.mul<T>(vomd, g0));
        const b1 = first ? g1 : v128.add<T>(v128.mul<T>(vmu, v128.load(pb, 16)), v128.mul<T>(vomd, g1));
        v128.store(pb, b0);
        v128.store(pb, b1, 16);
        g0 = nesterov ? v128.add<T>(g0, v128.mul<T>(vmu, b0)) : b0;
        g1 = nesterov ? v128.add<T>(g1, v128.mul<T>(vmu, b1)) : b1;
      }
      v128.store(pp, v128.sub<T>(p0, v128.mul<T>(vlr, g0)));
      v128.store(pp, v128.sub<T>(p1, v128.mul<T>(vlr, g1)), 16);
    }
    for (; i + lanes<T>() <= n; i += lanes<T>()) {
      const pp = at<T>(params, i);
      const p = v128.load(pp);
      let g = v128.load(at<T>(grads, i));
      if (decay) g = v128.add<T>(g, v128.mul<T>(vwd, p));
      if (useMomentum) {
        const pb = at<T>(buffer, i);
        const b = first ? g : v128.add<T>(v128.mul<T>(vmu, v128.load(pb)), v128.mul<T>(vomd, g));
        v128.store(pb, b);
        g = nesterov ? v128.add<T>(g, v128.mul<T>(vmu, b)) : b;
      }
      v128.store(pp, v128.sub<T>(p, v128.mul<T>(vlr, g)));
    }
  }
  for (; i < n; i++) {
    const pp = at<T>(params, i);
    const p = load<T>(pp);
    let g = load<T>(at<T>(grads, i));
    if (decay) g = g + wd * p;
    if (useMomentum) {
      const pb = at<T>(buffer, i);
      const b: T = first ? g : mu * load<T>(pb) + omd * g;
      store<T>(pb, b);
      g = nesterov ? g + mu * b : b;
    }
    store<T>(pp, p - lr * g);
  }
}

// @ts-ignore: decorator
@inline function sgdMomentum<T>(
  params: usize, grads: usize, buffer: usize, n: i32, lr: T, mu: T, omd: T, wd: T,
  decay: bool, nesterov: bool, first: bool,
): void {
  if (nesterov) {
    if (first) sgdLoop<T>(params, grads, buffer, n, lr, mu, omd, wd, decay, true, true, true);
    else sgdLoop<T>(params, grads, buffer, n, lr, mu, omd, wd, decay, true, true, false);
  } else {
    if (first) sgdLoop<T>(params, grads, buffer, n, lr, mu, omd, wd, decay, true, false, true);
    else sgdLoop<T>(params, grads, buffer, n, lr, mu, omd, wd, decay, true, false, false);
  }
}

// @ts-ignore: decorator
@inline function sgd<T>(
  params: usize, grads: usize, buffer: usize, n: i32,
  learningRate: f64, momentum: f64, oneMinusDampening: f64, weightDecay: f64, flags: i32,
): void {
  const lr = <T>learningRate;
  const mu = <T>momentum;
  const omd = <T>oneMinusDampening;
  const wd = <T>weightDecay;
  const nesterov = (flags & NESTEROV) != 0;
  const first = (flags & FIRST_STEP) != 0;
  if ((flags & MOMENTUM) != 0) {
    if ((flags & WEIGHT_DECAY) != 0) sgdMomentum<T>(params, grads, buffer, n, lr, mu, omd, wd, true, nesterov, first);
    else sgdMomentum<T>(params, grads, buffer, n, lr, mu, omd, wd, false, nesterov, first);
  } else {
    if ((flags & WEIGHT_DECAY) != 0) sgdLoop<T>(params, grads, buffer, n, lr, mu, omd, wd, true, false, false, false);
    else sgdLoop<T>(params, grads, buffer, n, lr, mu, omd, wd, false, false, false, false);
  }
}

export function sgdF64(
  params: usize, grads: usize, buffer: usize, n: i32,
  learningRate: f64, momentum: f64, oneMinusDampening: f64, weightDecay: f64, flags: i32,
): void {
  sgd<f64>(params, grads, buffer, n, learningRate, momentum, oneMinusDampening, weightDecay, flags);
}

export function sgdF32(
  params: usize, grads: usize, buffer: usize, n: i32,
  learningRate: f64, momentum: f64, oneMinusDampening: f64, weightDecay: f64, flags: i32,
): void {
  sgd<f32>(params, grads, buffer, n, learningRate, momentum, oneMinusDampening, weightDecay, flags);
}
