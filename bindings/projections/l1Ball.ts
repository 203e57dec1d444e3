import type { FloatArray } from "../FloatArray";
import { validate } from "../validate";
import type { Projection } from "./Projection";
import { projectOntoSimplex, type SimplexScratch } from "./projectOntoSimplex";

/** Options of {@link l1Ball}. */
export interface L1BallOptions {
  /** The radius r > 0 of the ball { x : Σ|x_i| ≤ r }. Default 1. */
  radius?: number;
}

const OPTIONS = ["radius"] as const;

/**
 * Projection onto the ℓ1 ball B_r = { x : Σ_i |x_i| ≤ r } (r = `radius`, default 1),
 * which promotes sparse solutions (the constrained form of the lasso). If Σ|x_i| ≤ r,
 * x is left as it is. Otherwise
 * ```
 * P(x)_i = sign(x_i) · max(|x_i| − τ, 0),   τ > 0 solving Σ_i max(|x_i| − τ, 0) = r
 * ```
 * i.e. the simplex projection of |x| (see `simplex`) with the signs restored; the
 * result lies on the boundary, Σ|P(x)_i| = r to about one ulp of r, and entries at
 * or below τ become exactly 0. O(n log n), + − × ÷ only (identical in every engine).
 *
 * The "already inside" test allows 4 ulps of slack (Σ|x_i| ≤ r·(1 + 4ε)), so
 * projecting twice changes nothing. An empty x is inside. `project(x)` throws a
 * `DownhillError` (leaving x untouched) when x has a NaN or infinite entry. It
 * allocates only on the first call for a given length.
 *
 * Reference: Duchi, Shalev-Shwartz, Singer & Chandra (2008), "Efficient projections
 * onto the ℓ1-ball for learning in high dimensions", ICML, Section 4.
 *
 * @example
 * ```ts
 * const sparse = l1Ball({ radius: 1 });
 * const w = new Float64Array([0.9, -0.6, 0.05]);
 * sparse.project(w);                      // w = [0.65, -0.35, 0]
 * ```
 */
export function l1Ball(options?: L1BallOptions): Projection {
  const o = validate.options("l1Ball", options, OPTIONS);
  const radius = validate.number("l1Ball", "radius", o.radius ?? 1, { min: 0, minExclusive: true });
  const scratch: SimplexScratch = { buffer: new Float64Array(0) };
  return {
    name: "l1Ball",
    project(x: FloatArray): void {
      validate.floatArray("l1Ball.project", "x", x);
      if (x.length === 0) return;
      projectOntoSimplex("l1Ball.project", x, radius, true, scratch);
    },
  };
}
