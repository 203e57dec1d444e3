import type { CauchyPoint } from "./cauchyPoint";
import { choleskyInPlace, type CompactLbfgsMatrix } from "./CompactLbfgsMatrix";

/**
 * Subspace minimisation of L-BFGS-B by the direct primal method (Byrd, Lu, Nocedal &
 * Zhu 1995, §5.1), with the projection step of Morales & Nocedal (2011).
 *
 * With the variables active at the Cauchy point x^c held fixed, the quadratic model
 * is minimised over the t free variables (Z = the n × t selection of free columns):
 * ```
 * r  = Zᵀ(g + θ(x^c − x) − W·M·c)            reduced gradient at x^c
 * B̂  = θI − ZᵀW·M·WᵀZ                         reduced Hessian
 * du = −B̂⁻¹r = −r/θ − (1/θ²)·ZᵀW·K⁻¹·WᵀZ·r    (Sherman–Morrison–Woodbury)
 * K  = M⁻¹ − WᵀZZᵀW/θ = [ −D − YᵀZZᵀY/θ     Lᵀ − YᵀZZᵀS ]
 *                        [ L − SᵀZZᵀY        θ·SᵀAAᵀS     ]
 * ```
 * (A = the active columns). K is symmetric indefinite, 2k × 2k; it is solved by block
 * elimination as in the Fortran `formk`: P = D + YᵀZZᵀY/θ = Lₚ·Lₚᵀ (Cholesky), then the
 * Schur complement θ·SᵀAAᵀS + K₁₂ᵀP⁻¹K₁₂ (Cholesky). The k × k products over the free
 * set cost O(k²·t); when no variable is active they are read from the stored SᵀY and
 * YᵀY instead.
 *
 * The new point (Morales & Nocedal 2011, the L-BFGS-B 3.0 `subsm`): first
 * x̄ = P(x^c + du), the projection onto the box. If no coordinate was clipped, or if
 * (x̄ − x)ᵀg ≤ 0 (a descent direction), x̄ is taken. Otherwise the original 1995 rule is
 * used: x̄ = x^c + α*·du with α* ≤ 1 the largest step keeping x̄ feasible (the variable
 * that limits α* is put exactly on its bound).
 *
 * References: Byrd, Lu, Nocedal & Zhu, SIAM J. Sci. Comput. 16(5) (1995) 1190–1208;
 * J. L. Morales, J. Nocedal, "Remark on 'Algorithm 778: L-BFGS-B: Fortran subroutines
 * for large-scale bound constrained optimization'", ACM TOMS 38(1) (2011) article 7.
 *
 * @example
 * ```ts
 * const sub = new SubspaceMinimizer(n, m);
 * cauchy.compute(x, g, lower, upper, B);
 * z.set(cauchy.xcp);
 * if (B.col > 0 && cauchy.freeCount > 0 && !sub.minimize(x, g, lower, upper, B, cauchy, z)) {
 *   B.reset(); // K not positive definite: restart with an empty memory
 * }
 * // z is the end point x̄ of the search direction d = z − x
 * ```
 */
export class SubspaceMinimizer {
  /** How the last call chose x̄: "projected" (Morales–Nocedal) or "backtracked" (1995 rule). */
  lastStep: "projected" | "backtracked" = "projected";

  private readonly m: number;
  private readonly r: Float64Array;
  private readonly du: Float64Array;
  private readonly yzy: Float64Array;
  private readonly yzs: Float64Array;
  private readonly sas: Float64Array;
  private readonly lp: Float64Array;
  private readonly x12: Float64Array;
  private readonly schur: Float64Array;
  private readonly a: Float64Array;
  private readonly u: Float64Array;
  private readonly v: Float64Array;
  private readonly w: Float64Array;

  constructor(n: number, m: number) {
    this.m = m;
    this.r = new Float64Array(n);
    this.du = new Float64Array(n);
    this.yzy = new Float64Array(m * m);
    this.yzs = new Float64Array(m * m);
    this.sas = new Float64Array(m * m);
    this.lp = new Float64Array(m * m);
    this.x12 = new Float64Array(m * m);
    this.schur = new Float64Array(m * m);
    this.a = new Float64Array(2 * m);
    this.u = new Float64Array(2 * m);
    this.v = new Float64Array(2 * m);
    this.w = new Float64Array(m);
  }

  /**
   * Replaces the free coordinates of z (which holds x^c on entry) by the subspace
   * step. Requires B.col > 0 and cauchy.freeCount > 0.
   *
   * @returns false when K is not numerically positive definite in the required
   * sense (the caller then resets the memory, as the Fortran code does); z is then
   * left equal to x^c.
   */
  minimize(
    x: Float64Array,
    g: Float64Array,
    lower: Float64Array,
    upper: Float64Array,
    B: CompactLbfgsMatrix,
    cauchy: CauchyPoint,
    z: Float64Array,
  ): boolean {
    const { m, r, du, yzy, yzs, sas, lp, x12, schur, a, u, v, w } = this;
    const col = B.col;
    const theta = B.theta;
    const S = B.s;
    const Y = B.y;
    const sy = B.sy;
    const free = cauchy.freeIndex;
    const nFree = cauchy.freeCount;
    const n = free.length;
    const xcp = cauchy.xcp;

    // Reduced gradient r = Zᵀ(g + θ(x^c − x) − W·M·c).
    B.multiplyM(cauchy.c, v);
    for (let k = 0; k < nFree; k++) {
      const i = free[k];
      r[k] = g[i] + theta * (xcp[i] - x[i]) - B.wRowDot(i, v);
    }

    // Products over the free set (YᵀZZᵀY, YᵀZZᵀS) and the active set (SᵀAAᵀS).
    if (nFree === n) {
      for (let i = 0; i < col; i++) {
        for (let j = 0; j < col; j++) {
          yzy[i * m + j] = B.yy[i * m + j];
          yzs[i * m + j] = sy[j * m + i];
          sas[i * m + j] = 0;
        }
      }
    } else {
      for (let i = 0; i < col; i++) {
        const oi = B.offset(i);
        for (let j = 0; j < col; j++) {
          const oj = B.offset(j);
          let yy = 0;
          let ys = 0;
          for (let k = 0; k < nFree; k++) {
            const t = free[k];
            yy += Y[oi + t] * Y[oj + t];
            ys += Y[oi + t] * S[oj + t];
          }
          yzy[i * m + j] = yy;
          yzs[i * m + j] = ys;
          if (j <= i) {
            let ss = 0;
            for (let k = nFree; k < n; k++) {
              const t = free[k];
              ss += S[oi + t] * S[oj + t];
            }
            sas[i * m + j] = ss;
            sas[j * m + i] = ss;
          }
        }
      }
    }

    // P = D + YᵀZZᵀY/θ = Lₚ·Lₚᵀ.
    for (let i = 0; i < col; i++) {
      for (let j = 0; j <= i; j++) lp[i * m + j] = yzy[i * m + j] / theta;
      lp[i * m + i] += sy[i * m + i];
    }
    if (!choleskyInPlace(lp, m, col)) return false;
    // K₁₂ = Lᵀ − YᵀZZᵀS (entry (i, j): s_jᵀy_i for j > i), then X = Lₚ⁻¹·K₁₂ in place.
    for (let i = 0; i < col; i++) {
      for (let j = 0; j < col; j++) x12[i * m + j] = (j > i ? sy[j * m + i] : 0) - yzs[i * m + j];
    }
    for (let j = 0; j < col; j++) forwardSolveColumn(lp, m, col, x12, j);
    // Schur complement θ·SᵀAAᵀS + XᵀX = Lₛ·Lₛᵀ.
    for (let i = 0; i < col; i++) {
      for (let j = 0; j <= i; j++) {
        let t = theta * sas[i * m + j];
        for (let k = 0; k < col; k++) t += x12[k * m + i] * x12[k * m + j];
        schur[i * m + j] = t;
      }
    }
    if (!choleskyInPlace(schur, m, col)) return false;

    // a = WᵀZ·r = [YᵀZr; θ·SᵀZr].
    for (let j = 0; j < col; j++) {
      const o = B.offset(j);
      let ys = 0;
      let ss = 0;
      for (let k = 0; k < nFree; k++) {
        const t = free[k];
        ys += Y[o + t] * r[k];
        ss += S[o + t] * r[k];
      }
      a[j] = ys;
      a[col + j] = theta * ss;
    }
    // Solve K·u = a:  w = Lₚ⁻¹a₁;  Lₛ·Lₛᵀ·u₂ = a₂ + Xᵀw;  u₁ = Lₚ⁻ᵀ(X·u₂ − w).
    for (let i = 0; i < col; i++) {
      let t = a[i];
      for (let k = 0; k < i; k++) t -= lp[i * m + k] * w[k];
      w[i] = t / lp[i * m + i];
    }
    for (let i = 0; i < col; i++) {
      let t = a[col + i];
      for (let k = 0; k < col; k++) t += x12[k * m + i] * w[k];
      u[col + i] = t;
    }
    for (let i = 0; i < col; i++) {
      let t = u[col + i];
      for (let k = 0; k < i; k++) t -= schur[i * m + k] * u[col + k];
      u[col + i] = t / schur[i * m + i];
    }
    for (let i = col - 1; i >= 0; i--) {
      let t = u[col + i];
      for (let k = i + 1; k < col; k++) t -= schur[k * m + i] * u[col + k];
      u[col + i] = t / schur[i * m + i];
    }
    for (let i = 0; i < col; i++) {
      let t = -w[i];
      for (let k = 0; k < col; k++) t += x12[i * m + k] * u[col + k];
      u[i] = t;
    }
    for (let i = col - 1; i >= 0; i--) {
      let t = u[i];
      for (let k = i + 1; k < col; k++) t -= lp[k * m + i] * u[k];
      u[i] = t / lp[i * m + i];
    }

    // du = −r/θ − (1/θ²)·ZᵀW·u.
    const invTheta = 1 / theta;
    for (let k = 0; k < nFree; k++) {
      du[k] = -invTheta * (r[k] + invTheta * B.wRowDot(free[k], u));
    }
    for (let k = 0; k < nFree; k++) {
      if (!Number.isFinite(du[k])) return false;
    }

    // Morales–Nocedal: try the projection of x^c + du onto the box.
    let clipped = false;
    for (let k = 0; k < nFree; k++) {
      const i = free[k];
      const lo = lower[i];
      const hi = upper[i];
      let t = xcp[i] + du[k];
      if (t <= lo) {
        t = lo;
        clipped = true;
      } else if (t >= hi) {
        t = hi;
        clipped = true;
      }
      z[i] = t;
    }
    this.lastStep = "projected";
    if (!clipped) return true;
    let slope = 0;
    for (let i = 0; i < n; i++) slope += (z[i] - x[i]) * g[i];
    if (slope <= 0) return true;

    // Not a descent direction: the 1995 rule, a feasible fraction of du from x^c.
    this.lastStep = "backtracked";
    let alpha = 1;
    let limiting = -1;
    for (let k = 0; k < nFree; k++) {
      const i = free[k];
      const dk = du[k];
      let step = alpha;
      if (dk < 0 && lower[i] > -Infinity) {
        const room = lower[i] - xcp[i];
        if (room >= 0) step = 0;
        else if (dk * alpha < room) step = room / dk;
      } else if (dk > 0 && upper[i] < Infinity) {
        const room = upper[i] - xcp[i];
        if (room <= 0) step = 0;
        else if (dk * alpha > room) step = room / dk;
      }
      if (step < alpha) {
        alpha = step;
        limiting = k;
      }
    }
    for (let k = 0; k < nFree; k++) {
      const i = free[k];
      z[i] = xcp[i] + alpha * du[k];
    }
    if (limiting >= 0 && alpha < 1) {
      const i = free[limiting];
      z[i] = du[limiting] > 0 ? upper[i] : lower[i];
    }
    // Guard against round-off leaving the box.
    for (let k = 0; k < nFree; k++) {
      const i = free[k];
      if (z[i] < lower[i]) z[i] = lower[i];
      else if (z[i] > upper[i]) z[i] = upper[i];
    }
    return true;
  }
}

/** Overwrites column j of the col × col block of b (stride m) by L⁻¹·b[:, j], L lower triangular. */
function forwardSolveColumn(l: Float64Array, m: number, col: number, b: Float64Array, j: number): void {
  for (let i = 0; i < col; i++) {
    let t = b[i * m + j];
    for (let k = 0; k < i; k++) t -= l[i * m + k] * b[k * m + j];
    b[i * m + j] = t / l[i * m + i];
  }
}
