/**
 * The limited-memory BFGS matrix in compact form (Byrd, Nocedal & Schnabel 1994),
 * as used by L-BFGS-B:
 * ```
 * B = θ·I − W·M·Wᵀ,     W = [Y  θS]  (n × 2k),
 * M = [ −D   Lᵀ  ]⁻¹     (2k × 2k)
 *     [  L   θSᵀS ]
 * ```
 * where S = [s₀ … s_{k−1}] and Y = [y₀ … y_{k−1}] hold the k ≤ m most recent
 * correction pairs sᵢ = x_{i+1} − xᵢ, yᵢ = g_{i+1} − gᵢ (oldest first), D = diag(sᵢᵀyᵢ),
 * L is the strictly lower triangle of SᵀY (L_ij = sᵢᵀy_j for i > j) and θ = yᵀy/sᵀy
 * of the newest pair (θ = 1 while the memory is empty, so B = I).
 *
 * M is never formed. As in the Fortran code (subroutines `formt` and `bmv`), the
 * middle matrix is applied through the factorisation
 * ```
 * M⁻¹ = [ D^½        0 ] [ −D^½   D^-½Lᵀ ]      T = θSᵀS + L·D⁻¹·Lᵀ = J·Jᵀ
 *       [ −L·D^-½    J ] [   0      Jᵀ   ]
 * ```
 * with J the Cholesky factor of the k × k matrix T, recomputed (O(m³)) after every
 * update. S and Y live in an m × n ring buffer; SᵀY, SᵀS and YᵀY are kept (oldest
 * first) in m × m arrays, updated with O(m·n) dot products per pair. Nothing is
 * allocated after construction.
 *
 * References: R. H. Byrd, J. Nocedal, R. B. Schnabel, "Representations of quasi-Newton
 * matrices and their use in limited memory methods", Math. Programming 63 (1994)
 * 129–156; R. H. Byrd, P. Lu, J. Nocedal, C. Zhu, "A limited memory algorithm for
 * bound constrained optimization", SIAM J. Sci. Comput. 16(5) (1995) 1190–1208, §3.
 *
 * @example
 * ```ts
 * const B = new CompactLbfgsMatrix(2, 5);
 * const s = new Float64Array([1, 0]), y = new Float64Array([2, 0]);
 * B.push(s, y, 2, 4);                      // sᵀy = 2, yᵀy = 4, so θ = 2
 * const out = new Float64Array(2);
 * B.multiply(new Float64Array([1, 1]), out); // out = B·(1, 1) = (2, 2); B·s = y
 * ```
 */
export class CompactLbfgsMatrix {
  /** Number of variables. */
  readonly n: number;
  /** History size: the most correction pairs kept. */
  readonly m: number;
  /** Number of pairs currently stored (0 ≤ col ≤ m). */
  col = 0;
  /** Scaling θ of the initial matrix θ·I (yᵀy/sᵀy of the newest pair; 1 when empty). */
  theta = 1;
  /** Physical ring-buffer slot of the oldest pair. */
  private head = 0;
  /** Corrections sᵢ, row-major m × n ring buffer; logical pair j is at {@link offset}(j). */
  readonly s: Float64Array;
  /** Gradient differences yᵢ, same layout as {@link s}. */
  readonly y: Float64Array;
  /** sy[i·m + j] = sᵢᵀy_j for logical (oldest-first) indices i, j < col. */
  readonly sy: Float64Array;
  /** ss[i·m + j] = sᵢᵀs_j. */
  readonly ss: Float64Array;
  /** yy[i·m + j] = yᵢᵀy_j. */
  readonly yy: Float64Array;
  /** Lower-triangular Cholesky factor J of T = θSᵀS + L·D⁻¹·Lᵀ (stride m). */
  private readonly j: Float64Array;
  private readonly work2m: Float64Array;
  private readonly work2mB: Float64Array;

  /**
   * @param n - number of variables (≥ 1).
   * @param m - history size (≥ 1).
   */
  constructor(n: number, m: number) {
    this.n = n;
    this.m = m;
    this.s = new Float64Array(m * n);
    this.y = new Float64Array(m * n);
    this.sy = new Float64Array(m * m);
    this.ss = new Float64Array(m * m);
    this.yy = new Float64Array(m * m);
    this.j = new Float64Array(m * m);
    this.work2m = new Float64Array(2 * m);
    this.work2mB = new Float64Array(2 * m);
  }

  /** Offset in {@link s} / {@link y} of logical pair j (0 = oldest). */
  offset(j: number): number {
    let p = this.head + j;
    if (p >= this.m) p -= this.m;
    return p * this.n;
  }

  /** Forgets every pair: B = I again. */
  reset(): void {
    this.col = 0;
    this.head = 0;
    this.theta = 1;
  }

  /**
   * Adds the pair (s, y), dropping the oldest when m pairs are stored, and refactors.
   * The caller guarantees sᵀy > 0 (L-BFGS-B skips pairs with sᵀy ≤ ε·yᵀy).
   *
   * @returns false when T is not numerically positive definite; the memory is then
   * reset (the Fortran code's `info = -3` restart).
   */
  push(s: Float64Array, y: Float64Array, sTy: number, yTy: number): boolean {
    const { m, n, sy, ss, yy } = this;
    if (this.col === m) {
      // Drop the oldest pair: shift the m × m tables up-left by one.
      for (let i = 0; i < m - 1; i++) {
        for (let k = 0; k < m - 1; k++) {
          const to = i * m + k;
          const from = (i + 1) * m + k + 1;
          sy[to] = sy[from];
          ss[to] = ss[from];
          yy[to] = yy[from];
        }
      }
      this.head = this.head + 1 === m ? 0 : this.head + 1;
      this.col = m - 1;
    }
    const k = this.col;
    const slot = this.offset(k);
    this.s.set(s, slot);
    this.y.set(y, slot);
    this.col = k + 1;
    const S = this.s;
    const Y = this.y;
    let sTs = 0;
    for (let t = 0; t < n; t++) sTs += s[t] * s[t];
    for (let i = 0; i < k; i++) {
      const o = this.offset(i);
      let siY = 0;
      let sSi = 0;
      let yiY = 0;
      let sYi = 0;
      for (let t = 0; t < n; t++) {
        const si = S[o + t];
        const yi = Y[o + t];
        siY += si * y[t];
        sSi += si * s[t];
        yiY += yi * y[t];
        sYi += s[t] * yi;
      }
      sy[i * m + k] = siY;
      sy[k * m + i] = sYi;
      ss[i * m + k] = sSi;
      ss[k * m + i] = sSi;
      yy[i * m + k] = yiY;
      yy[k * m + i] = yiY;
    }
    sy[k * m + k] = sTy;
    ss[k * m + k] = sTs;
    yy[k * m + k] = yTy;
    this.theta = yTy / sTy;
    if (!this.factor()) {
      this.reset();
      return false;
    }
    return true;
  }

  /** Forms T = θSᵀS + L·D⁻¹·Lᵀ and its Cholesky factor J (Fortran `formt`). */
  private factor(): boolean {
    const { m, col, sy, ss, j: J, theta } = this;
    for (let a = 0; a < col; a++) {
      for (let b = 0; b <= a; b++) {
        let t = theta * ss[a * m + b];
        for (let k = 0; k < b; k++) t += (sy[a * m + k] * sy[b * m + k]) / sy[k * m + k];
        J[a * m + b] = t;
      }
    }
    return choleskyInPlace(J, m, col);
  }

  /**
   * out = M·v for a 2k-vector v = [v₁; v₂] (Fortran `bmv`):
   * ```
   * J·q = v₂ + L·D⁻¹·v₁,   Jᵀ·p₂ = q,   p₁ = D⁻¹·Lᵀ·p₂ − D⁻¹·v₁
   * ```
   * `out` may not alias `v`. Only the first 2·col entries are read and written.
   */
  multiplyM(v: Float64Array, out: Float64Array): void {
    const { m, col, sy, j: J } = this;
    if (col === 0) return;
    for (let i = 0; i < col; i++) {
      let sum = 0;
      for (let k = 0; k < i; k++) sum += (sy[i * m + k] * v[k]) / sy[k * m + k];
      out[col + i] = v[col + i] + sum;
    }
    // Forward solve J·q = rhs, then backward Jᵀ·p₂ = q, in out[col … 2col).
    for (let i = 0; i < col; i++) {
      let t = out[col + i];
      for (let k = 0; k < i; k++) t -= J[i * m + k] * out[col + k];
      out[col + i] = t / J[i * m + i];
    }
    for (let i = col - 1; i >= 0; i--) {
      let t = out[col + i];
      for (let k = i + 1; k < col; k++) t -= J[k * m + i] * out[col + k];
      out[col + i] = t / J[i * m + i];
    }
    for (let i = 0; i < col; i++) {
      let sum = -v[i];
      for (let k = i + 1; k < col; k++) sum += sy[k * m + i] * out[col + k];
      out[i] = sum / sy[i * m + i];
    }
  }

  /** out = Wᵀ·v = [Yᵀv; θ·Sᵀv] (2k entries). */
  multiplyWt(v: Float64Array, out: Float64Array): void {
    const { n, col, s: S, y: Y, theta } = this;
    for (let j = 0; j < col; j++) {
      const o = this.offset(j);
      let ys = 0;
      let ss = 0;
      for (let t = 0; t < n; t++) {
        ys += Y[o + t] * v[t];
        ss += S[o + t] * v[t];
      }
      out[j] = ys;
      out[col + j] = theta * ss;
    }
  }

  /** out = row i of W = [y₀[i] … y_{k−1}[i], θ·s₀[i] … θ·s_{k−1}[i]]. */
  rowOfW(i: number, out: Float64Array): void {
    const { col, s: S, y: Y, theta } = this;
    for (let j = 0; j < col; j++) {
      const o = this.offset(j) + i;
      out[j] = Y[o];
      out[col + j] = theta * S[o];
    }
  }

  /** (W·u)ᵢ for a 2k-vector u. */
  wRowDot(i: number, u: Float64Array): number {
    const { col, s: S, y: Y, theta } = this;
    let ys = 0;
    let ss = 0;
    for (let j = 0; j < col; j++) {
      const o = this.offset(j) + i;
      ys += Y[o] * u[j];
      ss += S[o] * u[col + j];
    }
    return ys + theta * ss;
  }

  /** out = B·v = θ·v − W·M·Wᵀ·v (for checks and diagnostics; O(m·n + m²)). */
  multiply(v: Float64Array, out: Float64Array): void {
    const { n, theta, work2m: p, work2mB: q } = this;
    this.multiplyWt(v, p);
    this.multiplyM(p, q);
    for (let i = 0; i < n; i++) out[i] = theta * v[i] - this.wRowDot(i, q);
  }
}

/**
 * In-place Cholesky A = L·Lᵀ of the leading size × size block of a row-major matrix
 * with the given stride; reads the lower triangle, writes L there (the strict upper
 * triangle is left as it was). Returns false when a pivot is not positive and finite,
 * i.e. when A is not numerically positive definite.
 *
 * @example
 * ```ts
 * const a = new Float64Array([4, 0, 2, 5]);   // [[4, ·], [2, 5]], stride 2
 * choleskyInPlace(a, 2, 2);                     // true; a = [2, 0, 1, 2]: L = [[2, 0], [1, 2]]
 * ```
 */
export function choleskyInPlace(a: Float64Array, stride: number, size: number): boolean {
  for (let i = 0; i < size; i++) {
    for (let k = 0; k <= i; k++) {
      let sum = a[i * stride + k];
      for (let p = 0; p < k; p++) sum -= a[i * stride + p] * a[k * stride + p];
      if (i === k) {
        if (!(sum > 0) || !Number.isFinite(sum)) return false;
        a[i * stride + i] = Math.sqrt(sum);
      } else {
        a[i * stride + k] = sum / a[k * stride + k];
      }
    }
  }
  return true;
}
