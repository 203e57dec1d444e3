// Shared compile-time helpers for the kernels.
//
// Every kernel is written once, generic over the element type T (f64 or f32).
// `ASC_FEATURE_SIMD` is a compile-time constant: the SIMD binary (`--enable simd`)
// takes the v128 main loop, the scalar binary compiles that branch away. Both run
// the very same scalar code for the tail, so each element sees the same operations
// in the same order on every backend — which is what makes element-wise results
// bit-identical to the TypeScript reference.

/** Number of T lanes in one v128 (2 for f64, 4 for f32). */
// @ts-ignore: decorator
@inline export function lanes<T>(): i32 {
  return 16 / sizeof<T>();
}

/** Byte address of element i of an array of T starting at ptr. */
// @ts-ignore: decorator
@inline export function at<T>(ptr: usize, i: i32): usize {
  return ptr + (<usize>i << alignof<T>());
}
