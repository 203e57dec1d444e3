import type { FloatArray } from "../FloatArray";

/** Names of the interchangeable backends, fastest first. */
export type BackendName = "wasm-simd" | "wasm" | "ts";

/**
 * Scalars of one fused SGD update, owned and refreshed by the optimizer so that a
 * step allocates nothing. See {@link KernelSet.sgd} for the rule.
 */
export interface SgdCoefficients {
  learningRate: number;
  momentum: number;
  /** 1 − dampening. */
  oneMinusDampening: number;
  weightDecay: number;
  nesterov: boolean;
  /** The first momentum step copies the gradient into the buffer (PyTorch's rule). */
  firstStep: boolean;
}

/** Scalars of one fused Adam update. See {@link KernelSet.adam} for the rule. */
export interface AdamCoefficients {
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  /** lr / (1 − β1^t), with β1^t a running product. */
  stepSize: number;
  /** √(1 − β2^t), with β2^t a running product. */
  biasCorrection2Sqrt: number;
  epsilon: number;
  /** L2 weight decay, added to the gradient (used when `decoupled` is false). */
  weightDecay: number;
  /** 1 − lr·weightDecay, the AdamW shrink factor (used when `decoupled` is true). */
  decay: number;
  decoupled: boolean;
  amsgrad: boolean;
}

/** Scalars of one fused Adagrad update. */
export interface AdagradCoefficients {
  /** lr / (1 + (t − 1)·lrDecay). */
  learningRate: number;
  epsilon: number;
  weightDecay: number;
}

/** Scalars of one fused RMSprop update. */
export interface RmspropCoefficients {
  learningRate: number;
  alpha: number;
  oneMinusAlpha: number;
  epsilon: number;
  weightDecay: number;
  momentum: number;
  centered: boolean;
}

/** Scalars of one fused Adadelta update. */
export interface AdadeltaCoefficients {
  learningRate: number;
  rho: number;
  oneMinusRho: number;
  epsilon: number;
  weightDecay: number;
}

/** Scalars of one fused Adamax update. */
export interface AdamaxCoefficients {
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  /** lr / (1 − β1^t). */
  stepSize: number;
  epsilon: number;
  weightDecay: number;
}

/** Scalars of one fused NAdam update. */
export interface NadamCoefficients {
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  /** 1 − β2^t. */
  biasCorrection2: number;
  /** lr·(1 − μ_t)/(1 − Π_{i≤t} μ_i). */
  gradientCoefficient: number;
  /** lr·μ_{t+1}/(1 − Π_{i≤t+1} μ_i). */
  momentumCoefficient: number;
  epsilon: number;
  weightDecay: number;
  /** 1 − lr·weightDecay (decoupled decay). */
  decay: number;
  decoupled: boolean;
}

/** Scalars of one fused Lion update. */
export interface LionCoefficients {
  learningRate: number;
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  /** 1 − lr·weightDecay. */
  decay: number;
}

/**
 * The hot loops of one precision. Every backend implements exactly this; the pure-TS
 * implementation is the specification. Element-wise kernels give bit-identical results
 * on every backend; reductions use one fixed summation order (four interleaved partial
 * sums, then the tail) and in practice agree too, though only a relative tolerance of
 * n·ε is promised. float32 reductions accumulate in float64.
 *
 * On WebAssembly backends every array must live in that backend's memory (see
 * `Backend.vector`); kernels do not copy.
 */
export interface KernelSet<A extends FloatArray> {
  /** x_i ← value. */
  fill(x: A, value: number): void;
  /** target_i ← source_i. */
  copy(source: A, target: A): void;
  /** x_i ← α·x_i. */
  scale(alpha: number, x: A): void;
  /** y_i ← y_i + α·x_i. */
  axpy(alpha: number, x: A, y: A): void;
  /** out_i ← x_i·y_i (out may be x or y). */
  multiply(x: A, y: A, out: A): void;
  /** Σ x_i·y_i. */
  dot(x: A, y: A): number;
  /** Σ x_i². */
  squaredNorm(x: A): number;
  /** max |x_i| (0 for an empty vector, NaN if any element is NaN). */
  maxAbs(x: A): number;
  /**
   * Fused SGD step, in place on `params` and `buffer` (the momentum buffer, unused and
   * may be null when momentum is 0):
   * ```
   * g ← g + weightDecay·p                        (if weightDecay ≠ 0)
   * b ← g  (first step)   b ← μ·b + (1 − dampening)·g  (later)
   * g ← g + μ·b  (nesterov)   g ← b  (plain momentum)   (if μ ≠ 0)
   * p ← p − lr·g
   * ```
   */
  sgd(params: A, grads: A, buffer: A | null, c: SgdCoefficients): void;
  /**
   * Fused Adam step, in place on `params`, `m`, `v` and (AMSGrad) `vmax`:
   * ```
   * p ← (1 − lr·wd)·p                 (decoupled weight decay, AdamW)
   * g ← g + wd·p                       (L2 weight decay)
   * m ← β1·m + (1 − β1)·g
   * v ← β2·v + (1 − β2)·(g·g)
   * v̂ ← max(v̂, v) (AMSGrad)  or  v̂ ← v
   * p ← p − stepSize·(m / (√v̂ / √(1 − β2^t) + ε))
   * ```
   */
  adam(params: A, grads: A, m: A, v: A, vmax: A | null, c: AdamCoefficients): void;
  /**
   * Fused Adagrad step: g ← g + λp; s ← s + g·g; p ← p − lr·(g / (√s + ε)).
   */
  adagrad(params: A, grads: A, sum: A, c: AdagradCoefficients): void;
  /**
   * Fused RMSprop step: g ← g + λp; v ← αv + (1 − α)(g·g);
   * d ← √(v − ḡ·ḡ) + ε with ḡ ← αḡ + (1 − α)g (centered) or d ← √v + ε;
   * b ← μb + g/d, p ← p − lr·b (momentum) or p ← p − lr·(g/d).
   * `gradAverage` is used when centered, `buffer` when momentum ≠ 0 (else null).
   */
  rmsprop(params: A, grads: A, v: A, gradAverage: A | null, buffer: A | null, c: RmspropCoefficients): void;
  /**
   * Fused Adadelta step: g ← g + λp; v ← ρv + (1 − ρ)(g·g);
   * δ ← (√(u + ε) / √(v + ε))·g; u ← ρu + (1 − ρ)(δ·δ); p ← p − lr·δ.
   */
  adadelta(params: A, grads: A, v: A, u: A, c: AdadeltaCoefficients): void;
  /**
   * Fused Adamax step: g ← g + λp; m ← β1m + (1 − β1)g; u ← max(β2u, |g| + ε);
   * p ← p − stepSize·(m/u).
   */
  adamax(params: A, grads: A, m: A, u: A, c: AdamaxCoefficients): void;
  /**
   * Fused NAdam step: p ← decay·p (decoupled) or g ← g + λp; m ← β1m + (1 − β1)g;
   * v ← β2v + (1 − β2)(g·g); d ← √(v / (1 − β2^t)) + ε;
   * p ← (p − gradientCoefficient·(g/d)) − momentumCoefficient·(m/d).
   */
  nadam(params: A, grads: A, m: A, v: A, c: NadamCoefficients): void;
  /**
   * Fused Lion step: p ← decay·p; c ← β1m + (1 − β1)g; p ← p − lr·sign(c);
   * m ← β2m + (1 − β2)g. sign(±0) = ±0 and sign(NaN) = NaN.
   */
  lion(params: A, grads: A, m: A, c: LionCoefficients): void;
}

/** Both precisions of one backend. */
export interface Kernels {
  readonly float64: KernelSet<Float64Array>;
  readonly float32: KernelSet<Float32Array>;
}
