import { checkSeed, seededRandom } from "../random/seededRandom";
import { validate } from "../validate";
import { modelOptions } from "../models/modelOptions";

/** Options of {@link lowRankRatings}. */
export interface LowRankRatingsOptions {
  /** Number of users (rows). Default 100. */
  users?: number;
  /** Number of items (columns). Default 80. */
  items?: number;
  /** Rank of the rating matrix. Default 3. */
  rank?: number;
  /** Fraction of the entries observed, in (0, 1]. Default 0.3. */
  density?: number;
  /** Standard deviation of Gaussian noise added to each observed rating. Default 0. */
  noise?: number;
  /** Seed. Default 0. */
  seed?: number;
}

/** What {@link lowRankRatings} returns. */
export interface RatingsData {
  /** Observed (user, item) pairs, rows × 2, in random order. */
  x: Float64Array;
  /** Their ratings. */
  y: Float64Array;
  /** The true factors: U (users × rank) and V (items × rank); the full matrix is U·Vᵀ. */
  userFactors: Float64Array;
  itemFactors: Float64Array;
  samples: number;
}

/**
 * A synthetic rating matrix of known low rank, for matrix factorization:
 * ```
 * U_uk, V_ik ~ N(0, 1),   R = U·Vᵀ/√rank   (entries of variance 1)
 * ```
 * Each entry is observed with probability `density`; observed ratings get
 * noise·N(0, 1) added. The observed triples come in random order, so any prefix is a
 * random sample (split off the tail as a held-out set). Same bits in every engine
 * (seeded generator, deterministic normals).
 *
 * @example
 * ```ts
 * const data = lowRankRatings({ users: 100, items: 80, rank: 3, density: 0.3, seed: 1 });
 * data.x;   // [user, item] pairs;  data.y: ratings
 * ```
 */
export function lowRankRatings(options?: LowRankRatingsOptions): RatingsData {
  const where = "lowRankRatings";
  const o = validate.options(where, options, ["users", "items", "rank", "density", "noise", "seed"]);
  const users = o.users === undefined ? 100 : modelOptions.count(where, "users", o.users);
  const items = o.items === undefined ? 80 : modelOptions.count(where, "items", o.items);
  const rank = o.rank === undefined ? 3 : modelOptions.count(where, "rank", o.rank);
  const density = validate.number(where, "density", o.density ?? 0.3, { min: 0, max: 1, minExclusive: true });
  const noise = validate.number(where, "noise", o.noise ?? 0, { min: 0 });
  const random = seededRandom({ seed: checkSeed(where, "seed", o.seed ?? 0) });
  const userFactors = Float64Array.from({ length: users * rank }, () => random.normal());
  const itemFactors = Float64Array.from({ length: items * rank }, () => random.normal());
  const norm = 1 / Math.sqrt(rank);
  const observed: number[] = [];
  for (let u = 0; u < users; u++) for (let i = 0; i < items; i++) if (random.uniform() < density) observed.push(u * items + i);
  random.shuffle(observed);
  const n = observed.length;
  const x = new Float64Array(2 * n), y = new Float64Array(n);
  observed.forEach((cell, s) => {
    const u = Math.floor(cell / items), i = cell % items;
    let r = 0;
    for (let k = 0; k < rank; k++) r += userFactors[u * rank + k] * itemFactors[i * rank + k];
    x[2 * s] = u;
    x[2 * s + 1] = i;
    y[s] = r * norm + (noise > 0 ? noise * random.normal() : 0);
  });
  return { x, y, userFactors, itemFactors, samples: n };
}
