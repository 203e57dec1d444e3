// Dense-layer kernels: blocked matrix products (forward and backward), transpose,
// column sums and row gathering. Row-major matrices; pointers are byte addresses in
// this module's memory, sizes count elements. Nothing here allocates.
//
// Every output element is one sum in one fixed order, the same on every backend:
//
//   matmul            c[i][j] = ((bias[j] or 0) + a[i][0]·b[0][j]) + a[i][1]·b[1][j] + …   (k ascending)
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

// c[m×n] = a[m×p]·b[p×n] (+ bias[n] broadcast over rows when bias ≠ 0).
// @ts-ignore: decorator
@inline function matmul<T>(a: usize, b: usize, bias: usize, c: usize, m: i32, p: i32, n: i32): void {
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
        let c00 = init0, c01 = init1, c10 = init0, c11 = init1;
        let c20 = init0, c21 = init1, c30 = init0, c31 = init1;
        let pa = a + <usize>i * rowA;
        let pb = bColumn;
        const end = pa + rowA;
        for (; pa < end; pa += size, pb += rowB) {
          const w0 = v128.load(pb), w1 = v128.load(pb, 16);
          const x0 = splatAt<T>(pa);
          c00 = v128.add<T>(c00, v128.mul<T>(x0, w0));
          c01 = v128.add<T>(c01, v128.mul<T>(x0, w1));
          const x1 = splatAt<T>(pa + rowA);
          c10 = v128.add<T>(c10, v128.mul<T>(x1, w0));
          c11 = v128.add<T>(c11, v128.mul<T>(x1, w1));
          const x2 = splatAt<T>(pa + 2 * rowA);
          c20 = v128.add<T>(c20, v128.mul<T>(x2, w0));
          c21 = v128.add<T>(c21, v128.mul<T>(x2, w1));
          const x3 = splatAt<T>(pa + 3 * rowA);
          c30 = v128.add<T>(c30, v128.mul<T>(x3, w0));
          c31 = v128.add<T>(c31, v128.mul<T>(x3, w1));
        }
        const pc = c + <usize>i * rowB + <usize>j * size;
        v128.store(pc, c00);
        v128.store(pc, c01, 16);
        v128.store(pc + rowB, c10);
        v128.store(pc + rowB, c11, 16);
        v128.store(pc + 2 * rowB, c20);
        v128.store(pc + 2 * rowB, c21, 16);
        v128.store(pc + 3 * rowB, c30);
        v128.store(pc + 3 * rowB, c31, 16);
      }
      for (; i < m; i++) {
        let c0 = init0, c1 = init1;
        let pa = a + <usize>i * rowA;
        let pb = bColumn;
        const end = pa + rowA;
        for (; pa < end; pa += size, pb += rowB) {
          const x = splatAt<T>(pa);
          c0 = v128.add<T>(c0, v128.mul<T>(x, v128.load(pb)));
          c1 = v128.add<T>(c1, v128.mul<T>(x, v128.load(pb, 16)));
        }
        const pc = c + <usize>i * rowB + <usize>j * size;
        v128.store(pc, c0);
        v128.store(pc, c1, 16);
      }
    }
    for (; j + L <= n; j += L) {
      const init0 = biasVector<T>(bias, j);
      for (let i = 0; i < m; i++) {
        let c0 = init0;
        let pa = a + <usize>i * rowA;
        let pb = at<T>(b, j);
        const end = pa + rowA;
        for (; pa < end; pa += size, pb += rowB) c0 = v128.add<T>(c0, v128.mul<T>(splatAt<T>(pa), v128.load(pb)));
        v128.store(c + <usize>i * rowB + <usize>j * size, c0);
      }
    }
  }
  if (j < n) matmulColumns<T>(a, b, bias, c, m, p, n, j);
}

// Columns j0..n−1 of matmul, row by row: c[i][j0..] starts at the bias and gathers
// a[i][k]·b[k][j0..] for k ascending (the order of the blocked kernel).
// @ts-ignore: decorator
@inline function matmulColumns<T>(a: usize, b: usize, bias: usize, c: usize, m: i32, p: i32, n: i32, j0: i32): void {
  for (let i = 0; i < m; i++) {
    const rowC = at<T>(c, i * n);
    for (let j = j0; j < n; j++) store<T>(at<T>(rowC, j), bias != 0 ? load<T>(at<T>(bias, j)) : <T>0);
    const rowA = at<T>(a, i * p);
    for (let k = 0; k < p; k++) {
      const x = load<T>(at<T>(rowA, k));
      const rowB = at<T>(b, k * n);
      for (let j = j0; j < n; j++) {
        const pc = at<T>(rowC, j);
        store<T>(pc, load<T>(pc) + x * load<T>(at<T>(rowB, j)));
      }
    }
  }
}

// c[p×n] = aᵀ·b with a[m×p], b[m×n]: the weight gradient xᵀ·δ.
// @ts-ignore: decorator
@inline function matmulTransposedA<T>(a: usize, b: usize, c: usize, m: i32, p: i32, n: i32): void {
  const size = <usize>sizeof<T>();
  const rowA = <usize>p * size;
  const rowB = <usize>n * size;
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    const L = lanes<T>();
    const zero = v128.splat<T>(<T>0);
    for (; j + 2 * L <= n; j += 2 * L) {
      const bColumn = at<T>(b, j);
      let k = 0;
      for (; k + 4 <= p; k += 4) {
        let c00 = zero, c01 = zero, c10 = zero, c11 = zero;
        let c20 = zero, c21 = zero, c30 = zero, c31 = zero;
        let pa = at<T>(a, k);
        let pb = bColumn;
        for (let i = 0; i < m; i++, pa += rowA, pb += rowB) {
          const w0 = v128.load(pb), w1 = v128.load(pb, 16);
          const x0 = splatAt<T>(pa);
          c00 = v128.add<T>(c00, v128.mul<T>(x0, w0));
          c01 = v128.add<T>(c01, v128.mul<T>(x0, w1));
          const x1 = splatAt<T>(pa + size);
          c10 = v128.add<T>(c10, v128.mul<T>(x1, w0));
          c11 = v128.add<T>(c11, v128.mul<T>(x1, w1));
          const x2 = splatAt<T>(pa + 2 * size);
          c20 = v128.add<T>(c20, v128.mul<T>(x2, w0));
          c21 = v128.add<T>(c21, v128.mul<T>(x2, w1));
          const x3 = splatAt<T>(pa + 3 * size);
          c30 = v128.add<T>(c30, v128.mul<T>(x3, w0));
          c31 = v128.add<T>(c31, v128.mul<T>(x3, w1));
        }
        const pc = c + <usize>k * rowB + <usize>j * size;
        v128.store(pc, c00);
        v128.store(pc, c01, 16);
        v128.store(pc + rowB, c10);
        v128.store(pc + rowB, c11, 16);
        v128.store(pc + 2 * rowB, c20);
        v128.store(pc + 2 * rowB, c21, 16);
        v128.store(pc + 3 * rowB, c30);
        v128.store(pc + 3 * rowB, c31, 16);
      }
      for (; k < p; k++) {
        let c0 = zero, c1 = zero;
        let pa = at<T>(a, k);
        let pb = bColumn;
        for (let i = 0; i < m; i++, pa += rowA, pb += rowB) {
          const x = splatAt<T>(pa);
          c0 = v128.add<T>(c0, v128.mul<T>(x, v128.load(pb)));
          c1 = v128.add<T>(c1, v128.mul<T>(x, v128.load(pb, 16)));
        }
        const pc = c + <usize>k * rowB + <usize>j * size;
        v128.store(pc, c0);
        v128.store(pc, c1, 16);
      }
    }
    for (; j + L <= n; j += L) {
      for (let k = 0; k < p; k++) {
        let c0 = zero;
        let pa = at<T>(a, k);
        let pb = at<T>(b, j);
        for (let i = 0; i < m; i++, pa += rowA, pb += rowB) c0 = v128.add<T>(c0, v128.mul<T>(splatAt<T>(pa), v128.load(pb)));
        v128.store(c + <usize>k * rowB + <usize>j * size, c0);
      }
    }
  }
  if (j < n) {
    // Remaining columns, k by k: row k of c gathers a[i][k]·b[i][j..] for i ascending.
    for (let k = 0; k < p; k++) {
      const rowC = at<T>(c, k * n);
      for (let jj = j; jj < n; jj++) store<T>(at<T>(rowC, jj), <T>0);
      for (let i = 0; i < m; i++) {
        const x = load<T>(at<T>(a, i * p + k));
        const rowBi = at<T>(b, i * n);
        for (let jj = j; jj < n; jj++) {
          const pc = at<T>(rowC, jj);
          store<T>(pc, load<T>(pc) + x * load<T>(at<T>(rowBi, jj)));
        }
      }
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
