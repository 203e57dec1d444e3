import type { Backend } from "../backends/Backend";
import { DownhillError } from "../DownhillError";
import { precisionOf, type FloatArray, type Precision } from "../FloatArray";
import { checkLossFits } from "../losses/createLoss";
import type { Loss } from "../losses/Loss";
import { checkData } from "../training/checkData";
import { prepareData, type PreparedData } from "../training/prepareData";
import { sampleScales } from "../losses/sampleScales";
import { validate } from "../validate";
import type { TargetKind } from "../training/checkData";
import type {
  Model, ModelData, ModelName, ModelState, ParameterBlock, PreparedBatch, PrepareOptions, ValueAndGradientOptions,
} from "./Model";

/** Format tag of saved model state. */
export const MODEL_STATE_FORMAT = "downhill/model-state";
/** Version of the saved model-state layout; bumped when it changes. */
export const MODEL_STATE_VERSION = 1;
import type { ModelKernelSet } from "./ModelKernels";
import { modelKernelsFor } from "./modelKernelsFor";

/** Work arrays every model needs for a batch of up to `capacity` samples. */
export interface Workspace {
  capacity: number;
  /** Inputs, capacity × inputs. */
  x: FloatArray;
  /** Targets, capacity × outputs (class labels use the first capacity values). */
  y: FloatArray;
  /** Per-sample scales (used when `hasScale`). */
  scale: FloatArray;
  hasScale: boolean;
  /** Row indices for gathering a batch (whole numbers as float64). */
  indices: Float64Array;
  /** The model's outputs, capacity × outputs. */
  outputs: FloatArray;
  /** ∂loss/∂outputs, capacity × outputs. */
  delta: FloatArray;
  [name: string]: unknown;
}

/** What a concrete model tells the base class. */
export interface ModelSpec {
  name: ModelName;
  backend: Backend;
  precision: Precision;
  inputs: number;
  outputs: number;
  l2: number;
  defaultLoss: Loss;
  defaultOutput: "values" | "probabilities";
  blocks: ParameterBlock[];
}

/**
 * The machinery every model shares: the parameter vector, the work space (sized for the
 * largest batch seen, reused for smaller ones: matrices are row-major, so the first m
 * rows are a prefix), the fused pass (forward → loss → backward → L2 penalty), and the
 * public `valueAndGradient` with its checks. Subclasses supply the forward and backward
 * passes on their kernels.
 *
 * WebAssembly memory growth detaches views, so every method that uses the model's
 * arrays first makes them live again (`live()`); growth happens only on allocation.
 */
export abstract class ModelBase implements Model {
  readonly name: ModelName;
  readonly backend: Backend;
  readonly precision: Precision;
  readonly inputs: number;
  readonly outputs: number;
  readonly l2: number;
  readonly defaultLoss: Loss;
  readonly defaultOutput: "values" | "probabilities";
  readonly blocks: readonly ParameterBlock[];
  readonly parameterCount: number;
  /** The data loss (without the penalty) of the last pass. */
  lastLoss = NaN;
  /** The backend's model kernels in the model's precision. */
  readonly kernels: ModelKernelSet<FloatArray>;
  protected params: FloatArray;
  protected ws: Workspace | undefined;
  private scratchParams: FloatArray | undefined;
  private scratchGrads: FloatArray | undefined;
  private freed = false;

  constructor(spec: ModelSpec) {
    this.name = spec.name;
    this.backend = spec.backend;
    this.precision = spec.precision;
    this.inputs = spec.inputs;
    this.outputs = spec.outputs;
    this.l2 = spec.l2;
    this.defaultLoss = spec.defaultLoss;
    this.defaultOutput = spec.defaultOutput;
    this.blocks = Object.freeze(spec.blocks.map((b) => Object.freeze({ ...b, shape: Object.freeze([...b.shape]) })));
    this.parameterCount = spec.blocks.reduce((n, b) => n + b.length, 0);
    this.kernels = modelKernelsFor(spec.backend)[spec.precision] as ModelKernelSet<FloatArray>;
    this.params = spec.backend.vector(this.parameterCount, spec.precision);
  }

  get parameters(): FloatArray {
    this.checkNotFreed("parameters");
    return (this.params = this.backend.refresh(this.params));
  }

  /** The first block with this name. */
  block(name: string): ParameterBlock {
    const b = this.blocks.find((block) => block.name === name);
    if (!b) throw new DownhillError("INVALID_OPTION", `${this.name}: no parameter block "${name}".`, "name");
    return b;
  }

  // ---- what subclasses provide -------------------------------------------------------

  /** Allocates a work space for batches of up to `capacity` samples. */
  protected abstract createWorkspace(capacity: number): Workspace;
  /** Arrays owned by the model other than params and the work space (refreshed by live()). */
  protected abstract ownArrays(): Record<string, FloatArray | null>;
  protected abstract setOwnArrays(arrays: Record<string, FloatArray | null>): void;
  /** Forward pass on the first m rows of ws.x; returns ws.outputs. `training` selects batch statistics. */
  abstract forward(params: FloatArray, ws: Workspace, m: number, training: boolean): FloatArray;
  /** Backward pass from ws.delta = ∂loss/∂outputs; writes every element of grads. */
  protected abstract backward(params: FloatArray, grads: FloatArray, ws: Workspace, m: number): void;
  /** Updates running statistics from the last training-mode forward pass (batch normalization). */
  updateStatistics(_ws: Workspace, _m: number): void {}
  /** Extra checks of the inputs (matrixFactorization: indices in range). */
  checkInputs(_where: string, _name: string, _x: FloatArray, _rows: number): void {}
  /** Throws when the loss does not fit this model. */
  checkLoss(where: string, loss: Loss, argument = "loss"): void {
    if (!loss || typeof loss !== "object" || typeof loss.targetKind !== "function" || typeof loss.code !== "number") {
      throw new DownhillError("WRONG_TYPE", `${where}: ${argument} must be a loss such as mse() or softmaxCrossEntropy().`, argument);
    }
    checkLossFits(where, loss, this.outputs, argument);
  }

  // ---- shared machinery -------------------------------------------------------------

  /** Makes every view the model holds live again after WebAssembly memory growth. */
  live(): void {
    const b = this.backend;
    this.params = b.refresh(this.params);
    const own = this.ownArrays();
    let stale = false;
    for (const key in own) if (own[key] && !b.owns(own[key]!)) stale = true;
    if (stale) {
      const fresh: Record<string, FloatArray | null> = {};
      for (const key in own) fresh[key] = own[key] ? b.refresh(own[key]!) : null;
      this.setOwnArrays(fresh);
    }
    if (this.scratchParams) this.scratchParams = b.refresh(this.scratchParams);
    if (this.scratchGrads) this.scratchGrads = b.refresh(this.scratchGrads);
    if (this.ws) refreshViews(b, this.ws);
  }

  /** The work space for batches of m samples (grown when m exceeds its capacity), live. */
  workspace(m: number): Workspace {
    this.checkNotFreed("workspace");
    if (!this.ws || this.ws.capacity < m) {
      if (this.ws) freeViews(this.backend, this.ws);
      this.ws = undefined;
      this.ws = this.createWorkspace(m);
    }
    this.live();
    return this.ws;
  }

  /** Copies rows [start, start + m) of prepared data into the work space. */
  load(ws: Workspace, data: PreparedData, start: number, m: number): void {
    const p = this.inputs, w = data.targetWidth;
    ws.x.set(data.x.subarray(start * p, (start + m) * p));
    ws.y.set(data.y.subarray(start * w, (start + m) * w));
    ws.hasScale = data.scale !== null;
    if (data.scale) ws.scale.set(data.scale.subarray(start, start + m));
  }

  /**
   * The fused pass on the first m samples in the work space: forward (batch statistics),
   * loss into ws.delta, backward into grads, plus the L2 penalty. Returns the objective;
   * `lastLoss` holds the data loss alone.
   */
  pass(params: FloatArray, grads: FloatArray, ws: Workspace, m: number, loss: Loss, updateStatistics: boolean): number {
    const out = this.forward(params, ws, m, true);
    if (updateStatistics) this.updateStatistics(ws, m);
    const dataLoss = this.kernels.loss(loss.code, out, ws.y, ws.hasScale ? ws.scale : null, ws.delta, m, this.outputs, loss.delta);
    this.backward(params, grads, ws, m);
    this.lastLoss = dataLoss;
    return dataLoss + this.penalty(params, grads);
  }

  /** (l2/2)·Σ‖W‖² over the regularized blocks; adds l2·W to grads when given. */
  penalty(params: FloatArray, grads: FloatArray | null): number {
    if (this.l2 === 0) return 0;
    let sum = 0;
    for (const b of this.blocks) {
      if (!b.regularized) continue;
      sum += this.kernels.squaredNorm(params, b.offset, b.length);
      if (grads) this.kernels.addScaled(this.l2, params, b.offset, grads, b.offset, b.length);
    }
    return 0.5 * this.l2 * sum;
  }

  prepare(data: ModelData, options?: PrepareOptions): PreparedBatch {
    const where = `${this.name}.prepare`;
    this.checkNotFreed(where);
    const o = validate.options(where, options, ["loss"]);
    const loss = (o.loss as Loss | undefined) ?? this.defaultLoss;
    this.checkLoss(where, loss);
    if (data === null || typeof data !== "object") {
      throw new DownhillError("WRONG_TYPE", `${where}: data must be an object { x, y } (optionally weights, groups).`, "data");
    }
    validate.options(where, data, ["x", "y", "weights", "groups"]);
    const prepared = prepareData(where, this, loss, data);
    return new ModelBatch(this, prepared, loss.targetKind(this.outputs));
  }

  valueAndGradient(params: FloatArray, grads: FloatArray, batch: ModelData | PreparedBatch, options?: ValueAndGradientOptions): number {
    const where = `${this.name}.valueAndGradient`;
    this.checkNotFreed(where);
    const o = validate.options(where, options, ["loss"]);
    this.checkParameterArray(where, "params", params);
    this.checkParameterArray(where, "grads", grads);
    const loss = (o.loss as Loss | undefined) ?? this.defaultLoss;
    this.checkLoss(where, loss);
    if (batch instanceof ModelBatch) return this.preparedPass(where, params, grads, batch, loss);
    if (batch === null || typeof batch !== "object") {
      throw new DownhillError("WRONG_TYPE", `${where}: batch must be an object { x, y } (optionally weights, groups).`, "batch");
    }
    validate.options(where, batch, ["x", "y", "weights", "groups"]);
    const ownsParams = this.backend.owns(params), ownsGrads = this.backend.owns(grads);
    const isOwnParams = params === this.params;
    const paramsAt = params.byteOffset, gradsAt = grads.byteOffset;
    const rows = this.loadBatch(where, batch as ModelData, loss); // may grow memory and detach params and grads
    const ws = this.ws!;
    const liveParams = (): FloatArray => (isOwnParams ? this.params : this.sameView(params, paramsAt));
    if (ownsParams && ownsGrads) {
      return this.pass(liveParams(), this.sameView(grads, gradsAt), ws, rows, loss, false);
    }
    if (!this.scratchParams) {
      this.scratchParams = this.backend.vector(this.parameterCount, this.precision);
      this.scratchGrads = this.backend.vector(this.parameterCount, this.precision);
      this.live();
    }
    const p = this.scratchParams!, g = this.scratchGrads!;
    p.set(ownsParams ? liveParams() : params);
    const value = this.pass(p, g, this.ws!, rows, loss, false);
    (ownsGrads ? this.sameView(grads, gradsAt) : grads).set(g);
    return value;
  }

  /**
   * valueAndGradient on a prepared batch: the forward and backward passes read the
   * batch's own vectors in place of the work space's x, y and scale (same values, same
   * kernels, hence the same bits as the copying path).
   */
  private preparedPass(where: string, params: FloatArray, grads: FloatArray, batch: ModelBatch, loss: Loss): number {
    if (batch.freed) throw new DownhillError("INVALID_STATE", `${where}: the prepared batch has been freed.`, "batch");
    if (batch.model !== this) {
      throw new DownhillError(
        "INVALID_OPTION",
        `${where}: the batch was prepared by another ${batch.model.name} model; prepare it with this model.`,
        "batch",
      );
    }
    const kind = loss.targetKind(this.outputs);
    if (!targetsSatisfy(batch.targetKind, kind, this.outputs)) {
      throw new DownhillError(
        "INVALID_OPTION",
        `${where}: the batch was prepared for ${batch.targetKind} targets, but ${loss.name} reads ${kind} targets; prepare it with { loss }.`,
        "loss",
      );
    }
    const ownsParams = this.backend.owns(params), ownsGrads = this.backend.owns(grads);
    const isOwnParams = params === this.params;
    const paramsAt = params.byteOffset, gradsAt = grads.byteOffset;
    const rows = batch.rows;
    // Allocate first (may grow memory and detach views), then make everything live.
    if (!(ownsParams && ownsGrads) && !this.scratchParams) {
      this.scratchParams = this.backend.vector(this.parameterCount, this.precision);
      this.scratchGrads = this.backend.vector(this.parameterCount, this.precision);
    }
    const base = this.workspace(rows); // live() included
    batch.live();
    const ws: Workspace = { ...base, x: batch.x, y: batch.y, hasScale: batch.scale !== null, scale: batch.scale ?? base.scale };
    const liveParams = (): FloatArray => (isOwnParams ? this.params : this.sameView(params, paramsAt));
    if (ownsParams && ownsGrads) return this.pass(liveParams(), this.sameView(grads, gradsAt), ws, rows, loss, false);
    const p = this.scratchParams!, g = this.scratchGrads!;
    p.set(ownsParams ? liveParams() : params);
    const value = this.pass(p, g, ws, rows, loss, false);
    (ownsGrads ? this.sameView(grads, gradsAt) : grads).set(g);
    return value;
  }

  /**
   * A live view of the caller's vector `a` (of this backend's memory, at byte `at`),
   * after an allocation may have detached it. Unlike `backend.refresh`, it leaves the
   * caller's own view refreshable: they call `refresh(a)` as usual.
   */
  private sameView<A extends FloatArray>(a: A, at: number): A {
    if (this.backend.owns(a)) return a;
    const buffer = this.params.buffer; // live after live()
    const length = this.parameterCount;
    return (a instanceof Float32Array ? new Float32Array(buffer, at, length) : new Float64Array(buffer, at, length)) as A;
  }

  /** The options that fix the model's shape and objective, saved in its state. Subclasses add theirs. */
  protected stateOptions(): Record<string, number | boolean | number[]> {
    return { inputs: this.inputs, outputs: this.outputs, l2: this.l2 };
  }

  /** The model's own arrays that belong in its state (batch-norm running statistics), by saved name. */
  protected stateArrays(): Record<string, FloatArray> {
    return {};
  }

  state(): ModelState {
    this.checkNotFreed(`${this.name}.state`);
    this.live();
    const statistics: Record<string, FloatArray> = {};
    for (const [key, a] of Object.entries(this.stateArrays())) statistics[key] = a.slice();
    return {
      format: MODEL_STATE_FORMAT,
      version: MODEL_STATE_VERSION,
      model: this.name,
      precision: this.precision,
      options: this.stateOptions(),
      parameters: this.params.slice(),
      statistics,
    };
  }

  loadState(saved: ModelState): void {
    const where = `${this.name}.loadState`;
    this.checkNotFreed(where);
    const bad = (why: string, argument = "state") => new DownhillError("INVALID_STATE", `${where}: ${why}`, argument);
    if (!saved || typeof saved !== "object") throw bad("expected an object returned by model.state().");
    if (saved.format !== MODEL_STATE_FORMAT) throw bad(`not a downhill model state (format ${JSON.stringify(saved.format)}).`);
    if (saved.version !== MODEL_STATE_VERSION) {
      throw bad(`state version ${saved.version} is not supported (this build reads ${MODEL_STATE_VERSION}).`);
    }
    if (saved.model !== this.name) throw bad(`the state was saved by a ${saved.model} model, not ${this.name}.`);
    if (saved.precision !== this.precision) {
      throw bad(`the state is ${saved.precision} but the model is ${this.precision}. Create it with the same precision.`, "precision");
    }
    const options = saved.options;
    if (!options || typeof options !== "object") throw bad("options are missing.");
    const mine = this.stateOptions();
    const show = (v: unknown) => (Array.isArray(v) ? `[${v.join(", ")}]` : String(v));
    for (const key of new Set([...Object.keys(mine), ...Object.keys(options)])) {
      const a = mine[key], b = (options as Record<string, unknown>)[key];
      const same = Array.isArray(a)
        ? Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i])
        : Object.is(a, b);
      if (!same) {
        throw bad(`the state was saved with ${key} = ${show(b)}, but this model has ${key} = ${show(a)}. Create it with the same options.`, key);
      }
    }
    const type = this.precision === "float32" ? Float32Array : Float64Array;
    const checkArray = (name: string, a: unknown, length: number, min = -Infinity): FloatArray => {
      if (!(a instanceof type) || a.length !== length) {
        throw bad(`${name} is missing, not a ${type.name}, or not of length ${length}.`, name);
      }
      for (let i = 0; i < length; i++) {
        if (!(Number.isFinite(a[i]) && a[i] >= min)) throw bad(`${name}[${i}] is ${a[i]}; every value must be finite${min === 0 ? " and ≥ 0" : ""}.`, name);
      }
      return a;
    };
    const parameters = checkArray("parameters", saved.parameters, this.parameterCount);
    const statistics = saved.statistics;
    if (!statistics || typeof statistics !== "object") throw bad("statistics are missing.", "statistics");
    const own = this.stateArrays();
    for (const key of Object.keys(statistics)) if (!Object.prototype.hasOwnProperty.call(own, key)) throw bad(`unexpected statistics "${key}".`, key);
    const checked: Record<string, FloatArray> = {};
    for (const [key, a] of Object.entries(own)) {
      checked[key] = checkArray(key, (statistics as Record<string, unknown>)[key], a.length, key.endsWith("Variance") ? 0 : -Infinity);
    }
    // Everything checked: now replace.
    this.live();
    this.params.set(parameters);
    const target = this.stateArrays();
    for (const key of Object.keys(target)) target[key].set(checked[key]);
  }

  /** Copies of the parameters and the model's statistics (for early stopping's restoreBest). */
  snapshot(): FloatArray[] {
    this.live();
    return [this.params.slice(), ...Object.values(this.ownArrays()).map((a) => (a ? a.slice() : new Float64Array(0)))];
  }

  /** Puts back what {@link snapshot} copied. */
  restore(saved: FloatArray[]): void {
    this.live();
    this.params.set(saved[0]);
    Object.values(this.ownArrays()).forEach((a, i) => a?.set(saved[i + 1]));
  }

  /**
   * Checks a batch and copies it into the work space; returns its number of samples.
   * Inputs given as one flat Float64Array or Float32Array (the usual case in a loop) are
   * copied straight in and checked for NaN/±Infinity by a kernel; any other form goes
   * through {@link prepareData}.
   */
  private loadBatch(where: string, batch: ModelData, loss: Loss): number {
    const x = (batch as unknown as Record<string, unknown>).x;
    const p = this.inputs;
    if (!((x instanceof Float64Array || x instanceof Float32Array) && x.length > 0 && x.length % p === 0)) {
      const data = prepareData(where, this, loss, batch);
      this.load(this.workspace(data.rows), data, 0, data.rows);
      return data.rows;
    }
    validate.floatArray(where, "x", x);
    const rows = x.length / p;
    const kind = loss.targetKind(this.outputs);
    const b = batch as unknown as Record<string, unknown>;
    if (b.y === undefined) throw new DownhillError("WRONG_TYPE", `${where}: y is missing: pass the targets as y.`, "y");
    const y = checkData.targets(where, "y", b.y, kind, this.outputs, rows, this.precision);
    const weights = b.weights === undefined ? null : checkData.weights(where, "weights", b.weights, rows);
    const groups = b.groups === undefined ? null : checkData.groups(where, "groups", b.groups, rows);
    const scale = sampleScales(where, weights, groups, rows, this.precision);
    const ownsX = this.backend.name !== "ts" && this.backend.owns(x);
    const xAt = x.byteOffset, xLength = x.length;
    const ws = this.workspace(rows); // may grow memory and detach x
    const source = ownsX && !this.backend.owns(x)
      ? x instanceof Float32Array ? new Float32Array(ws.x.buffer, xAt, xLength) : new Float64Array(ws.x.buffer, xAt, xLength)
      : x;
    ws.x.set(source);
    const bad = this.kernels.firstNonFinite(ws.x, rows * p);
    if (bad >= 0) {
      const value = ws.x[bad];
      const at = p === 1 ? `[${bad}]` : `[${Math.floor(bad / p)}][${bad % p}]`;
      throw new DownhillError(
        "INVALID_DATA",
        `${where}: x${at} is ${value}${Number.isFinite(source[bad]) ? ` in ${this.precision} (too large)` : ""}; every value must be finite.`,
        "x",
      );
    }
    this.checkInputs(where, "x", ws.x, rows);
    ws.y.set(y);
    ws.hasScale = scale !== null;
    if (scale) ws.scale.set(scale);
    return rows;
  }

  free(): void {
    if (this.freed) return;
    this.live();
    const b = this.backend;
    b.free(this.params);
    for (const a of Object.values(this.ownArrays())) if (a) b.free(a);
    if (this.scratchParams) b.free(this.scratchParams);
    if (this.scratchGrads) b.free(this.scratchGrads);
    if (this.ws) freeViews(b, this.ws);
    this.ws = undefined;
    this.freed = true;
  }

  /** Throws unless `array` is a live Float64Array/Float32Array of the model's precision and length. */
  checkParameterArray(where: string, name: string, array: unknown): void {
    validate.floatArray(where, name, array);
    const a = array as FloatArray;
    if (precisionOf(a) !== this.precision) {
      throw new DownhillError(
        "PRECISION_MISMATCH",
        `${where}: ${name} is a ${a.constructor.name} but the model is ${this.precision}; pass a ${this.precision === "float32" ? "Float32Array" : "Float64Array"}.`,
        name,
      );
    }
    if (a.length !== this.parameterCount) {
      throw new DownhillError("LENGTH_MISMATCH", `${where}: ${name} has length ${a.length}, the model has ${this.parameterCount} parameters.`, name);
    }
  }

  /** Throws INVALID_STATE (argument "model") once the model has been freed. */
  checkNotFreed(where: string): void {
    if (this.freed) throw new DownhillError("INVALID_STATE", `${where}: the ${this.name} model has been freed.`, "model");
  }
}

/**
 * True when targets checked as `checked` pass the checks of `wanted` too, in the same
 * layout: 0/1 labels are probabilities, probabilities are values (one value a sample
 * when the model has one output, since labels are one number a sample).
 */
function targetsSatisfy(checked: TargetKind, wanted: TargetKind, outputs: number): boolean {
  if (checked === wanted) return true;
  if (wanted === "values") return checked === "probabilities" || (checked === "binary" && outputs === 1);
  if (wanted === "probabilities") return checked === "binary" && outputs === 1;
  return false;
}

/** A {@link PreparedBatch}: the checked data in vectors of the model's backend. */
class ModelBatch implements PreparedBatch {
  readonly model: ModelBase;
  readonly rows: number;
  readonly targetKind: TargetKind;
  x: FloatArray;
  y: FloatArray;
  scale: FloatArray | null;
  private isFreed = false;

  constructor(model: ModelBase, data: PreparedData, targetKind: TargetKind) {
    const b = model.backend, precision = model.precision;
    this.model = model;
    this.rows = data.rows;
    this.targetKind = targetKind;
    // Allocate all three before filling: each allocation may detach the earlier views.
    this.x = b.vector(data.x.length, precision);
    this.y = b.vector(data.y.length, precision);
    this.scale = data.scale ? b.vector(data.scale.length, precision) : null;
    this.live();
    this.x.set(data.x);
    this.y.set(data.y);
    if (this.scale && data.scale) this.scale.set(data.scale);
  }

  get freed(): boolean {
    return this.isFreed;
  }

  /** Makes the views live again after memory growth. */
  live(): void {
    const b = this.model.backend;
    this.x = b.refresh(this.x);
    this.y = b.refresh(this.y);
    if (this.scale) this.scale = b.refresh(this.scale);
  }

  free(): void {
    if (this.isFreed) return;
    this.live();
    const b = this.model.backend;
    b.free(this.x);
    b.free(this.y);
    if (this.scale) b.free(this.scale);
    this.isFreed = true;
  }
}

/** Replaces every FloatArray (or array of them) property of `holder` by a live view. */
export function refreshViews(backend: Backend, holder: Record<string, unknown>): void {
  for (const key of Object.keys(holder)) {
    const v = holder[key];
    if (v instanceof Float64Array || v instanceof Float32Array) holder[key] = backend.refresh(v);
    else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const a = v[i];
        if (a instanceof Float64Array || a instanceof Float32Array) v[i] = backend.refresh(a);
      }
    }
  }
}

/** Frees every FloatArray (or array of them) property of `holder`. */
export function freeViews(backend: Backend, holder: Record<string, unknown>): void {
  refreshViews(backend, holder);
  for (const key of Object.keys(holder)) {
    const v = holder[key];
    if (v instanceof Float64Array || v instanceof Float32Array) backend.free(v);
    else if (Array.isArray(v)) for (const a of v) if (a instanceof Float64Array || a instanceof Float32Array) backend.free(a);
  }
}
