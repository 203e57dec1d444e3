// Vector kernels: fill, copy, scale, axpy, multiply (element-wise) and dot, squared norm,
// max-abs (reductions). Pointers are byte addresses in this module's memory,
// n is the element count. No kernel allocates.
//
// Reductions use one fixed summation order on every backend: four interleaved
// partial sums s[k] = Σ_{i ≡ k (mod 4), i < 4⌊n/4⌋} x_i·y_i, combined as
// (s0 + s2) + (s1 + s3), then the remaining n mod 4 terms added in order.
// float32 inputs are accumulated in float64 (products of two floats are exact
// in float64). The TypeScript reference sums the same way, so reductions agree
// bit for bit too, although only a tolerance is promised.

import { lanes, at } from "./lanes";

// @ts-ignore: decorator
@inline function fill<T>(x: usize, value: f64, n: i32): void {
  const a = <T>value;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const va = v128.splat<T>(a);
    for (; i + lanes<T>() <= n; i += lanes<T>()) v128.store(at<T>(x, i), va);
  }
  for (; i < n; i++) store<T>(at<T>(x, i), a);
}

// @ts-ignore: decorator
@inline function copy<T>(src: usize, dst: usize, n: i32): void {
  memory.copy(dst, src, <usize>n << alignof<T>());
}

// @ts-ignore: decorator
@inline function scale<T>(alpha: f64, x: usize, n: i32): void {
  const a = <T>alpha;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const va = v128.splat<T>(a);
    for (; i + lanes<T>() <= n; i += lanes<T>()) {
      v128.store(at<T>(x, i), v128.mul<T>(va, v128.load(at<T>(x, i))));
    }
  }
  for (; i < n; i++) store<T>(at<T>(x, i), a * load<T>(at<T>(x, i)));
}

// @ts-ignore: decorator
@inline function axpy<T>(alpha: f64, x: usize, y: usize, n: i32): void {
  const a = <T>alpha;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const va = v128.splat<T>(a);
    for (; i + lanes<T>() <= n; i += lanes<T>()) {
      const py = at<T>(y, i);
      v128.store(py, v128.add<T>(v128.load(py), v128.mul<T>(va, v128.load(at<T>(x, i)))));
    }
  }
  for (; i < n; i++) {
    const py = at<T>(y, i);
    store<T>(py, load<T>(py) + a * load<T>(at<T>(x, i)));
  }
}

// @ts-ignore: decorator
@inline function multiply<T>(x: usize, y: usize, out: usize, n: i32): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    for (; i + lanes<T>() <= n; i += lanes<T>()) {
      v128.store(at<T>(out, i), v128.mul<T>(v128.load(at<T>(x, i)), v128.load(at<T>(y, i))));
    }
  }
  for (; i < n; i++) store<T>(at<T>(out, i), load<T>(at<T>(x, i)) * load<T>(at<T>(y, i)));
}

// @ts-ignore: decorator
@inline function maxAbs<T>(x: usize, n: i32): f64 {
  let best: T = <T>0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    if (n >= lanes<T>()) {
      let vb = v128.splat<T>(<T>0);
      for (; i + lanes<T>() <= n; i += lanes<T>()) {
        vb = v128.max<T>(vb, v128.abs<T>(v128.load(at<T>(x, i))));
      }
      if (sizeof<T>() == 8) {
        best = <T>max<f64>(f64x2.extract_lane(vb, 0), f64x2.extract_lane(vb, 1));
      } else {
        best = <T>max<f32>(
          max<f32>(f32x4.extract_lane(vb, 0), f32x4.extract_lane(vb, 1)),
          max<f32>(f32x4.extract_lane(vb, 2), f32x4.extract_lane(vb, 3)),
        );
      }
    }
  }
  for (; i < n; i++) best = max<T>(best, abs<T>(load<T>(at<T>(x, i))));
  return <f64>best;
}

// Products in float64: x_i·y_i for f64, or the exact product of two promoted f32.
// @ts-ignore: decorator
@inline function term<T>(x: usize, y: usize, i: i32): f64 {
  return <f64>load<T>(at<T>(x, i)) * <f64>load<T>(at<T>(y, i));
}

function dotF64Impl(x: usize, y: usize, n: i32): f64 {
  let i = 0;
  let total = 0.0;
  const body = n & ~3;
  if (ASC_FEATURE_SIMD) {
    let s01 = f64x2.splat(0); // partial sums s0, s1
    let s23 = f64x2.splat(0); // partial sums s2, s3
    for (; i < body; i += 4) {
      const px = at<f64>(x, i), py = at<f64>(y, i);
      s01 = f64x2.add(s01, f64x2.mul(v128.load(px), v128.load(py)));
      s23 = f64x2.add(s23, f64x2.mul(v128.load(px, 16), v128.load(py, 16)));
    }
    const s = f64x2.add(s01, s23); // (s0 + s2, s1 + s3)
    total = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  } else {
    let s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    for (; i < body; i += 4) {
      s0 += term<f64>(x, y, i);
      s1 += term<f64>(x, y, i + 1);
      s2 += term<f64>(x, y, i + 2);
      s3 += term<f64>(x, y, i + 3);
    }
    total = (s0 + s2) + (s1 + s3);
  }
  for (; i < n; i++) total += term<f64>(x, y, i);
  return total;
}

function dotF32Impl(x: usize, y: usize, n: i32): f64 {
  let i = 0;
  let total = 0.0;
  const body = n & ~3;
  if (ASC_FEATURE_SIMD) {
    let s01 = f64x2.splat(0);
    let s23 = f64x2.splat(0);
    for (; i < body; i += 4) {
      const vx = v128.load(at<f32>(x, i)), vy = v128.load(at<f32>(y, i));
      s01 = f64x2.add(s01, f64x2.mul(f64x2.promote_low_f32x4(vx), f64x2.promote_low_f32x4(vy)));
      const hx = i64x2.shuffle(vx, vx, 1, 0);
      const hy = i64x2.shuffle(vy, vy, 1, 0);
      s23 = f64x2.add(s23, f64x2.mul(f64x2.promote_low_f32x4(hx), f64x2.promote_low_f32x4(hy)));
    }
    const s = f64x2.add(s01, s23);
    total = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  } else {
    let s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    for (; i < body; i += 4) {
      s0 += term<f32>(x, y, i);
      s1 += term<f32>(x, y, i + 1);
      s2 += term<f32>(x, y, i + 2);
      s3 += term<f32>(x, y, i + 3);
    }
    total = (s0 + s2) + (s1 + s3);
  }
  for (; i < n; i++) total += term<f32>(x, y, i);
  return total;
}

export function fillF64(x: usize, value: f64, n: i32): void { fill<f64>(x, value, n); }
export function fillF32(x: usize, value: f64, n: i32): void { fill<f32>(x, value, n); }
export function copyF64(src: usize, dst: usize, n: i32): void { copy<f64>(src, dst, n); }
export function copyF32(src: usize, dst: usize, n: i32): void { copy<f32>(src, dst, n); }
export function scaleF64(alpha: f64, x: usize, n: i32): void { scale<f64>(alpha, x, n); }
export function scaleF32(alpha: f64, x: usize, n: i32): void { scale<f32>(alpha, x, n); }
export function axpyF64(alpha: f64, x: usize, y: usize, n: i32): void { axpy<f64>(alpha, x, y, n); }
export function axpyF32(alpha: f64, x: usize, y: usize, n: i32): void { axpy<f32>(alpha, x, y, n); }
export function multiplyF64(x: usize, y: usize, out: usize, n: i32): void { multiply<f64>(x, y, out, n); }
export function multiplyF32(x: usize, y: usize, out: usize, n: i32): void { multiply<f32>(x, y, out, n); }
export function dotF64(x: usize, y: usize, n: i32): f64 { return dotF64Impl(x, y, n); }
export function dotF32(x: usize, y: usize, n: i32): f64 { return dotF32Impl(x, y, n); }
export function squaredNormF64(x: usize, n: i32): f64 { return dotF64Impl(x, x, n); }
export function squaredNormF32(x: usize, n: i32): f64 { return dotF32Impl(x, x, n); }
export function maxAbsF64(x: usize, n: i32): f64 { return maxAbs<f64>(x, n); }
export function maxAbsF32(x: usize, n: i32): f64 { return maxAbs<f32>(x, n); }
