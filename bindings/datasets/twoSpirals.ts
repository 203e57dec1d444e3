import { deterministicCos } from "../math/deterministicCos";
import { checkSeed, seededRandom } from "../random/seededRandom";
import { validate } from "../validate";
import { modelOptions } from "../models/modelOptions";

/** Options of {@link twoSpirals}. */
export interface TwoSpiralsOptions {
  /** Points per spiral (class). Default 100. */
  points?: number;
  /** Turns of each spiral. Default 1.5. */
  turns?: number;
  /** Standard deviation of Gaussian noise added to each coordinate. Default 0. */
  noise?: number;
  /** Seed of the noise and of the row order. Default 0. */
  seed?: number;
}

/** A two-class data set: 2-D points and their labels. */
export interface ClassificationData {
  /** Rows × 2, row-major. */
  x: Float64Array;
  /** Label of each row, 0 or 1. */
  y: Int32Array;
  samples: number;
}

/**
 * The two-spirals problem: two interleaved spirals in the plane, one per class — not
 * separable by any line, a classic test of whether a network can learn a highly
 * non-linear boundary. Point i of spiral k (i = 0 … points−1, t = i/points):
 * ```
 * r = 0.05 + 0.95·t,   θ = 2π·turns·t + k·π,   (x, y) = (r·cos θ, r·sin θ) + noise·N(0, I)
 * ```
 * so both spirals lie in the unit disc. Rows are shuffled by the seeded generator;
 * cos and sin are `deterministicCos`, so the data are the same bits in every engine.
 *
 * Reference: K. J. Lang and M. J. Witbrock, "Learning to tell two spirals apart",
 * Proceedings of the 1988 Connectionist Models Summer School.
 *
 * @example
 * ```ts
 * const { x, y } = twoSpirals({ points: 100, turns: 1.5, seed: 1 });   // 200 × 2, labels 0/1
 * ```
 */
export function twoSpirals(options?: TwoSpiralsOptions): ClassificationData {
  const where = "twoSpirals";
  const o = validate.options(where, options, ["points", "turns", "noise", "seed"]);
  const points = o.points === undefined ? 100 : modelOptions.count(where, "points", o.points, 1);
  const turns = validate.number(where, "turns", o.turns ?? 1.5, { min: 0, minExclusive: true });
  const noise = validate.number(where, "noise", o.noise ?? 0, { min: 0 });
  const random = seededRandom({ seed: checkSeed(where, "seed", o.seed ?? 0) });
  const n = 2 * points;
  const rows: Array<[number, number, number]> = [];
  for (let k = 0; k < 2; k++) {
    for (let i = 0; i < points; i++) {
      const t = i / points;
      const r = 0.05 + 0.95 * t;
      const theta = 2 * Math.PI * turns * t + k * Math.PI;
      const px = r * deterministicCos(theta) + (noise > 0 ? noise * random.normal() : 0);
      const py = r * deterministicCos(theta - Math.PI / 2) + (noise > 0 ? noise * random.normal() : 0);
      rows.push([px, py, k]);
    }
  }
  random.shuffle(rows);
  const x = new Float64Array(2 * n), y = new Int32Array(n);
  rows.forEach(([px, py, k], i) => {
    x[2 * i] = px;
    x[2 * i + 1] = py;
    y[i] = k;
  });
  return { x, y, samples: n };
}
