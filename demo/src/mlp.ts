import { twoSpirals } from "../../bindings/index";
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
      case "spiral":
        break; // downhill's twoSpirals, below
    }
    points[2 * i] = x;
    points[2 * i + 1] = y;
    labels[i] = label;
  }
  if (id === "spiral") {
    // downhill's own data set (in the unit disc), scaled to the plot.
    const spirals = twoSpirals({ points: count / 2, turns: 1.25, noise: 0.03, seed });
    for (let i = 0; i < 2 * spirals.samples; i++) points[i] = 2 * spirals.x[i];
    for (let i = 0; i < spirals.samples; i++) labels[i] = spirals.y[i];
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
  /** P(class 1) at each of the points (x₁, y₁, x₂, y₂, …). */
  predictMany(points: Float64Array): Float64Array;
  /** Mean cross-entropy over `indices` (all samples when omitted); with `withGradient`, fills `grads`. */
  loss(data: DataSet, indices?: ArrayLike<number>, withGradient?: boolean): number;
  accuracy(data: DataSet): number;
  /** Returns the network's memory. */
  dispose(): void;
}
