import type { Backend } from "../backends/Backend";
import type { FloatArray, Precision } from "../FloatArray";
import { DownhillError } from "../DownhillError";
import { mse } from "../losses/mse";
import { softmaxCrossEntropy } from "../losses/softmaxCrossEntropy";
import { checkSeed } from "../random/seededRandom";
import { validate } from "../validate";
import { DenseNetwork } from "./DenseNetwork";
import type { Model } from "./Model";
import { ACTIVATION } from "./ModelKernels";
import { modelOptions } from "./modelOptions";

/** Options of {@link mlp}. */
export interface MlpOptions {
  /** Layer widths [inputs, ...hidden, outputs], at least two. Required. */
  layers: number[];
  /** Activation of the hidden layers: "relu" (default), "tanh" or "sigmoid". The output layer is linear. */
  activation?: "relu" | "tanh" | "sigmoid";
  /** Batch normalization after every hidden layer's product, before its activation. Default false. */
  batchNorm?: boolean;
  /** L2 penalty λ ≥ 0 on the weight matrices. Default 0. */
  l2?: number;
  /** Weight initialization: "he" (default with relu) or "xavier" (default with tanh and sigmoid). */
  initialization?: "he" | "xavier";
  /** Seed of the initial weights. Default 0. */
  seed?: number;
  /** Momentum μ of the batch-norm running statistics. Default 0.1 (PyTorch). */
  batchNormMomentum?: number;
  /** ε added to the batch variance. Default 1e-5 (PyTorch). */
  batchNormEpsilon?: number;
  /** "float64" (default) or "float32" — the fast path for networks. */
  precision?: Precision;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/** A multilayer perceptron made by {@link mlp}. */
export interface Mlp extends Model {
  readonly name: "mlp";
  /** The layer widths. */
  readonly layers: readonly number[];
  readonly batchNorm: boolean;
  /**
   * Copies of the batch-norm running mean and variance of each layer (null for layers
   * without batch norm), as `predict` and `evaluate` use them.
   */
  runningStatistics(): Array<{ mean: FloatArray; variance: FloatArray } | null>;
}

/**
 * A multilayer perceptron: dense layers with an activation f between them and a linear
 * output layer,
 * ```
 * a₀ = x,   a_l = f(a_{l−1}·W_l + b_l)   (hidden),   output = a_{L−1}·W_L + b_L
 * ```
 * optionally with batch normalization in every hidden layer,
 * a_l = f(γ_l ⊙ (z − μ_B)/√(σ²_B + ε) + β_l), z = a_{l−1}·W_l: batch statistics while
 * training (and in `valueAndGradient`), running averages (μ̄ ← (1 − m)·μ̄ + m·μ_B, the
 * variance unbiased) in `predict` and `evaluate`.
 *
 * Initialization from a seeded generator, biases 0, γ 1, β 0:
 * - "he": W ~ U(−√(6/fan_in), √(6/fan_in)) — He et al. 2015, for relu;
 * - "xavier": W ~ U(−√(6/(fan_in + fan_out)), +…) — Glorot & Bengio 2010, for tanh/sigmoid.
 *
 * The default loss is softmaxCrossEntropy with several outputs (classification), mse
 * with one. The forward and backward passes are blocked SIMD matrix products in
 * WebAssembly; float32 is the fast path.
 *
 * References: Rumelhart, Hinton & Williams, "Learning representations by
 * back-propagating errors", Nature 323 (1986); S. Ioffe and C. Szegedy, "Batch
 * normalization", ICML 2015; K. He et al., "Delving deep into rectifiers", ICCV 2015;
 * X. Glorot and Y. Bengio, AISTATS 2010.
 *
 * @example
 * ```ts
 * await init();
 * const { x, y } = twoSpirals({ points: 100, turns: 2, seed: 1 });
 * const net = mlp({ layers: [2, 32, 32, 2], activation: "relu", seed: 1 });
 * train(net, { x, y, optimizer: adam({ learningRate: 0.01 }), batchSize: 32, epochs: 300, seed: 2 });
 * evaluate(net, { x, y }).accuracy;   // 1
 * ```
 */
export function mlp(options: MlpOptions): Mlp {
  const where = "mlp";
  const o = validate.options(where, options, [
    "layers", "activation", "batchNorm", "l2", "initialization", "seed", "batchNormMomentum", "batchNormEpsilon", "precision", "backend",
  ]);
  if (!Array.isArray(o.layers) || o.layers.length < 2) {
    throw new DownhillError(
      "INVALID_OPTION",
      `${where}: layers must be an array of widths [inputs, ...hidden, outputs] with at least two entries, got ${JSON.stringify(o.layers)}.`,
      "layers",
    );
  }
  const layers = (o.layers as unknown[]).map((w, i) => modelOptions.count(where, `layers[${i}]`, w));
  const activation = modelOptions.oneOf(where, "activation", o.activation ?? "relu", ["relu", "tanh", "sigmoid"] as const);
  const initialization = modelOptions.oneOf(
    where, "initialization", o.initialization ?? (activation === "relu" ? "he" : "xavier"), ["he", "xavier"] as const,
  );
  const outputs = layers[layers.length - 1];
  return new DenseNetwork({
    name: where,
    layers,
    activation: ACTIVATION[activation],
    batchNorm: validate.boolean(where, "batchNorm", o.batchNorm ?? false),
    l2: modelOptions.l2(where, o.l2),
    precision: modelOptions.precision(where, o.precision),
    backend: modelOptions.backend(where, o.backend),
    initialization,
    seed: checkSeed(where, "seed", o.seed ?? 0),
    momentum: validate.number(where, "batchNormMomentum", o.batchNormMomentum ?? 0.1, { min: 0, max: 1 }),
    epsilon: validate.number(where, "batchNormEpsilon", o.batchNormEpsilon ?? 1e-5, { min: 0, minExclusive: true }),
    defaultLoss: outputs >= 2 ? softmaxCrossEntropy() : mse(),
    defaultOutput: "values",
  }) as unknown as Mlp;
}
