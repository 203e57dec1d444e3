import type { Backend } from "../backends/Backend";
import { DownhillError } from "../DownhillError";
import type { FloatArray, Precision } from "../FloatArray";
import type { Loss } from "../losses/Loss";
import { seededRandom } from "../random/seededRandom";
import type { ParameterBlock } from "./Model";
import { ModelBase, type Workspace } from "./ModelBase";
import type { FactorizationLayout } from "./ModelKernels";

/** Everything a factorization model is made from (validated by `matrixFactorization`). */
export interface FactorizationSpec {
  users: number;
  items: number;
  rank: number;
  l2: number;
  biases: boolean;
  seed: number;
  initialScale: number;
  precision: Precision;
  backend: Backend;
  defaultLoss: Loss;
}

/**
 * Matrix factorization on (user, item) pairs: r̂ = (g + b_u) + c_i + P_u·Q_i, with the
 * factor matrices P (users × rank) and Q (items × rank) under the L2 penalty and the
 * biases free. The engine behind `matrixFactorization`.
 */
export class FactorizationModel extends ModelBase {
  readonly users: number;
  readonly items: number;
  readonly rank: number;
  readonly layout: FactorizationLayout;

  constructor(spec: FactorizationSpec) {
    const { users, items, rank } = spec;
    const blocks: ParameterBlock[] = [
      { name: "userFactors", offset: 0, length: users * rank, shape: [users, rank], regularized: true },
      { name: "itemFactors", offset: users * rank, length: items * rank, shape: [items, rank], regularized: true },
    ];
    let offset = (users + items) * rank;
    if (spec.biases) {
      blocks.push({ name: "userBias", offset, length: users, shape: [users], regularized: false });
      blocks.push({ name: "itemBias", offset: offset + users, length: items, shape: [items], regularized: false });
      blocks.push({ name: "globalBias", offset: offset + users + items, length: 1, shape: [1], regularized: false });
    }
    super({
      name: "matrixFactorization",
      backend: spec.backend,
      precision: spec.precision,
      inputs: 2,
      outputs: 1,
      l2: spec.l2,
      defaultLoss: spec.defaultLoss,
      defaultOutput: "values",
      blocks,
    });
    this.users = users;
    this.items = items;
    this.rank = rank;
    this.layout = Object.freeze({
      users, items, rank, userFactors: 0, itemFactors: users * rank,
      userBias: offset, itemBias: offset + users, globalBias: offset + users + items, biases: spec.biases,
    });
    const random = seededRandom({ seed: spec.seed });
    const params = this.parameters;
    for (let i = 0; i < (users + items) * rank; i++) params[i] = spec.initialScale * random.normal();
  }

  protected override stateOptions(): Record<string, number | boolean | number[]> {
    return { ...super.stateOptions(), users: this.users, items: this.items, rank: this.rank, biases: this.layout.biases };
  }

  protected ownArrays(): Record<string, FloatArray | null> {
    return {};
  }
  protected setOwnArrays(): void {}

  override checkInputs(where: string, name: string, x: FloatArray, rows: number): void {
    for (let s = 0; s < rows; s++) {
      for (let column = 0; column < 2; column++) {
        const v = x[2 * s + column];
        const limit = column === 0 ? this.users : this.items;
        if (!(Number.isInteger(v) && v >= 0 && v < limit)) {
          throw new DownhillError(
            "INVALID_DATA",
            `${where}: ${name}[${s}][${column}] is ${v}; ${column === 0 ? "user" : "item"} indices must be whole numbers from 0 to ${limit - 1}.`,
            name,
          );
        }
      }
    }
  }

  override checkLoss(where: string, loss: Loss, argument = "loss"): void {
    super.checkLoss(where, loss, argument);
    if (loss.task !== "regression") {
      throw new DownhillError(
        "INVALID_OPTION",
        `${where}: matrixFactorization predicts ratings; use a regression loss (mse, mae or huber), not ${loss.name}.`,
        argument,
      );
    }
  }

  protected createWorkspace(capacity: number): Workspace {
    const b = this.backend, precision = this.precision;
    return {
      capacity,
      x: b.vector(capacity * 2, precision),
      y: b.vector(capacity, precision),
      scale: b.vector(capacity, precision),
      hasScale: false,
      indices: b.vector(capacity, "float64"),
      outputs: b.vector(capacity, precision),
      delta: b.vector(capacity, precision),
    };
  }

  forward(params: FloatArray, ws: Workspace, m: number): FloatArray {
    this.kernels.factorizationForward(ws.x, params, this.layout, ws.outputs, m);
    return ws.outputs;
  }

  protected backward(params: FloatArray, grads: FloatArray, ws: Workspace, m: number): void {
    this.kernels.fill(grads, 0);
    this.kernels.factorizationBackward(ws.x, ws.delta, params, grads, this.layout, m);
  }
}
