import { Random } from "./rng";

export type Activation = "tanh" | "relu" | "sigmoid";

/** A labelled 2-D data set: points (x₁, y₁, x₂, y₂, …) and labels 0/1. */
export interface DataSet {
  points: Float64Array;
  labels: Float64Array;
}

export const DATA_SETS = {
  moons: "Two moons",
  circles: "Circles",
  xor: "XOR (four quadrants)",
  blobs: "Two blobs (linearly separable)",
  spiral: "Two spirals (hard)",
} as const;
export type DataSetId = keyof typeof DATA_SETS;

/** 200 seeded points of a 2-D binary classification set, roughly inside [−2, 2]². */
export function makeDataSet(id: DataSetId, seed = 7, count = 200): DataSet {
  const random = new Random(seed);
  const points = new Float64Array(2 * count);
  const labels = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % 2;
    let x = 0;
    let y = 0;
    switch (id) {
      case "moons": {
        const angle = Math.PI * random.uniform();
        if (label === 0) {
          x = Math.cos(angle);
          y = Math.sin(angle);
        } else {
          x = 1 - Math.cos(angle);
          y = 0.5 - Math.sin(angle);
        }
        x = (x - 0.5) * 1.35 + 0.1 * random.normal();
        y = (y - 0.25) * 1.35 + 0.1 * random.normal();
        break;
      }
      case "circles": {
        const angle = 2 * Math.PI * random.uniform();
        const radius = (label === 0 ? 1.6 : 0.7) + 0.15 * random.normal();
        x = radius * Math.cos(angle);
        y = radius * Math.sin(angle);
        break;
      }
      case "xor": {
        x = 3.6 * random.uniform() - 1.8;
        y = 3.6 * random.uniform() - 1.8;
        if (Math.abs(x) < 0.15) x += Math.sign(x || 1) * 0.15;
        if (Math.abs(y) < 0.15) y += Math.sign(y || 1) * 0.15;
        labels[i] = x * y > 0 ? 1 : 0;
        points[2 * i] = x;
        points[2 * i + 1] = y;
        continue;
      }
      case "blobs": {
        const c = label === 0 ? -0.8 : 0.8;
        x = c + 0.45 * random.normal();
        y = c + 0.45 * random.normal();
        break;
      }
      case "spiral": {
        const t = random.uniform();
        const angle = 3.5 * Math.PI * t + (label === 0 ? 0 : Math.PI);
        const radius = 0.15 + 1.65 * t;
        x = radius * Math.cos(angle) + 0.06 * random.normal();
        y = radius * Math.sin(angle) + 0.06 * random.normal();
        break;
      }
    }
    points[2 * i] = x;
    points[2 * i + 1] = y;
    labels[i] = label;
  }
  return { points, labels };
}

/** What the network panel needs from a 2–H–1 network. */
export interface NetworkModel {
  readonly hiddenUnits: number;
  readonly activation: Activation;
  /** All parameters, updated in place by a downhill optimizer. */
  readonly params: Float64Array;
  /** ∇ of the last `loss(…, true)`. */
  readonly grads: Float64Array;
  inputWeight(j: number, k: number): number;
  hiddenBias(j: number): number;
  outputWeight(j: number): number;
  outputBias(): number;
  /** P(class 1) at (x, y). */
  predict(x: number, y: number): number;
  /** Mean cross-entropy over `indices` (all samples when omitted); with `withGradient`, fills `grads`. */
  loss(data: DataSet, indices?: ArrayLike<number>, withGradient?: boolean): number;
  accuracy(data: DataSet): number;
}

/**
 * A 2–H–1 network: h = act(W₁x + b₁), p = σ(w₂·h + b₂), trained on the mean binary
 * cross-entropy. All parameters live in one Float64Array so that any downhill stepper can
 * update them: [W₁ (H×2, row-major), b₁ (H), w₂ (H), b₂].
 */
export class TinyMlp implements NetworkModel {
  readonly params: Float64Array;
  readonly grads: Float64Array;
  private readonly hidden: Float64Array;
  private readonly slope: Float64Array;

  constructor(
    readonly hiddenUnits: number,
    readonly activation: Activation,
    seed = 3,
  ) {
    const h = hiddenUnits;
    this.params = new Float64Array(4 * h + 1);
    this.grads = new Float64Array(4 * h + 1);
    this.hidden = new Float64Array(h);
    this.slope = new Float64Array(h);
    const random = new Random(seed);
    // Glorot for tanh/sigmoid, He for ReLU; biases 0 (ReLU: a small positive bias keeps units alive).
    const inputScale = activation === "relu" ? Math.sqrt(2 / 2) : Math.sqrt(1 / 2);
    const outputScale = activation === "relu" ? Math.sqrt(2 / h) : Math.sqrt(1 / h);
    for (let i = 0; i < 2 * h; i++) this.params[i] = inputScale * random.normal();
    for (let i = 0; i < h; i++) this.params[2 * h + i] = activation === "relu" ? 0.1 : 0;
    for (let i = 0; i < h; i++) this.params[3 * h + i] = outputScale * random.normal();
  }

  /** Number of parameters. */
  get size(): number {
    return this.params.length;
  }

  /** W₁[j][k] (k = 0, 1), b₁[j], w₂[j], b₂ views by index. */
  inputWeight(j: number, k: number): number {
    return this.params[2 * j + k];
  }
  hiddenBias(j: number): number {
    return this.params[2 * this.hiddenUnits + j];
  }
  outputWeight(j: number): number {
    return this.params[3 * this.hiddenUnits + j];
  }
  outputBias(): number {
    return this.params[4 * this.hiddenUnits];
  }

  /** The logit z = w₂·h + b₂ at (x, y); fills the hidden activations and their slopes. */
  private forward(x: number, y: number): number {
    const h = this.hiddenUnits;
    const p = this.params;
    let z = p[4 * h];
    for (let j = 0; j < h; j++) {
      const pre = p[2 * j] * x + p[2 * j + 1] * y + p[2 * h + j];
      let a: number;
      let s: number;
      if (this.activation === "tanh") {
        a = Math.tanh(pre);
        s = 1 - a * a;
      } else if (this.activation === "relu") {
        a = pre > 0 ? pre : 0;
        s = pre > 0 ? 1 : 0;
      } else {
        a = 1 / (1 + Math.exp(-pre));
        s = a * (1 - a);
      }
      this.hidden[j] = a;
      this.slope[j] = s;
      z += p[3 * h + j] * a;
    }
    return z;
  }

  /** P(class 1) at (x, y). */
  predict(x: number, y: number): number {
    return 1 / (1 + Math.exp(-this.forward(x, y)));
  }

  /**
   * Mean cross-entropy over the samples `indices` (all when omitted); with `withGradient`,
   * writes its gradient into `grads`.
   */
  loss(data: DataSet, indices?: ArrayLike<number>, withGradient = false): number {
    const h = this.hiddenUnits;
    const p = this.params;
    const g = this.grads;
    if (withGradient) g.fill(0);
    const count = indices ? indices.length : data.labels.length;
    let total = 0;
    for (let n = 0; n < count; n++) {
      const i = indices ? indices[n] : n;
      const x = data.points[2 * i];
      const y = data.points[2 * i + 1];
      const label = data.labels[i];
      const z = this.forward(x, y);
      // softplus(z) − label·z, computed stably.
      total += Math.max(z, 0) - label * z + Math.log1p(Math.exp(-Math.abs(z)));
      if (!withGradient) continue;
      const dz = 1 / (1 + Math.exp(-z)) - label;
      g[4 * h] += dz;
      for (let j = 0; j < h; j++) {
        g[3 * h + j] += dz * this.hidden[j];
        const dPre = dz * p[3 * h + j] * this.slope[j];
        g[2 * j] += dPre * x;
        g[2 * j + 1] += dPre * y;
        g[2 * h + j] += dPre;
      }
    }
    if (withGradient) for (let k = 0; k < g.length; k++) g[k] /= count;
    return total / count;
  }

  /** Fraction of samples classified correctly (p > ½ ⇔ label 1). */
  accuracy(data: DataSet): number {
    let correct = 0;
    for (let i = 0; i < data.labels.length; i++) {
      const p = this.predict(data.points[2 * i], data.points[2 * i + 1]);
      if ((p > 0.5 ? 1 : 0) === data.labels[i]) correct++;
    }
    return correct / data.labels.length;
  }
}
