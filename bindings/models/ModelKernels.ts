import type { FloatArray } from "../FloatArray";

/** Activation codes shared with assembly/models/activations.ts. */
export const ACTIVATION = { identity: 0, relu: 1, tanh: 2, sigmoid: 3 } as const;
/** An activation code: 0 identity, 1 relu, 2 tanh, 3 sigmoid. */
export type ActivationCode = (typeof ACTIVATION)[keyof typeof ACTIVATION];

/** Loss codes shared with assembly/models/losses.ts. */
export const LOSS_CODE = {
  mse: 0, mae: 1, huber: 2, binaryCrossEntropy: 3, softmaxCrossEntropy: 4, hinge: 5, zeroOne: 6,
} as const;
/** A loss code (see {@link LOSS_CODE}). */
export type LossCode = (typeof LOSS_CODE)[keyof typeof LOSS_CODE];

/** Where the blocks of a matrix-factorization model sit in its parameter vector. */
export interface FactorizationLayout {
  users: number;
  items: number;
  rank: number;
  /** Offsets (elements) of P[users×rank], Q[items×rank], user biases, item biases, global bias. */
  userFactors: number;
  itemFactors: number;
  userBias: number;
  itemBias: number;
  globalBias: number;
  /** False: no bias terms (their offsets are unused). */
  biases: boolean;
}

/**
 * The hot loops of the models, in one precision: dense layers, activations, batch
 * normalization, losses and matrix factorization. Every backend implements exactly
 * this; the TypeScript implementation (`referenceModelKernels`) is the specification
 * and the WebAssembly one (`wasmModelKernels`) calls assembly/models/.
 *
 * Matrices are row-major. Arguments that point into a model's parameter or gradient
 * vector come with an element offset (`…Offset`); work arrays are used whole from
 * element 0. On WebAssembly backends every array must live in the backend's memory.
 * Kernels never allocate.
 *
 * Agreement: every sum has one fixed order (see assembly/models/dense.ts), so the WASM
 * SIMD and scalar builds agree bit for bit, and the TypeScript reference agrees with
 * them bit for bit in float64 except where an exponential, logarithm or tanh is
 * involved: WebAssembly uses AssemblyScript's own Math (the same bits in every engine),
 * the reference uses the host's, and the two differ by at most an ulp or so per call.
 */
export interface ModelKernelSet<A extends FloatArray> {
  /**
   * c[m×n] = a[m×p]·b[p×n] (+ bias broadcast over rows), each element summed from the
   * bias (or 0) with k ascending — except with one column (n = 1), where each element is
   * the dot product in the order of the `dot` kernel (four interleaved partial sums,
   * (s0 + s2) + (s1 + s3), then the tail), plus the bias. b and bias are read at their
   * offsets.
   */
  matmul(a: A, b: A, bOffset: number, bias: A | null, biasOffset: number, c: A, m: number, p: number, n: number): void;
  /** c[p×n] = aᵀ·b for a[m×p], b[m×n], summed from 0 with i ascending; c written at cOffset. */
  matmulTransposedA(a: A, b: A, c: A, cOffset: number, m: number, p: number, n: number): void;
  /** t[cols×rows] = aᵀ for the rows×cols matrix at a[aOffset]. */
  transpose(a: A, aOffset: number, t: A, rows: number, cols: number): void;
  /** s[sOffset + j] = Σ_i a[i][j] (i ascending, from 0). */
  columnSums(a: A, s: A, sOffset: number, m: number, n: number): void;
  /** Row r of target = row indices[r] of source (width values a row). */
  gatherRows(source: A, indices: Float64Array, target: A, count: number, width: number): void;
  /** out = f(z) element-wise for the first count elements (out may be z). */
  activate(kind: ActivationCode, z: A, out: A, count: number): void;
  /** out = d ⊙ f′, with f′ computed from the activation output a (out may be d). */
  activateBackward(kind: ActivationCode, a: A, d: A, out: A, count: number): void;
  /**
   * Batch normalization, training mode, over the rows of z[m×n]: writes the batch
   * mean, biased variance and 1/√(variance + ε) (n each), x̂ and out = γ·x̂ + β.
   * γ and β are read from params at their offsets.
   */
  batchNormForward(
    z: A, params: A, gammaOffset: number, betaOffset: number, out: A, xhat: A,
    mean: A, variance: A, invStd: A, m: number, n: number, epsilon: number,
  ): void;
  /** Backward of {@link batchNormForward}: dz (may be dy), ∂γ and ∂β into grads at their offsets. */
  batchNormBackward(
    dy: A, xhat: A, params: A, gammaOffset: number, invStd: A, dz: A,
    grads: A, gammaGradOffset: number, betaGradOffset: number, m: number, n: number,
  ): void;
  /** Inference with running statistics: out = γ·((z − μ̄)·(1/√(σ̄² + ε))) + β. */
  batchNormInference(
    z: A, params: A, gammaOffset: number, betaOffset: number, runningMean: A, runningVariance: A,
    out: A, m: number, n: number, epsilon: number,
  ): void;
  /**
   * (1/m)·Σ_i s_i·ℓ_i of outputs[m×c] against targets (m×c values, or m class labels),
   * and its gradient with respect to the outputs into grad when grad is not null.
   * s_i = scale[i], or 1 when scale is null. See assembly/models/losses.ts for ℓ.
   */
  loss(kind: LossCode, outputs: A, targets: A, scale: A | null, grad: A | null, m: number, c: number, delta: number): number;
  /** r̂_s for (user, item) pairs[m×2]: (g + b_u) + c_i + P_u·Q_i (biases when layout.biases). */
  factorizationForward(pairs: A, params: A, layout: FactorizationLayout, out: A, m: number): void;
  /** Adds the gradient of Σ_s δ_s·r̂_s into grads (which the caller zeroes). */
  factorizationBackward(pairs: A, delta: A, params: A, grads: A, layout: FactorizationLayout, m: number): void;
  /** y[yOffset + i] ← y[yOffset + i] + α·x[xOffset + i] for i < count (the `axpy` kernel's rule). */
  addScaled(alpha: number, x: A, xOffset: number, y: A, yOffset: number, count: number): void;
  /** Σ x_i² over count elements from offset, in the order of the `squaredNorm` kernel. */
  squaredNorm(x: A, offset: number, count: number): number;
  /** x_i ← value for every element. */
  fill(x: A, value: number): void;
  /** Index of the first NaN or ±Infinity among the first count elements, or −1. */
  firstNonFinite(x: A, count: number): number;
}

/** Both precisions of one backend's model kernels. */
export interface ModelKernels {
  readonly float64: ModelKernelSet<Float64Array>;
  readonly float32: ModelKernelSet<Float32Array>;
}
