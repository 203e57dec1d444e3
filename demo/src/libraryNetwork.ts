import { binaryCrossEntropy, evaluate, mlp, predict, type Mlp } from "../../bindings/index";
import type { Activation, DataSet, NetworkModel } from "./mlp";

/**
 * The panel's 2–H–1 network as downhill's own `mlp({ layers: [2, H, 1] })`: the forward
 * and backward passes are the library's fused model kernels (WebAssembly), the loss its
 * `binaryCrossEntropy` on the output logit, predictions its `predict`, the metrics its
 * `evaluate`. The parameters live in the model's vector in WebAssembly memory, so the
 * optimizer updates them in place.
 */
export class LibraryNetwork implements NetworkModel {
  readonly grads: Float64Array;
  private readonly model: Mlp;
  private readonly loss_ = binaryCrossEntropy();
  private readonly w1: number;
  private readonly b1: number;
  private readonly w2: number;
  private readonly b2: number;
  private batchX = new Float64Array(0);
  private batchY = new Float64Array(0);

  constructor(
    readonly hiddenUnits: number,
    readonly activation: Activation,
    seed = 3,
  ) {
    this.model = mlp({ layers: [2, hiddenUnits, 1], activation, seed });
    this.grads = new Float64Array(this.model.parameterCount);
    const offset = (name: string): number => {
      const block = this.model.blocks.find((b) => b.name === name);
      if (!block) throw new Error(`demo: the mlp has no parameter block ${name}`);
      return block.offset;
    };
    this.w1 = offset("layer1.weights"); // shape [2, H], row-major: W[k][j] at k·H + j
    this.b1 = offset("layer1.bias");
    this.w2 = offset("layer2.weights"); // shape [H, 1]
    this.b2 = offset("layer2.bias");
  }

  /** The live view of the model's parameters (read afresh: memory growth replaces views). */
  get params(): Float64Array {
    return this.model.parameters as Float64Array;
  }

  inputWeight(j: number, k: number): number {
    return this.params[this.w1 + k * this.hiddenUnits + j];
  }
  hiddenBias(j: number): number {
    return this.params[this.b1 + j];
  }
  outputWeight(j: number): number {
    return this.params[this.w2 + j];
  }
  outputBias(): number {
    return this.params[this.b2];
  }

  predict(x: number, y: number): number {
    return this.predictMany(new Float64Array([x, y]))[0];
  }

  predictMany(points: Float64Array): Float64Array {
    return predict(this.model, points, { output: "probabilities" }) as Float64Array;
  }

  loss(data: DataSet, indices?: ArrayLike<number>, withGradient = false): number {
    let x = data.points;
    let y = data.labels;
    if (indices && indices.length !== data.labels.length) {
      const n = indices.length;
      if (this.batchY.length !== n) {
        this.batchX = new Float64Array(2 * n);
        this.batchY = new Float64Array(n);
      }
      for (let r = 0; r < n; r++) {
        const i = indices[r];
        this.batchX[2 * r] = data.points[2 * i];
        this.batchX[2 * r + 1] = data.points[2 * i + 1];
        this.batchY[r] = data.labels[i];
      }
      x = this.batchX;
      y = this.batchY;
    }
    if (withGradient) return this.model.valueAndGradient(this.params, this.grads, { x, y }, { loss: this.loss_ });
    return evaluate(this.model, { x, y, loss: this.loss_ }).loss;
  }

  accuracy(data: DataSet): number {
    return evaluate(this.model, { x: data.points, y: data.labels, loss: this.loss_ }).accuracy ?? NaN;
  }

  dispose(): void {
    this.model.free();
  }
}
