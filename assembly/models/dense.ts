// Dense-layer kernels: blocked matrix products (forward and backward), transpose,
// column sums and row gathering. Row-major matrices; pointers are byte addresses in
// this module's memory, sizes count elements. Nothing here allocates.
//
// Every output element is one sum in one fixed order, the same on every backend:
//
//   matmul            c[i][j] = ((bias[j] or 0) + a[i][0]·b[0][j]) + a[i][1]·b[1][j] + …   (k ascending)
//                     except for one output column (n = 1, a matrix–vector product), where
//                     c[i] = dot(a[i], b) (+ bias[0]) with dot in the order of the vector
//                     kernels: four interleaved partial sums s_r over k ≡ r (mod 4) of the
//                     first 4⌊p/4⌋ terms, (s0 + s2) + (s1 + s3), then the tail in order
//   matmulTransposedA c[k][j] = ((0 + a[0][k]·b[0][j]) + a[1][k]·b[1][j]) + …                 (i ascending)
//   columnSums        s[j]    = ((0 + a[0][j]) + a[1][j]) + …                                 (i ascending)
//
// The SIMD build vectorizes across output columns j only (lanes are different output
// elements, never parts of one sum), so it performs exactly the scalar build's
// operations on every element: the two builds and the TypeScript reference agree bit
// for bit. Register blocking: each micro-kernel keeps a 4-row × 2-vector tile of C
// (4×8 floats, or 4×4 doubles) in eight v128 accumulators while streaming k; the
// remaining columns take one vector at a time, then a scalar tail.

import { lanes, at } from "../lanes";

/** A v128 with every lane set to the T at ptr. */
// @ts-ignore: decorator
@inline function splatAt<T>(ptr: usize): v128 {
  if (sizeof<T>() == 8) return v128.load64_splat(ptr);
  return v128.load32_splat(ptr);
}

/** Initial accumulator of column block j: bias[j..] or zeros. */
// @ts-ignore: decorator
@inline function biasVector<T>(bias: usize, j: i32): v128 {
  return bias != 0 ? v128.load(at<T>(bias, j)) : v128.splat<T>(<T>0);
}

// The micro-kernels shared by matmul (A rows, k ascending) and matmulTransposedA (A
// columns, i ascending). Each streams one sum index: the A values of output row r sit at
// pa + r·aGap and step by aStep until pa reaches pa + aSpan (bytes); the matching B row
// starts at pb and steps by rowB, which is also the byte stride between C rows at pc.

// A 4-row × 2-vector tile of C, started at init0/init1 (the accumulate-and-store tile).
// @ts-ignore: decorator
@inline function tile4x2<T>(pa: usize, aSpan: usize, aStep: usize, aGap: usize, pb: usize, rowB: usize, init0: v128, init1: v128, pc: usize): void {
  let c00 = init0, c01 = init1, c10 = init0, c11 = init1;
  let c20 = init0, c21 = init1, c30 = init0, c31 = init1;
  const end = pa + aSpan;
  for (; pa < end; pa += aStep, pb += rowB) {
    const w0 = v128.load(pb), w1 = v128.load(pb, 16);
    const x0 = splatAt<T>(pa);
    c00 = v128.add<T>(c00, v128.mul<T>(x0, w0));
    c01 = v128.add<T>(c01, v128.mul<T>(x0, w1));
    const x1 = splatAt<T>(pa + aGap);
    c10 = v128.add<T>(c10, v128.mul<T>(x1, w0));
    c11 = v128.add<T>(c11, v128.mul<T>(x1, w1));
    const x2 = splatAt<T>(pa + 2 * aGap);
    c20 = v128.add<T>(c20, v128.mul<T>(x2, w0));
    c21 = v128.add<T>(c21, v128.mul<T>(x2, w1));
    const x3 = splatAt<T>(pa + 3 * aGap);
    c30 = v128.add<T>(c30, v128.mul<T>(x3, w0));
    c31 = v128.add<T>(c31, v128.mul<T>(x3, w1));
  }
  v128.store(pc, c00);
  v128.store(pc, c01, 16);
  v128.store(pc + rowB, c10);
  v128.store(pc + rowB, c11, 16);
  v128.store(pc + 2 * rowB, c20);
  v128.store(pc + 2 * rowB, c21, 16);
  v128.store(pc + 3 * rowB, c30);
  v128.store(pc + 3 * rowB, c31, 16);
}

// One row × 2 vectors of C (the rows left over by tile4x2).
// @ts-ignore: decorator
@inline function tile1x2<T>(pa: usize, aSpan: usize, aStep: usize, pb: usize, rowB: usize, init0: v128, init1: v128, pc: usize): void {
  let c0 = init0, c1 = init1;
  const end = pa + aSpan;
  for (; pa < end; pa += aStep, pb += rowB) {
    const x = splatAt<T>(pa);
    c0 = v128.add<T>(c0, v128.mul<T>(x, v128.load(pb)));
    c1 = v128.add<T>(c1, v128.mul<T>(x, v128.load(pb, 16)));
  }
  v128.store(pc, c0);
  v128.store(pc, c1, 16);
}

// One row × 1 vector of C (the column block left over by the 2-vector blocks).
// @ts-ignore: decorator
@inline function tile1x1<T>(pa: usize, aSpan: usize, aStep: usize, pb: usize, rowB: usize, init0: v128, pc: usize): void {
  let c0 = init0;
  const end = pa + aSpan;
  for (; pa < end; pa += aStep, pb += rowB) c0 = v128.add<T>(c0, v128.mul<T>(splatAt<T>(pa), v128.load(pb)));
  v128.store(pc, c0);
}

// Scalar: c[j..j+4) of one C row at pc, started at bias[j..] (bias ≠ 0) or 0.
// @ts-ignore: decorator
@inline function scalar1x4<T>(pa: usize, aSpan: usize, aStep: usize, pb: usize, rowB: usize, bias: usize, j: i32, pc: usize): void {
  let c0 = <T>0, c1 = <T>0, c2 = <T>0, c3 = <T>0;
  if (bias != 0) {
    c0 = load<T>(at<T>(bias, j));
    c1 = load<T>(at<T>(bias, j + 1));
    c2 = load<T>(at<T>(bias, j + 2));
    c3 = load<T>(at<T>(bias, j + 3));
  }
  const end = pa + aSpan;
  for (; pa < end; pa += aStep, pb += rowB) {
    const x = load<T>(pa);
    c0 += x * load<T>(pb);
    c1 += x * load<T>(pb, sizeof<T>());
    c2 += x * load<T>(pb, 2 * sizeof<T>());
    c3 += x * load<T>(pb, 3 * sizeof<T>());
  }
  store<T>(pc, c0);
  store<T>(pc, c1, sizeof<T>());
  store<T>(pc, c2, 2 * sizeof<T>());
  store<T>(pc, c3, 3 * sizeof<T>());
}

// Scalar: c[j] of one C row at pc, started at bias[j] (bias ≠ 0) or 0.
// @ts-ignore: decorator
@inline function scalar1x1<T>(pa: usize, aSpan: usize, aStep: usize, pb: usize, rowB: usize, bias: usize, j: i32, pc: usize): void {
  let acc = bias != 0 ? load<T>(at<T>(bias, j)) : <T>0;
  const end = pa + aSpan;
  for (; pa < end; pa += aStep, pb += rowB) acc += load<T>(pa) * load<T>(pb);
  store<T>(pc, acc);
}

// c[i] = dot(a[i], b) (+ bias[0]): the n = 1 case of matmul (see the header for the order).
// @ts-ignore: decorator
@inline function matvec<T>(a: usize, b: usize, bias: usize, c: usize, m: i32, p: i32): void {
  const body = p & ~3;
  for (let i = 0; i < m; i++) {
    const row = at<T>(a, i * p);
    let total: T;
    let k = 0;
    if (ASC_FEATURE_SIMD) {
      if (sizeof<T>() == 8) {
        let s01 = v128.splat<T>(<T>0), s23 = v128.splat<T>(<T>0);
        for (; k < body; k += 4) {
          const pa = at<T>(row, k), pb = at<T>(b, k);
          s01 = v128.add<T>(s01, v128.mul<T>(v128.load(pa), v128.load(pb)));
          s23 = v128.add<T>(s23, v128.mul<T>(v128.load(pa, 16), v128.load(pb, 16)));
        }
        const s = v128.add<T>(s01, s23); // (s0 + s2, s1 + s3)
        total = <T>(f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1));
      } else {
        let s = v128.splat<T>(<T>0);
        for (; k < body; k += 4) s = v128.add<T>(s, v128.mul<T>(v128.load(at<T>(row, k)), v128.load(at<T>(b, k))));
        total = <T>((f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 2)) + (f32x4.extract_lane(s, 1) + f32x4.extract_lane(s, 3)));
      }
    } else {
      let s0 = <T>0, s1 = <T>0, s2 = <T>0, s3 = <T>0;
      for (; k < body; k += 4) {
        s0 += load<T>(at<T>(row, k)) * load<T>(at<T>(b, k));
        s1 += load<T>(at<T>(row, k + 1)) * load<T>(at<T>(b, k + 1));
        s2 += load<T>(at<T>(row, k + 2)) * load<T>(at<T>(b, k + 2));
        s3 += load<T>(at<T>(row, k + 3)) * load<T>(at<T>(b, k + 3));
      }
      total = (s0 + s2) + (s1 + s3);
    }
    for (; k < p; k++) total += load<T>(at<T>(row, k)) * load<T>(at<T>(b, k));
    if (bias != 0) total += load<T>(bias);
    store<T>(at<T>(c, i), total);
  }
}

// c[m×n] = a[m×p]·b[p×n] (+ bias[n] broadcast over rows when bias ≠ 0).
// @ts-ignore: decorator
@inline function matmul<T>(a: usize, b: usize, bias: usize, c: usize, m: i32, p: i32, n: i32): void {
  if (n == 1) {
    matvec<T>(a, b, bias, c, m, p);
    return;
  }
  const size = <usize>sizeof<T>();
  const rowA = <usize>p * size; // bytes per row of a
  const rowB = <usize>n * size; // bytes per row of b (and of c)
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    const L = lanes<T>();
    for (; j + 2 * L <= n; j += 2 * L) {
      const init0 = biasVector<T>(bias, j), init1 = biasVector<T>(bias, j + L);
      const bColumn = at<T>(b, j);
      let i = 0;
      for (; i + 4 <= m; i += 4) {
        tile4x2<T>(a + <usize>i * rowA, rowA, size, rowA, bColumn, rowB, init0, init1, c + <usize>i * rowB + <usize>j * size);
      }
      for (; i < m; i++) {
        tile1x2<T>(a + <usize>i * rowA, rowA, size, bColumn, rowB, init0, init1, c + <usize>i * rowB + <usize>j * size);
      }
    }
    for (; j + L <= n; j += L) {
      const init0 = biasVector<T>(bias, j);
      for (let i = 0; i < m; i++) {
        tile1x1<T>(a + <usize>i * rowA, rowA, size, at<T>(b, j), rowB, init0, c + <usize>i * rowB + <usize>j * size);
      }
    }
  }
  if (j < n) matmulColumns<T>(a, b, bias, c, m, p, n, j);
}

// Columns j0..n−1 of matmul, row by row: c[i][j] starts at the bias and gathers
// a[i][k]·b[k][j] for k ascending (the order of the blocked kernel) — four columns at a
// time in locals, then one at a time. The whole product in the scalar build.
// @ts-ignore: decorator
@inline function matmulColumns<T>(a: usize, b: usize, bias: usize, c: usize, m: i32, p: i32, n: i32, j0: i32): void {
  const size = <usize>sizeof<T>();
  const rowA = <usize>p * size, rowB = <usize>n * size;
  for (let i = 0; i < m; i++) {
    const pa = at<T>(a, i * p), rowC = at<T>(c, i * n);
    let j = j0;
    for (; j + 4 <= n; j += 4) scalar1x4<T>(pa, rowA, size, at<T>(b, j), rowB, bias, j, at<T>(rowC, j));
    for (; j < n; j++) scalar1x1<T>(pa, rowA, size, at<T>(b, j), rowB, bias, j, at<T>(rowC, j));
  }
}

// c[p×n] = aᵀ·b with a[m×p], b[m×n]: the weight gradient xᵀ·δ.
// @ts-ignore: decorator
@inline function matmulTransposedA<T>(a: usize, b: usize, c: usize, m: i32, p: i32, n: i32): void {
  if (n == 1) {
    // c[k] = Σ_i a[i][k]·b[i]: row by row, vectorized over k (the same order, i ascending).
    memory.fill(c, 0, <usize>p * sizeof<T>());
    for (let i = 0; i < m; i++) {
      const row = at<T>(a, i * p);
      const bi = load<T>(at<T>(b, i));
      let k = 0;
      if (ASC_FEATURE_SIMD) {
        const vb = v128.splat<T>(bi);
        for (; k + lanes<T>() <= p; k += lanes<T>()) {
          const pc = at<T>(c, k);
          v128.store(pc, v128.add<T>(v128.load(pc), v128.mul<T>(v128.load(at<T>(row, k)), vb)));
        }
      }
      for (; k < p; k++) {
        const pc = at<T>(c, k);
        store<T>(pc, load<T>(pc) + load<T>(at<T>(row, k)) * bi);
      }
    }
    return;
  }
  const size = <usize>sizeof<T>();
  const rowA = <usize>p * size;
  const rowB = <usize>n * size;
  const spanA = <usize>m * rowA; // bytes a column of a spans (m rows)
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    const L = lanes<T>();
    const zero = v128.splat<T>(<T>0);
    for (; j + 2 * L <= n; j += 2 * L) {
      const bColumn = at<T>(b, j);
      let k = 0;
      for (; k + 4 <= p; k += 4) {
        tile4x2<T>(at<T>(a, k), spanA, rowA, size, bColumn, rowB, zero, zero, c + <usize>k * rowB + <usize>j * size);
      }
      for (; k < p; k++) {
        tile1x2<T>(at<T>(a, k), spanA, rowA, bColumn, rowB, zero, zero, c + <usize>k * rowB + <usize>j * size);
      }
    }
    for (; j + L <= n; j += L) {
      for (let k = 0; k < p; k++) {
        tile1x1<T>(at<T>(a, k), spanA, rowA, at<T>(b, j), rowB, zero, c + <usize>k * rowB + <usize>j * size);
      }
    }
  }
  if (j < n) {
    // Remaining columns (all of them in the scalar build): c[k][j..] gathers
    // a[i][k]·b[i][j..] for i ascending — four columns at a time in locals.
    for (let k = 0; k < p; k++) {
      const pa = at<T>(a, k), rowC = at<T>(c, k * n);
      let jj = j;
      for (; jj + 4 <= n; jj += 4) scalar1x4<T>(pa, spanA, rowA, at<T>(b, jj), rowB, 0, jj, at<T>(rowC, jj));
      for (; jj < n; jj++) scalar1x1<T>(pa, spanA, rowA, at<T>(b, jj), rowB, 0, jj, at<T>(rowC, jj));
    }
  }
}

// t[cols×rows] = aᵀ for a[rows×cols].
// @ts-ignore: decorator
@inline function transpose<T>(a: usize, t: usize, rows: i32, cols: i32): void {
  // 8×8 blocks keep both sides in cache.
  for (let r0 = 0; r0 < rows; r0 += 8) {
    const r1 = min(r0 + 8, rows);
    for (let c0 = 0; c0 < cols; c0 += 8) {
      const c1 = min(c0 + 8, cols);
      for (let r = r0; r < r1; r++) {
        for (let q = c0; q < c1; q++) store<T>(at<T>(t, q * rows + r), load<T>(at<T>(a, r * cols + q)));
      }
    }
  }
}

// s[j] = Σ_i a[i][j] (i ascending, from 0): the bias gradient.
// @ts-ignore: decorator
@inline function columnSums<T>(a: usize, s: usize, m: i32, n: i32): void {
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    const L = lanes<T>();
    for (; j + L <= n; j += L) {
      let acc = v128.splat<T>(<T>0);
      for (let i = 0; i < m; i++) acc = v128.add<T>(acc, v128.load(at<T>(a, i * n + j)));
      v128.store(at<T>(s, j), acc);
    }
  }
  for (; j < n; j++) {
    let acc = <T>0;
    for (let i = 0; i < m; i++) acc += load<T>(at<T>(a, i * n + j));
    store<T>(at<T>(s, j), acc);
  }
}

// dst row r = src row indices[r] (indices are whole numbers stored as f64), width values a row.
// @ts-ignore: decorator
@inline function gatherRows<T>(src: usize, indices: usize, dst: usize, count: i32, width: i32): void {
  const bytes = <usize>width * sizeof<T>();
  for (let r = 0; r < count; r++) {
    const row = <usize><i32>load<f64>(at<f64>(indices, r));
    memory.copy(dst + <usize>r * bytes, src + row * bytes, bytes);
  }
}

// Index of the first NaN or ±Infinity among x[0..n), or −1: the data check of the
// models. x − x is 0 for every finite x and NaN otherwise; the SIMD build tests a vector
// at a time and, on a hit, finds the element with the scalar test.
// @ts-ignore: decorator
@inline function firstNonFinite<T>(x: usize, n: i32): i32 {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    // Σ (v − v) stays 0 while every value is finite and turns NaN at the first that is
    // not; blocks of 64 values, then the scalar test finds the element in a bad block.
    const L = lanes<T>();
    for (; i + 16 * L <= n; i += 16 * L) {
      let s0 = v128.splat<T>(<T>0), s1 = s0, s2 = s0, s3 = s0;
      for (let q = 0; q < 16 * L; q += 4 * L) {
        const p = at<T>(x, i + q);
        const v0 = v128.load(p), v1 = v128.load(p, 16), v2 = v128.load(p, 32), v3 = v128.load(p, 48);
        s0 = v128.add<T>(s0, v128.sub<T>(v0, v0));
        s1 = v128.add<T>(s1, v128.sub<T>(v1, v1));
        s2 = v128.add<T>(s2, v128.sub<T>(v2, v2));
        s3 = v128.add<T>(s3, v128.sub<T>(v3, v3));
      }
      const s = v128.add<T>(v128.add<T>(s0, s1), v128.add<T>(s2, s3));
      const finite = v128.eq<T>(s, v128.splat<T>(<T>0));
      if (sizeof<T>() == 8 ? !i64x2.all_true(finite) : !i32x4.all_true(finite)) break;
    }
  }
  for (; i < n; i++) {
    const v = load<T>(at<T>(x, i));
    if (v - v != <T>0) return i;
  }
  return -1;
}

export function matmulF64(a: usize, b: usize, bias: usize, c: usize, m: i32, p: i32, n: i32): void { matmul<f64>(a, b, bias, c, m, p, n); }
export function matmulF32(a: usize, b: usize, bias: usize, c: usize, m: i32, p: i32, n: i32): void { matmul<f32>(a, b, bias, c, m, p, n); }
export function matmulTransposedAF64(a: usize, b: usize, c: usize, m: i32, p: i32, n: i32): void { matmulTransposedA<f64>(a, b, c, m, p, n); }
export function matmulTransposedAF32(a: usize, b: usize, c: usize, m: i32, p: i32, n: i32): void { matmulTransposedA<f32>(a, b, c, m, p, n); }
export function transposeF64(a: usize, t: usize, rows: i32, cols: i32): void { transpose<f64>(a, t, rows, cols); }
export function transposeF32(a: usize, t: usize, rows: i32, cols: i32): void { transpose<f32>(a, t, rows, cols); }
export function columnSumsF64(a: usize, s: usize, m: i32, n: i32): void { columnSums<f64>(a, s, m, n); }
export function columnSumsF32(a: usize, s: usize, m: i32, n: i32): void { columnSums<f32>(a, s, m, n); }
export function gatherRowsF64(src: usize, indices: usize, dst: usize, count: i32, width: i32): void { gatherRows<f64>(src, indices, dst, count, width); }
export function gatherRowsF32(src: usize, indices: usize, dst: usize, count: i32, width: i32): void { gatherRows<f32>(src, indices, dst, count, width); }
export function firstNonFiniteF64(x: usize, n: i32): i32 { return firstNonFinite<f64>(x, n); }
export function firstNonFiniteF32(x: usize, n: i32): i32 { return firstNonFinite<f32>(x, n); }
