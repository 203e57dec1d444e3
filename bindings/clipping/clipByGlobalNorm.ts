import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";
import { validate } from "../validate";
import { checkGradients } from "./checkGradients";

/** Options of {@link clipByGlobalNorm}. Names follow torch.nn.utils.clip_grad_norm_, spelled out. */
export interface ClipByGlobalNormOptions {
  /** The largest global ℓ2 norm M > 0 (finite) to allow. Required. */
  maxNorm: number;
  /**
   * Throw a `DownhillError` (modifying nothing) when the total norm is NaN or
   * ±Infinity, instead of scaling. Default false (as PyTorch's error_if_nonfinite).
   */
  errorIfNonFinite?: boolean;
}

const OPTIONS = ["maxNorm", "errorIfNonFinite"] as const;

/**
 * Rescales gradients so that their global ℓ2 norm is at most about `maxNorm`, in place,
 * exactly as PyTorch's torch.nn.utils.clip_grad_norm_ (norm_type 2), and returns the
 * total norm measured before clipping:
 * ```
 * N = sqrt( Σ_arrays Σ_i g_i² )               (one norm over all the arrays together)
 * s = min(1, M / (N + 1e-6))                 (M = maxNorm; PyTorch's clip_coef, clamped to 1)
 * g_i ← g_i · s   for every entry of every array, when s < 1
 * ```
 * So gradients are scaled only when N + 1e-6 > M (in effect when N > M, up to 1e-6),
 * and then to a norm slightly below M. `grads` is one Float64Array/Float32Array or a
 * list of them; an empty list gives 0. The norm is accumulated in float64, in order,
 * without overflow or underflow (when Σg² leaves [1e-280, ∞) it is recomputed on
 * g / max|g|); Float32Array entries are scaled in float64 and rounded back. An array
 * listed twice is counted twice and scaled twice. Never allocates.
 *
 * Non-finite gradients: if any entry is NaN, N is NaN; otherwise if any is ±Infinity,
 * N is Infinity. With `errorIfNonFinite: true` that throws a `DownhillError` and
 * nothing is modified. With the default `false`, PyTorch's arithmetic is followed:
 * N = Infinity gives s = M/∞ = 0 (finite entries become 0, infinite ones NaN), and
 * N = NaN gives s = NaN (every entry becomes NaN). Either way the non-finite N is
 * returned, so the caller can skip the step.
 *
 * Reference: Pascanu, Mikolov & Bengio (2013), "On the difficulty of training recurrent
 * neural networks", ICML, Algorithm 1; PyTorch documentation and source,
 * torch.nn.utils.clip_grad_norm_.
 *
 * @example
 * ```ts
 * const gW = new Float64Array([3, 0]);
 * const gB = new Float64Array([4]);
 * const norm = clipByGlobalNorm([gW, gB], { maxNorm: 1 });
 * // norm = 5; gW ≈ [0.6, 0], gB ≈ [0.8] (each × 1 / (5 + 1e-6))
 * ```
 */
export function clipByGlobalNorm(grads: FloatArray | readonly FloatArray[], options: ClipByGlobalNormOptions): number {
  const name = "clipByGlobalNorm";
  const o = validate.options(name, options, OPTIONS);
  const maxNorm = validate.number(name, "maxNorm", o.maxNorm, { min: 0, minExclusive: true });
  const errorIfNonFinite = validate.boolean(name, "errorIfNonFinite", o.errorIfNonFinite ?? false);
  const list = checkGradients(name, grads);
  const single = grads as FloatArray;
  const count = list === null ? 1 : list.length;

  let squares = 0;
  for (let k = 0; k < count; k++) squares += sumOfSquares(list === null ? single : list[k]);
  let norm: number;
  if (squares < Infinity && squares >= 1e-280) {
    norm = Math.sqrt(squares);
  } else if (squares !== squares) {
    norm = NaN;
  } else {
    // Infinite entries, overflow or underflow: ‖g‖ = m·sqrt(Σ (g_i/m)²), m = max |g_i|.
    let m = 0;
    for (let k = 0; k < count; k++) {
      const a = maxAbs(list === null ? single : list[k]);
      if (a > m) m = a;
    }
    if (m === 0 || m === Infinity) {
      norm = m;
    } else {
      let scaled = 0;
      for (let k = 0; k < count; k++) scaled += sumOfScaledSquares(list === null ? single : list[k], m);
      norm = m * Math.sqrt(scaled);
    }
  }

  if (errorIfNonFinite && !Number.isFinite(norm)) {
    throw new DownhillError(
      "INVALID_OPTION",
      `${name}: the total gradient norm is ${norm} (the gradients contain ${
        norm !== norm ? "NaN" : "±Infinity"
      }); nothing was modified. Skip this step, or pass errorIfNonFinite: false to scale anyway as PyTorch does.`,
      "grads",
    );
  }
  const coefficient = maxNorm / (norm + 1e-6);
  if (!(coefficient >= 1)) {
    // coefficient < 1, or NaN (norm NaN): scale, as PyTorch's clamp(max=1) then multiply.
    for (let k = 0; k < count; k++) scale(list === null ? single : list[k], coefficient);
  }
  return norm;
}

function sumOfSquares(g: FloatArray): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return s;
}

function maxAbs(g: FloatArray): number {
  let m = 0;
  for (let i = 0; i < g.length; i++) {
    const a = g[i] < 0 ? -g[i] : g[i];
    if (a > m) m = a;
  }
  return m;
}

function sumOfScaledSquares(g: FloatArray, m: number): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) {
    const d = g[i] / m;
    s += d * d;
  }
  return s;
}

function scale(g: FloatArray, coefficient: number): void {
  for (let i = 0; i < g.length; i++) g[i] *= coefficient;
}
