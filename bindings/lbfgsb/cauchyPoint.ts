import type { CompactLbfgsMatrix } from "./CompactLbfgsMatrix";

/** Status of a variable after the Cauchy search: free to move in the subspace step. */
export const FREE = 0;
/** Held at its lower bound. */
export const AT_LOWER = 1;
/** Held at its upper bound. */
export const AT_UPPER = 2;
/** lower = upper: never moves. */
export const FIXED = 3;

const EPS = Number.EPSILON;

/**
 * The generalized Cauchy point of L-BFGS-B (Byrd, Lu, Nocedal & Zhu 1995, §4,
 * Algorithm CP; Fortran subroutines `cauchy`, `hpsolb` and `freev`).
 *
 * Along the projected steepest-descent path x(t) = P(x − t·g), P the projection onto
 * the box l ≤ x ≤ u, the quadratic model
 * ```
 * m(x̃) = f + gᵀ(x̃ − x) + ½(x̃ − x)ᵀB(x̃ − x),     B = θI − W·M·Wᵀ
 * ```
 * is piecewise quadratic in t. Coordinate i leaves the path (hits its bound) at the
 * breakpoint tᵢ = (xᵢ − uᵢ)/gᵢ if gᵢ < 0, (xᵢ − lᵢ)/gᵢ if gᵢ > 0, ∞ otherwise.
 * Breakpoints are visited in increasing order through a binary heap (only the few
 * that are passed are ever extracted, O(n + k·log n)); on each segment
 * [t_{j−1}, t_j] the model is f_j + f′·Δt + ½f″·Δt², with f′, f″ updated in O(m)
 * per breakpoint b by
 * ```
 * f′ ← f′ + Δt·f″ + g_b² + θ·g_b·z_b − g_b·w_bᵀM·c
 * f″ ← f″ − θ·g_b² − 2·g_b·w_bᵀM·p − g_b²·w_bᵀM·w_b
 * p  ← p + g_b·w_b,    c ← c + Δt·p
 * ```
 * (w_b row b of W, p = Wᵀd, c = Wᵀ(x^c − x)). The search stops in the first segment
 * whose minimiser Δt* = −f′/f″ lies before its end; the Cauchy point x^c is x(t_{j−1}
 * + max(Δt*, 0)). As in the Fortran code, f″ is kept ≥ ε·f″₀ against round-off.
 *
 * Outputs (in the instance's arrays): `xcp` = x^c, `c` = Wᵀ(x^c − x) (used by the
 * subspace step), `status` per variable ({@link FREE}, {@link AT_LOWER},
 * {@link AT_UPPER}, {@link FIXED}) and `freeIndex`: the `freeCount` free variables
 * first, then the others. Nothing is allocated after construction.
 *
 * @example
 * ```ts
 * const B = new CompactLbfgsMatrix(2, 5);           // empty memory: B = I
 * const cp = new CauchyPoint(2, 5);
 * cp.compute(new Float64Array([0, 0]), new Float64Array([-2, 0.5]),
 *            new Float64Array([-1, -1]), new Float64Array([1, 1]), B);
 * // x − t·g = (2t, −t/2): x₀ hits its upper bound 1 at t = ½, then the model
 * // ½x₁² + x₁/2 is minimised at x₁ = −½ (t = 1, before x₁'s breakpoint t = 2):
 * // cp.xcp = (1, −0.5); x₀ AT_UPPER, x₁ FREE; cp.freeCount = 1
 * ```
 */
export class CauchyPoint {
  /** The generalized Cauchy point x^c. */
  readonly xcp: Float64Array;
  /** c = Wᵀ(x^c − x), 2·col entries. */
  readonly c: Float64Array;
  /** Per variable: FREE, AT_LOWER, AT_UPPER or FIXED. */
  readonly status: Int8Array;
  /** Indices of the free variables in [0, freeCount), the rest after. */
  readonly freeIndex: Int32Array;
  /** Number of free variables at x^c. */
  freeCount = 0;
  /** Breakpoints passed (variables fixed) in the last search, for diagnostics. */
  segments = 0;

  private readonly n: number;
  private readonly d: Float64Array;
  private readonly heapT: Float64Array;
  private readonly heapI: Int32Array;
  private readonly p: Float64Array;
  private readonly wbp: Float64Array;
  private readonly v: Float64Array;

  constructor(n: number, m: number) {
    this.n = n;
    this.xcp = new Float64Array(n);
    this.c = new Float64Array(2 * m);
    this.status = new Int8Array(n);
    this.freeIndex = new Int32Array(n);
    this.d = new Float64Array(n);
    this.heapT = new Float64Array(n);
    this.heapI = new Int32Array(n);
    this.p = new Float64Array(2 * m);
    this.wbp = new Float64Array(2 * m);
    this.v = new Float64Array(2 * m);
  }

  /**
   * Skips the search (the Fortran code does this when no variable has a finite bound
   * and the memory is not empty): x^c = x, c = 0, every variable free.
   */
  useCurrentPoint(x: Float64Array, B: CompactLbfgsMatrix): void {
    this.xcp.set(x);
    this.c.fill(0, 0, 2 * B.col);
    this.status.fill(FREE);
    for (let i = 0; i < this.n; i++) this.freeIndex[i] = i;
    this.freeCount = this.n;
    this.segments = 0;
  }

  /** Computes the generalized Cauchy point from x (feasible) and g = ∇f(x). */
  compute(x: Float64Array, g: Float64Array, lower: Float64Array, upper: Float64Array, B: CompactLbfgsMatrix): void {
    const { n, xcp, c, status, d, heapT, heapI, p, wbp, v } = this;
    const col = B.col;
    const col2 = 2 * col;
    const theta = B.theta;
    xcp.set(x);
    c.fill(0, 0, col2);
    this.segments = 0;

    // Initial direction d = −g on the variables that can move, and the breakpoints.
    let f1 = 0;
    let nbreak = 0;
    let bounded = true; // every moving variable has a breakpoint
    for (let i = 0; i < n; i++) {
      const lo = lower[i];
      const hi = upper[i];
      const neg = -g[i];
      let st = FREE;
      if (lo === hi) st = FIXED;
      else if (x[i] - lo <= 0 && neg <= 0) st = AT_LOWER;
      else if (hi - x[i] <= 0 && neg >= 0) st = AT_UPPER;
      status[i] = st;
      if (st !== FREE) {
        d[i] = 0;
        continue;
      }
      d[i] = neg;
      f1 -= neg * neg;
      if (neg < 0 && lo > -Infinity) {
        heapT[nbreak] = (x[i] - lo) / -neg;
        heapI[nbreak++] = i;
      } else if (neg > 0 && hi < Infinity) {
        heapT[nbreak] = (hi - x[i]) / neg;
        heapI[nbreak++] = i;
      } else if (neg !== 0) {
        bounded = false;
      }
    }

    if (f1 !== 0) {
      // p = Wᵀd;  f′ = gᵀd = −dᵀd;  f″ = dᵀBd = θ·dᵀd − pᵀMp.
      B.multiplyWt(d, p);
      B.multiplyM(p, v);
      let f2 = -theta * f1;
      for (let k = 0; k < col2; k++) f2 -= v[k] * p[k];
      const f2Original = f2;
      let dtm = -f1 / f2;
      let tsum = 0;
      let tPrevious = 0;
      let left = nbreak;
      let allFixed = false;
      if (nbreak > 0) heapify(heapT, heapI, nbreak);
      while (left > 0) {
        const tj = heapT[0];
        const ibp = heapI[0];
        const dt = tj - tPrevious;
        if (dtm < dt) break; // the minimiser lies in this segment
        heapPop(heapT, heapI, left);
        tsum += dt;
        left--;
        this.segments++;
        const dibp = d[ibp];
        d[ibp] = 0;
        let zibp: number;
        if (dibp > 0) {
          zibp = upper[ibp] - x[ibp];
          xcp[ibp] = upper[ibp];
          status[ibp] = AT_UPPER;
        } else {
          zibp = lower[ibp] - x[ibp];
          xcp[ibp] = lower[ibp];
          status[ibp] = AT_LOWER;
        }
        if (left === 0 && nbreak === n) {
          // Every variable is at a bound: x^c is the last breakpoint.
          dtm = dt;
          allFixed = true;
          break;
        }
        const dibp2 = dibp * dibp;
        f1 += dt * f2 + dibp2 - theta * dibp * zibp;
        f2 -= theta * dibp2;
        if (col > 0) {
          for (let k = 0; k < col2; k++) c[k] += dt * p[k];
          B.rowOfW(ibp, wbp);
          B.multiplyM(wbp, v);
          let wmc = 0;
          let wmp = 0;
          let wmw = 0;
          for (let k = 0; k < col2; k++) {
            wmc += c[k] * v[k];
            wmp += p[k] * v[k];
            wmw += wbp[k] * v[k];
          }
          for (let k = 0; k < col2; k++) p[k] -= dibp * wbp[k];
          f1 += dibp * wmc;
          f2 += 2 * dibp * wmp - dibp2 * wmw;
        }
        f2 = Math.max(EPS * f2Original, f2);
        if (left > 0) dtm = -f1 / f2;
        else if (bounded) dtm = 0;
        else dtm = -f1 / f2;
        tPrevious = tj;
      }
      if (!allFixed) {
        if (!(dtm > 0)) dtm = 0;
        tsum += dtm;
        for (let i = 0; i < n; i++) if (d[i] !== 0) xcp[i] = x[i] + tsum * d[i];
      }
      for (let k = 0; k < col2; k++) c[k] += dtm * p[k];
    }

    // Free set at x^c (Fortran `freev`): free variables first, then the others.
    let front = 0;
    let back = n;
    for (let i = 0; i < n; i++) {
      if (status[i] === FREE) this.freeIndex[front++] = i;
      else this.freeIndex[--back] = i;
    }
    this.freeCount = front;
  }
}

/** Builds a binary min-heap on t[0 … size) (carrying idx along). */
function heapify(t: Float64Array, idx: Int32Array, size: number): void {
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(t, idx, i, size);
}

/** Removes the root of a heap of the given size (the last entry moves to the root). */
function heapPop(t: Float64Array, idx: Int32Array, size: number): void {
  const last = size - 1;
  t[0] = t[last];
  idx[0] = idx[last];
  siftDown(t, idx, 0, last);
}

function siftDown(t: Float64Array, idx: Int32Array, start: number, size: number): void {
  let i = start;
  const ti = t[i];
  const ii = idx[i];
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && t[child + 1] < t[child]) child++;
    if (t[child] >= ti) break;
    t[i] = t[child];
    idx[i] = idx[child];
    i = child;
  }
  t[i] = ti;
  idx[i] = ii;
}
