import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";
import { feasibilitySlack } from "./feasibilitySlack";

/** Internal: a projection's reusable float64 workspace; reallocated only when the length changes. */
export interface SimplexScratch {
  buffer: Float64Array;
}

/**
 * The shared engine of `simplex` and `l1Ball` (internal). Projects `x` (or, when
 * `absolute` is true, |x| with the signs restored afterwards) onto
 * { y ≥ 0 : Σ y = radius }, in place; with `absolute` it first returns unchanged when
 * Σ|x| ≤ radius (x already in the ℓ1 ball).
 *
 * Algorithm (Held, Wolfe & Crowder 1974; Duchi, Shalev-Shwartz, Singer & Chandra 2008,
 * Fig. 1): the projection is y_i = max(v_i − τ, 0), with τ the unique solution of
 * Σ max(v_i − τ, 0) = radius. Sort u = v in decreasing order, let
 * ρ = max{ j : u_j − (Σ_{i≤j} u_i − radius)/j > 0 } and τ = (Σ_{i≤ρ} u_i − radius)/ρ.
 * O(n log n).
 *
 * Numerics, all deterministic (+ − × ÷ only, same bits in every engine):
 * - Everything is computed on v − max(v), so the active entries (which lie within
 *   `radius` of the maximum) are O(radius) and huge inputs lose no accuracy; the
 *   prefix sums are compensated (Neumaier 1974).
 * - Entries at or below τ are set to exactly +0, never to a tiny negative.
 * - The result is finally rescaled by radius / Σy (a relative change of a few ulps),
 *   so Σy equals radius to within about one ulp of radius.
 *
 * Throws a `DownhillError` (before touching `x`) when `x` holds NaN or ±Infinity. The
 * caller validates `x` and rejects empty arrays for the simplex.
 *
 * @example
 * ```ts
 * const scratch: SimplexScratch = { buffer: new Float64Array(0) };
 * const x = new Float64Array([0.5, 1.2, -0.3]);
 * projectOntoSimplex("simplex.project", x, 1, false, scratch);   // x = [0.15, 0.85, 0]
 * ```
 */
export function projectOntoSimplex(
  functionName: string,
  x: FloatArray,
  radius: number,
  absolute: boolean,
  scratch: SimplexScratch,
): void {
  const n = x.length;
  // Pass 1: checks, maximum, minimum and the compensated sum.
  let max = -Infinity;
  let min = Infinity;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const v = absolute && xi < 0 ? -xi : xi;
    if (v - v !== 0) {
      throw new DownhillError(
        "INVALID_OPTION",
        `${functionName}: x[${i}] is ${xi}; the projection needs finite entries.`,
        "x",
      );
    }
    if (v > max) max = v;
    if (v < min) min = v;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  sum += compensation;
  const slack = feasibilitySlack(x) * radius;
  if (absolute) {
    if (sum <= radius + slack) return;
  } else if (min >= 0 && sum - radius <= slack && radius - sum <= slack) {
    return;
  }

  // Pass 2: shifted copy v − max (≤ 0), sorted increasingly.
  let u = scratch.buffer;
  if (u.length !== n) u = scratch.buffer = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    u[i] = (absolute && xi < 0 ? -xi : xi) - max;
  }
  u.sort();

  // Threshold: walk from the largest entry down while u_j > (Σ_{i≤j} u_i − radius)/j.
  let prefix = 0;
  let prefixCompensation = 0;
  let tau = -radius;
  for (let j = 1; j <= n; j++) {
    const v = u[n - j];
    const t = prefix + v;
    prefixCompensation += -prefix >= -v ? prefix - t + v : v - t + prefix; // both ≤ 0
    prefix = t;
    const candidate = (prefix + prefixCompensation - radius) / j;
    if (v > candidate) tau = candidate;
    else break;
  }

  // Pass 3: y_i = max((v_i − max) − τ, 0) into the scratch (original order), with its sum.
  sum = 0;
  compensation = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const d = (absolute && xi < 0 ? -xi : xi) - max - tau;
    const y = d > 0 ? d : 0;
    u[i] = y;
    const t = sum + y;
    compensation += sum >= y ? sum - t + y : y - t + sum;
    sum = t;
  }
  sum += compensation;

  // Pass 4: rescale so that Σy = radius to rounding, restore signs, write back.
  const factor = sum > 0 ? radius / sum : 1;
  for (let i = 0; i < n; i++) {
    const y = factor === 1 ? u[i] : u[i] * factor;
    x[i] = absolute && y > 0 && x[i] < 0 ? -y : y;
  }
}
