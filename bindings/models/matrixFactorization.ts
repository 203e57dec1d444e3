import type { Backend } from "../backends/Backend";
import type { Precision } from "../FloatArray";
import { mse } from "../losses/mse";
import { checkSeed } from "../random/seededRandom";
import { validate } from "../validate";
import { FactorizationModel } from "./FactorizationModel";
import type { Model } from "./Model";
import { modelOptions } from "./modelOptions";

/** Options of {@link matrixFactorization}. */
export interface MatrixFactorizationOptions {
  /** Number of users (rows of the rating matrix). Required. */
  users: number;
  /** Number of items (columns). Required. */
  items: number;
  /** Rank k of the factorization (latent factors per user and item). Required. */
  rank: number;
  /** L2 penalty λ ≥ 0 on the factor matrices P and Q. Default 0. */
  l2?: number;
  /** Learn user, item and global biases. Default true. */
  biases?: boolean;
  /** Seed of the initial factors. Default 0. */
  seed?: number;
  /** Standard deviation of the initial factors (normal, from the seeded generator). Default 0.1. */
  initialScale?: number;
  /** "float64" (default) or "float32". */
  precision?: Precision;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/** A matrix-factorization model made by {@link matrixFactorization}. */
export interface MatrixFactorization extends Model {
  readonly name: "matrixFactorization";
  readonly users: number;
  readonly items: number;
  readonly rank: number;
}

/**
 * Matrix factorization for collaborative filtering: a rating of item i by user u is
 * predicted from k latent factors per user (P, users × k) and per item (Q, items × k),
 * ```
 * r̂_ui = g + b_u + c_i + P_u·Q_i
 * f = (1/N)·Σ_{(u,i,r)} (r̂_ui − r)² + (λ/2)·(‖P‖² + ‖Q‖²)
 * ```
 * fitted on observed (user, item, rating) triples: x holds [user, item] rows of whole
 * numbers, y the ratings. Factors start normal with standard deviation `initialScale`
 * (a zero start is a saddle point), biases at 0. Blocks: `"userFactors"`,
 * `"itemFactors"`, `"userBias"`, `"itemBias"`, `"globalBias"`. The loss must be a
 * regression loss (mse by default).
 *
 * Reference: Y. Koren, R. Bell and C. Volinsky, "Matrix factorization techniques for
 * recommender systems", IEEE Computer 42 (2009); S. Funk, "Netflix update" (2006).
 *
 * @example
 * ```ts
 * await init();
 * const data = lowRankRatings({ users: 50, items: 40, rank: 3, density: 0.5, seed: 1 });
 * const model = matrixFactorization({ users: 50, items: 40, rank: 3, l2: 1e-4, seed: 1 });
 * train(model, { x: data.x, y: data.y, optimizer: adam({ learningRate: 0.02 }), batchSize: 64, epochs: 200 });
 * evaluate(model, { x: data.x, y: data.y }).rmse;   // small
 * ```
 */
export function matrixFactorization(options: MatrixFactorizationOptions): MatrixFactorization {
  const where = "matrixFactorization";
  const o = validate.options(where, options, [
    "users", "items", "rank", "l2", "biases", "seed", "initialScale", "precision", "backend",
  ]);
  return new FactorizationModel({
    users: modelOptions.required(where, "users", o.users),
    items: modelOptions.required(where, "items", o.items),
    rank: modelOptions.required(where, "rank", o.rank),
    l2: modelOptions.l2(where, o.l2),
    biases: validate.boolean(where, "biases", o.biases ?? true),
    seed: checkSeed(where, "seed", o.seed ?? 0),
    initialScale: validate.number(where, "initialScale", o.initialScale ?? 0.1, { min: 0 }),
    precision: modelOptions.precision(where, o.precision),
    backend: modelOptions.backend(where, o.backend),
    defaultLoss: mse(),
  }) as unknown as MatrixFactorization;
}
