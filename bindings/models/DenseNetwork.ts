import type { Backend } from "../backends/Backend";
import type { FloatArray, Precision } from "../FloatArray";
import type { Loss } from "../losses/Loss";
import { seededRandom } from "../random/seededRandom";
import type { ModelName, ParameterBlock } from "./Model";
import { ModelBase, type Workspace } from "./ModelBase";
import { ACTIVATION, type ActivationCode } from "./ModelKernels";
import { modelOptions } from "./modelOptions";

/** How a dense network's weights start. */
export type Initialization = "he" | "xavier" | "zeros";

/** Everything a dense network is made from (validated by the factories). */
export interface DenseNetworkSpec {
  name: ModelName;
  /** [inputs, ...hidden, outputs]. */
  layers: number[];
  /** The hidden layers' activation (the output layer is linear). */
  activation: ActivationCode;
  batchNorm: boolean;
  l2: number;
  precision: Precision;
  backend: Backend;
  initialization: Initialization;
  seed: number;
  /** Running-statistics momentum of batch normalization. */
  momentum: number;
  /** ε of batch normalization. */
  epsilon: number;
  defaultLoss: Loss;
  defaultOutput: "values" | "probabilities";
}

interface Layer {
  inputs: number;
  outputs: number;
  hidden: boolean;
  batchNorm: boolean;
  /** Offsets in the parameter vector (−1 when absent). */
  weights: number;
  bias: number;
  scale: number;
  shift: number;
}

/** The work space of a dense network: per-layer activations and deltas for `capacity` rows. */
interface DenseWorkspace extends Workspace {
  /** Hidden layers' outputs after activation (the last layer's are ws.outputs). */
  a: FloatArray[];
  /** Hidden layers' ∂loss/∂output (the last layer's is ws.delta). */
  d: FloatArray[];
  /** Batch-norm layers: pre-normalization z, x̂, batch mean, variance, 1/√(variance + ε) (null elsewhere). */
  z: (FloatArray | null)[];
  xhat: (FloatArray | null)[];
  mean: (FloatArray | null)[];
  variance: (FloatArray | null)[];
  invStd: (FloatArray | null)[];
}

/**
 * A fully connected network — the engine behind linearRegression, logisticRegression,
 * softmaxRegression (no hidden layer) and mlp. Layer l maps a[l−1] (m × p) to
 * ```
 * z = a[l−1]·W + b                        W: p × n, row-major (inputs × outputs)
 * a[l] = f(z)                             hidden layers; the output layer is linear
 * a[l] = f(γ·BN(a[l−1]·W) + β)            with batch normalization (no bias: β replaces it)
 * ```
 * The backward pass runs δ from the loss down: ∂W = a[l−1]ᵀ·δ, ∂b = Σ_rows δ,
 * δ[l−1] = (δ·Wᵀ) ⊙ f′ — Wᵀ is materialized once per pass so every product streams rows.
 */
export class DenseNetwork extends ModelBase {
  readonly layers: readonly number[];
  readonly activation: ActivationCode;
  readonly batchNorm: boolean;
  readonly momentum: number;
  readonly epsilon: number;
  private readonly layerList: Layer[];
  private own: Record<string, FloatArray | null> = {};

  /**
   * A network with no hidden layer, parameters starting at zero: the shared body of
   * linearRegression, logisticRegression and softmaxRegression. `o` holds the caller's
   * already-checked option object (l2, precision, backend are validated here).
   */
  static linear(
    where: ModelName,
    o: Record<string, unknown>,
    inputs: number,
    outputs: number,
    defaultLoss: DenseNetworkSpec["defaultLoss"],
    defaultOutput: DenseNetworkSpec["defaultOutput"],
  ): DenseNetwork {
    return new DenseNetwork({
      name: where,
      layers: [inputs, outputs],
      activation: ACTIVATION.identity,
      batchNorm: false,
      l2: modelOptions.l2(where, o.l2),
      precision: modelOptions.precision(where, o.precision),
      backend: modelOptions.backend(where, o.backend),
      initialization: "zeros",
      seed: 0,
      momentum: 0.1,
      epsilon: 1e-5,
      defaultLoss,
      defaultOutput,
    });
  }

  constructor(spec: DenseNetworkSpec) {
    const { layerList, blocks } = plan(spec.layers, spec.batchNorm);
    super({
      name: spec.name,
      backend: spec.backend,
      precision: spec.precision,
      inputs: spec.layers[0],
      outputs: spec.layers[spec.layers.length - 1],
      l2: spec.l2,
      defaultLoss: spec.defaultLoss,
      defaultOutput: spec.defaultOutput,
      blocks,
    });
    this.layers = Object.freeze([...spec.layers]);
    this.activation = spec.activation;
    this.batchNorm = spec.batchNorm;
    this.momentum = spec.momentum;
    this.epsilon = spec.epsilon;
    this.layerList = layerList;
    const b = this.backend;
    layerList.forEach((layer, l) => {
      if (layer.batchNorm) {
        this.own[`runningMean${l}`] = b.vector(layer.outputs, this.precision);
        this.own[`runningVariance${l}`] = b.vector(layer.outputs, this.precision);
      }
      if (l > 0) this.own[`transposed${l}`] = b.vector(layer.inputs * layer.outputs, this.precision);
    });
    this.live();
    layerList.forEach((layer, l) => layer.batchNorm && this.own[`runningVariance${l}`]!.fill(1));
    this.initialize(spec.initialization, spec.seed);
  }

  /** Copies of the batch-norm running statistics, per hidden layer (null without batch norm). */
  runningStatistics(): Array<{ mean: FloatArray; variance: FloatArray } | null> {
    this.live();
    return this.layerList.map((layer, l) =>
      layer.batchNorm ? { mean: this.own[`runningMean${l}`]!.slice(), variance: this.own[`runningVariance${l}`]!.slice() } : null,
    );
  }

  protected override stateOptions(): Record<string, number | boolean | number[]> {
    return {
      ...super.stateOptions(),
      layers: [...this.layers],
      activation: this.activation,
      batchNorm: this.batchNorm,
      momentum: this.momentum,
      epsilon: this.epsilon,
    };
  }

  protected override stateArrays(): Record<string, FloatArray> {
    const arrays: Record<string, FloatArray> = {};
    this.layerList.forEach((layer, l) => {
      if (!layer.batchNorm) return;
      arrays[`layer${l + 1}.runningMean`] = this.own[`runningMean${l}`]!;
      arrays[`layer${l + 1}.runningVariance`] = this.own[`runningVariance${l}`]!;
    });
    return arrays;
  }

  protected ownArrays(): Record<string, FloatArray | null> {
    return this.own;
  }
  protected setOwnArrays(arrays: Record<string, FloatArray | null>): void {
    this.own = arrays;
  }

  private initialize(initialization: Initialization, seed: number): void {
    const random = seededRandom({ seed });
    const params = this.parameters;
    for (const layer of this.layerList) {
      const bound =
        initialization === "zeros" ? 0
        : initialization === "he" ? Math.sqrt(6 / layer.inputs)
        : Math.sqrt(6 / (layer.inputs + layer.outputs));
      const count = layer.inputs * layer.outputs;
      if (bound > 0) for (let i = 0; i < count; i++) params[layer.weights + i] = (2 * random.uniform() - 1) * bound;
      if (layer.batchNorm) params.fill(1, layer.scale, layer.scale + layer.outputs);
    }
  }

  protected createWorkspace(capacity: number): DenseWorkspace {
    const b = this.backend, precision = this.precision;
    const v = (n: number) => b.vector(n, precision);
    const hidden = this.layerList.filter((layer) => layer.hidden);
    const bn = (make: (layer: Layer) => FloatArray) => this.layerList.map((layer) => (layer.batchNorm ? make(layer) : null));
    const ws: DenseWorkspace = {
      capacity,
      x: v(capacity * this.inputs),
      y: v(capacity * this.outputs),
      scale: v(capacity),
      hasScale: false,
      indices: b.vector(capacity, "float64"),
      outputs: v(capacity * this.outputs),
      delta: v(capacity * this.outputs),
      a: hidden.map((layer) => v(capacity * layer.outputs)),
      d: hidden.map((layer) => v(capacity * layer.outputs)),
      z: bn((layer) => v(capacity * layer.outputs)),
      xhat: bn((layer) => v(capacity * layer.outputs)),
      mean: bn((layer) => v(layer.outputs)),
      variance: bn((layer) => v(layer.outputs)),
      invStd: bn((layer) => v(layer.outputs)),
    };
    return ws;
  }

  forward(params: FloatArray, workspace: Workspace, m: number, training: boolean): FloatArray {
    const ws = workspace as DenseWorkspace;
    const k = this.kernels;
    const last = this.layerList.length - 1;
    let input = ws.x;
    for (let l = 0; l <= last; l++) {
      const layer = this.layerList[l];
      const out = l === last ? ws.outputs : ws.a[l];
      const { inputs: p, outputs: n } = layer;
      if (layer.batchNorm) {
        const z = ws.z[l]!;
        k.matmul(input, params, layer.weights, null, 0, z, m, p, n);
        if (training) {
          k.batchNormForward(z, params, layer.scale, layer.shift, out, ws.xhat[l]!, ws.mean[l]!, ws.variance[l]!, ws.invStd[l]!, m, n, this.epsilon);
        } else {
          k.batchNormInference(
            z, params, layer.scale, layer.shift, this.own[`runningMean${l}`]!, this.own[`runningVariance${l}`]!, out, m, n, this.epsilon,
          );
        }
      } else {
        k.matmul(input, params, layer.weights, params, layer.bias, out, m, p, n);
      }
      if (layer.hidden) k.activate(this.activation, out, out, m * n);
      input = out;
    }
    return ws.outputs;
  }

  protected backward(params: FloatArray, grads: FloatArray, workspace: Workspace, m: number): void {
    const ws = workspace as DenseWorkspace;
    const k = this.kernels;
    const last = this.layerList.length - 1;
    for (let l = last; l >= 0; l--) {
      const layer = this.layerList[l];
      const { inputs: p, outputs: n } = layer;
      const d = l === last ? ws.delta : ws.d[l];
      if (layer.hidden) k.activateBackward(this.activation, ws.a[l], d, d, m * n);
      if (layer.batchNorm) {
        k.batchNormBackward(d, ws.xhat[l]!, params, layer.scale, ws.invStd[l]!, d, grads, layer.scale, layer.shift, m, n);
      }
      const input = l === 0 ? ws.x : ws.a[l - 1];
      k.matmulTransposedA(input, d, grads, layer.weights, m, p, n);
      if (!layer.batchNorm) k.columnSums(d, grads, layer.bias, m, n);
      if (l > 0) {
        const transposed = this.own[`transposed${l}`]!;
        k.transpose(params, layer.weights, transposed, p, n);
        k.matmul(d, transposed, 0, null, 0, ws.d[l - 1], m, n, p);
      }
    }
  }

  /**
   * Running statistics after a training-mode pass (PyTorch's rule, momentum μ):
   * mean ← (1 − μ)·mean + μ·batchMean; variance ← (1 − μ)·variance + μ·batchVariance·m/(m − 1).
   * Plain TypeScript on every backend (n values a layer), so all backends agree.
   */
  override updateStatistics(workspace: Workspace, m: number): void {
    const ws = workspace as DenseWorkspace;
    const mu = this.momentum;
    const unbias = m > 1 ? m / (m - 1) : 1;
    this.layerList.forEach((layer, l) => {
      if (!layer.batchNorm) return;
      const mean = this.own[`runningMean${l}`]!, variance = this.own[`runningVariance${l}`]!;
      const bm = ws.mean[l]!, bv = ws.variance[l]!;
      for (let j = 0; j < layer.outputs; j++) {
        mean[j] = (1 - mu) * mean[j] + mu * bm[j];
        variance[j] = (1 - mu) * variance[j] + mu * (bv[j] * unbias);
      }
    });
  }
}

/** Layer list and parameter blocks: per layer W, then b (or γ and β with batch norm). */
function plan(layers: number[], batchNorm: boolean): { layerList: Layer[]; blocks: ParameterBlock[] } {
  const layerList: Layer[] = [];
  const blocks: ParameterBlock[] = [];
  const single = layers.length === 2;
  let offset = 0;
  const add = (name: string, shape: number[], regularized: boolean): number => {
    const length = shape.reduce((a, b) => a * b, 1);
    blocks.push({ name, offset, length, shape, regularized });
    offset += length;
    return offset - length;
  };
  for (let l = 0; l + 1 < layers.length; l++) {
    const p = layers[l], n = layers[l + 1];
    const hidden = l + 2 < layers.length;
    const bn = batchNorm && hidden;
    const prefix = single ? "" : `layer${l + 1}.`;
    const weights = add(`${prefix}weights`, [p, n], true);
    const layer: Layer = { inputs: p, outputs: n, hidden, batchNorm: bn, weights, bias: -1, scale: -1, shift: -1 };
    if (bn) {
      layer.scale = add(`${prefix}scale`, [n], false);
      layer.shift = add(`${prefix}shift`, [n], false);
    } else {
      layer.bias = add(`${prefix}bias`, [n], false);
    }
    layerList.push(layer);
  }
  return { layerList, blocks };
}
