import { DownhillError } from "../DownhillError";
import { checkSeed, seededRandom } from "../random/seededRandom";
import { validate } from "../validate";
import { modelOptions } from "../models/modelOptions";

/** Options of {@link noisyLinearData}. */
export interface NoisyLinearDataOptions {
  /** Number of samples. Default 100. */
  samples?: number;
  /** Number of features. Default 1. */
  features?: number;
  /** Standard deviation of the Gaussian noise on y. Default 0.1. */
  noise?: number;
  /** The true weights (one per feature). Default: drawn N(0, 1). */
  weights?: ArrayLike<number>;
  /** The true intercept. Default: drawn N(0, 1). */
  bias?: number;
  /** Seed. Default 0. */
  seed?: number;
}

/** What {@link noisyLinearData} returns. */
export interface LinearData {
  /** samples × features, row-major. */
  x: Float64Array;
  y: Float64Array;
  /** The true weights and intercept. */
  weights: Float64Array;
  bias: number;
  samples: number;
}

/**
 * Synthetic regression data from a known linear model:
 * ```
 * x_ij ~ N(0, 1),   y_i = x_i·w + b + noise·ε_i,   ε_i ~ N(0, 1)
 * ```
 * with w and b drawn N(0, 1) unless given. Same bits in every engine.
 *
 * @example
 * ```ts
 * const { x, y, weights, bias } = noisyLinearData({ samples: 200, features: 3, noise: 0.1, seed: 1 });
 * ```
 */
export function noisyLinearData(options?: NoisyLinearDataOptions): LinearData {
  const where = "noisyLinearData";
  const o = validate.options(where, options, ["samples", "features", "noise", "weights", "bias", "seed"]);
  const samples = o.samples === undefined ? 100 : modelOptions.count(where, "samples", o.samples);
  const features = o.features === undefined ? 1 : modelOptions.count(where, "features", o.features);
  const noise = validate.number(where, "noise", o.noise ?? 0.1, { min: 0 });
  const random = seededRandom({ seed: checkSeed(where, "seed", o.seed ?? 0) });
  let weights: Float64Array;
  if (o.weights !== undefined) {
    const w = o.weights as ArrayLike<number>;
    if (w.length !== features) {
      throw new DownhillError("LENGTH_MISMATCH", `${where}: weights has ${w.length} values, features is ${features}.`, "weights");
    }
    weights = Float64Array.from(w, (v, j) => validate.number(where, `weights[${j}]`, v));
  } else {
    weights = Float64Array.from({ length: features }, () => random.normal());
  }
  const bias = o.bias !== undefined ? validate.number(where, "bias", o.bias) : random.normal();
  const x = new Float64Array(samples * features), y = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    let sum = bias;
    for (let j = 0; j < features; j++) {
      const v = random.normal();
      x[i * features + j] = v;
      sum += v * weights[j];
    }
    y[i] = sum + noise * random.normal();
  }
  return { x, y, weights, bias, samples };
}
