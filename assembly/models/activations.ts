// Element-wise activations and their derivatives, in place or out of place.
//
//   kind 0  identity   f(z) = z                       f′ from a: 1
//   kind 1  relu       f(z) = max(z, 0)                f′ from a: a > 0 ? 1 : 0
//   kind 2  tanh       f(z) = tanh z                   f′ from a: 1 − a·a
//   kind 3  sigmoid    f(z) = 1/(1 + e^−z) (z ≥ 0),    f′ from a: a·(1 − a)
//                             e^z/(1 + e^z)  (z < 0)
//
// The backward pass needs only the activation output a, so z need not be kept.
// tanh and the exponential are AssemblyScript's own Math (musl's algorithms), never the
// host's; they run lane by lane in the scalar code in both builds, so the SIMD and the
// scalar binaries give the same bits. relu and every derivative are plain arithmetic
// and vectorize with the same operations per element.

import { lanes, at } from "../lanes";
import { sigmoidT, tanhT } from "./precisionMath";

const IDENTITY: i32 = 0;
const RELU: i32 = 1;
const TANH: i32 = 2;

// @ts-ignore: decorator
@inline function activate<T>(z: usize, out: usize, count: i32, kind: i32): void {
  let i = 0;
  if (kind == IDENTITY) {
    if (z != out) memory.copy(out, z, <usize>count * sizeof<T>());
    return;
  }
  if (kind == RELU) {
    if (ASC_FEATURE_SIMD) {
      const zero = v128.splat<T>(<T>0);
      for (; i + lanes<T>() <= count; i += lanes<T>()) {
        v128.store(at<T>(out, i), v128.max<T>(v128.load(at<T>(z, i)), zero));
      }
    }
    for (; i < count; i++) store<T>(at<T>(out, i), max<T>(load<T>(at<T>(z, i)), <T>0));
    return;
  }
  if (kind == TANH) {
    for (; i < count; i++) store<T>(at<T>(out, i), tanhT<T>(load<T>(at<T>(z, i))));
    return;
  }
  for (; i < count; i++) store<T>(at<T>(out, i), sigmoidT<T>(load<T>(at<T>(z, i))));
}

// out = d ⊙ f′, with f′ computed from the activation output a.
// @ts-ignore: decorator
@inline function activateBackward<T>(a: usize, d: usize, out: usize, count: i32, kind: i32): void {
  let i = 0;
  if (kind == IDENTITY) {
    if (d != out) memory.copy(out, d, <usize>count * sizeof<T>());
    return;
  }
  if (ASC_FEATURE_SIMD) {
    const zero = v128.splat<T>(<T>0), one = v128.splat<T>(<T>1);
    for (; i + lanes<T>() <= count; i += lanes<T>()) {
      const va = v128.load(at<T>(a, i)), vd = v128.load(at<T>(d, i));
      let r: v128;
      if (kind == RELU) r = v128.and(vd, v128.gt<T>(va, zero));
      else if (kind == TANH) r = v128.mul<T>(vd, v128.sub<T>(one, v128.mul<T>(va, va)));
      else r = v128.mul<T>(vd, v128.mul<T>(va, v128.sub<T>(one, va)));
      v128.store(at<T>(out, i), r);
    }
  }
  for (; i < count; i++) {
    const ai = load<T>(at<T>(a, i)), di = load<T>(at<T>(d, i));
    let r: T;
    if (kind == RELU) r = ai > <T>0 ? di : <T>0;
    else if (kind == TANH) r = di * (<T>1 - ai * ai);
    else r = di * (ai * (<T>1 - ai));
    store<T>(at<T>(out, i), r);
  }
}

export function activateF64(z: usize, out: usize, count: i32, kind: i32): void { activate<f64>(z, out, count, kind); }
export function activateF32(z: usize, out: usize, count: i32, kind: i32): void { activate<f32>(z, out, count, kind); }
export function activateBackwardF64(a: usize, d: usize, out: usize, count: i32, kind: i32): void { activateBackward<f64>(a, d, out, count, kind); }
export function activateBackwardF32(a: usize, d: usize, out: usize, count: i32, kind: i32): void { activateBackward<f32>(a, d, out, count, kind); }
