import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";
import { validate } from "../validate";
import type { Projection } from "./Projection";
import { projectOntoSimplex, type SimplexScratch } from "./projectOntoSimplex";

/** Options of {@link simplex}. */
export interface SimplexOptions {
  /** The sum r > 0 of the entries. Default 1 (the probability simplex). */
  radius?: number;
}

const OPTIONS = ["radius"] as const;

/**
 * Projection onto the simplex Δ_r = { x : x_i ≥ 0 for all i, Σ_i x_i = r }
 * (r = `radius`, default 1: probability vectors). The projection is
 * ```
 * P(x)_i = max(x_i − τ, 0),   τ the unique solution of Σ_i max(x_i − τ, 0) = r
 * ```
 * found exactly by sorting (O(n log n)): with u = x sorted decreasingly,
 * ρ = max{ j : u_j − (Σ_{i≤j} u_i − r)/j > 0 } and τ = (Σ_{i≤ρ} u_i − r)/ρ.
 *
 * Guarantees: no entry of the result is negative (entries at or below τ are set to
 * exactly +0), and the entries sum to r within about one ulp of r (float64; float32
 * arrays to float32 rounding). A point already on the simplex (all entries ≥ 0 and a
 * sum within 4 ulps of r) is left exactly as it is, so projecting twice changes
 * nothing. The arithmetic is + − × ÷ only, so results are identical in every engine.
 *
 * `project(x)` throws a `DownhillError` (leaving x untouched) when x is empty or has a
 * NaN or infinite entry. It allocates only on the first call for a given length.
 *
 * References: Held, Wolfe & Crowder (1974), "Validation of subgradient optimization";
 * Duchi, Shalev-Shwartz, Singer & Chandra (2008), "Efficient projections onto the
 * ℓ1-ball for learning in high dimensions", ICML, Figure 1.
 *
 * @example
 * ```ts
 * const toSimplex = simplex();            // radius 1
 * const w = new Float64Array([0.5, 1.2, -0.3]);
 * toSimplex.project(w);                   // w = [0.15, 0.85, 0]
 * ```
 */
export function simplex(options?: SimplexOptions): Projection {
  const o = validate.options("simplex", options, OPTIONS);
  const radius = validate.number("simplex", "radius", o.radius ?? 1, { min: 0, minExclusive: true });
  const scratch: SimplexScratch = { buffer: new Float64Array(0) };
  return {
    name: "simplex",
    project(x: FloatArray): void {
      validate.floatArray("simplex.project", "x", x);
      if (x.length === 0) {
        throw new DownhillError(
          "INVALID_OPTION",
          "simplex.project: x is empty; the simplex has no point in zero dimensions. Pass at least one entry.",
          "x",
        );
      }
      projectOntoSimplex("simplex.project", x, radius, false, scratch);
    },
  };
}
