import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";
import type { Loss } from "../losses/Loss";
import type { Model } from "../models/Model";
import { refreshViews } from "../models/ModelBase";
import { adam } from "../optimizers/adam";
import type { Optimizer } from "../optimizers/Optimizer";
import { checkSeed, seededRandom } from "../random/seededRandom";
import { validate } from "../validate";
import { checkModel, evaluatePrepared, metricsFor } from "./evaluate";
import { prepareData, type PreparedData } from "./prepareData";
import type { EpochInfo, TrainOptions } from "./TrainOptions";
import type { TrainingHistory, TrainingStopReason } from "./TrainingHistory";
import { zeroOne } from "../losses/zeroOne";
import { mse } from "../losses/mse";

const KNOWN = [
  "x", "y", "weights", "groups", "loss", "optimizer", "batchSize", "epochs", "seed", "shuffle",
  "validation", "earlyStopping", "onEpoch", "signal",
] as const;
const metricLosses = { zeroOne: zeroOne(), mse: mse() };

/**
 * Trains a model by mini-batch gradient descent with any downhill optimizer — the loop
 * owner for models, as `minimize` is for functions. Each epoch:
 * ```
 * shuffle the sample order (seeded Fisher–Yates), unless shuffle is false
 * for each batch B of batchSize samples (the last one smaller):
 *     f_B(θ) = (1/|B|)·Σ_{i∈B} s_i·ℓ(model(x_i; θ), y_i) + (l2/2)·‖W‖²
 *     g = ∇f_B(θ)                     one fused forward/backward pass on the backend
 *     optimizer.step(θ, g)            one fused update of the whole parameter vector
 * evaluate the validation data; call onEpoch; check early stopping
 * ```
 * `batchSize: 1` is stochastic gradient descent, `batchSize: N` full-batch gradient
 * descent. Batch normalization uses batch statistics and updates its running averages
 * at every step. The batch is gathered into WebAssembly memory by a kernel; a step
 * allocates nothing.
 *
 * Determinism: the shuffle comes from `seededRandom({ seed })`, so the order of samples
 * is the same on every backend and in every engine; the WebAssembly backends (SIMD and
 * scalar) give bit-identical histories, and the TS backend agrees to rounding (its
 * exp/log/tanh come from the host).
 *
 * The optimizer is reset first (as `minimize` does); the model's parameters carry over,
 * so calling `train` again continues from where it stopped. The history reports the
 * mean batch loss (and accuracy or RMSE) of every epoch, the validation results, and why
 * it stopped (`reason`: epochs, earlyStopping, stoppedByObserver, aborted, diverged).
 *
 * All data is checked before anything is modified: shape mismatches (`LENGTH_MISMATCH`),
 * NaN or infinite values and labels out of range (`INVALID_DATA`), each naming the
 * argument (`x`, `y`, `weights`, `groups`, `validation.x`, …).
 *
 * @example
 * ```ts
 * await init();
 * const { x, y } = iris();
 * const model = softmaxRegression({ inputs: 4, classes: 3, l2: 1e-3 });
 * const history = train(model, {
 *   x: standardize(x, { columns: 4 }).x, y,
 *   optimizer: adam({ learningRate: 0.05 }), batchSize: 16, epochs: 100, seed: 7,
 *   onEpoch: ({ epoch, loss }) => console.log(epoch, loss),
 * });
 * history.loss.at(-1);       // the last epoch's mean loss
 * history.accuracy!.at(-1);  // ≈ 0.97
 * ```
 */
export function train(model: Model, options: TrainOptions): TrainingHistory {
  const where = "train";
  const m = checkModel(where, model);
  const o = validate.options(where, options, KNOWN);
  const loss = (o.loss as Loss | undefined) ?? m.defaultLoss;
  m.checkLoss(where, loss);
  if (!loss.differentiable) {
    throw new DownhillError(
      "INVALID_OPTION",
      `${where}: ${loss.name} has no useful gradient (zero almost everywhere), so training cannot move. ` +
        `Train with a smooth surrogate (softmaxCrossEntropy, binaryCrossEntropy or hinge) and report ${loss.name} with evaluate().`,
      "loss",
    );
  }
  const optimizer = o.optimizer === undefined ? adam({ backend: m.backend }) : checkOptimizer(where, o.optimizer);
  const epochs = o.epochs === undefined ? 1 : wholeNumber(where, "epochs", o.epochs, 0);
  const seed = checkSeed(where, "seed", o.seed ?? 0);
  const shuffle = validate.boolean(where, "shuffle", o.shuffle ?? true);
  const onEpoch = o.onEpoch === undefined ? undefined : checkFunction(where, "onEpoch", o.onEpoch);
  const signal = o.signal === undefined ? undefined : checkSignal(where, o.signal);
  const data = prepareData(where, m, loss, o);
  const batchSize = Math.min(o.batchSize === undefined ? 32 : wholeNumber(where, "batchSize", o.batchSize, 1), data.rows);
  let validation: PreparedData | undefined;
  if (o.validation !== undefined) {
    if (o.validation === null || typeof o.validation !== "object") {
      throw new DownhillError("WRONG_TYPE", `${where}: validation must be an object { x, y }.`, "validation");
    }
    validate.options(where, o.validation, ["x", "y", "weights", "groups"]);
    validation = prepareData(where, m, loss, o.validation, "validation.");
  }
  const stopping = checkEarlyStopping(where, o.earlyStopping, validation !== undefined);

  // Everything is checked; from here on the model and the optimizer change.
  const started = performance.now();
  const backend = m.backend;
  const kernels = m.kernels;
  const p = m.inputs, width = data.targetWidth, n = data.rows;
  const { accuracy: trackAccuracy, regression } = metricsFor(loss, m.outputs);
  optimizer.reset();
  // One work space for the batches and the validation chunks, so it is never reallocated.
  let ws = m.workspace(Math.max(batchSize, validation ? Math.min(1024, validation.rows) : 0));
  const store: Record<string, FloatArray | null> = {
    x: backend.vector(n * p, m.precision),
    y: backend.vector(n * width, m.precision),
    scale: data.scale ? backend.vector(n, m.precision) : null,
    grads: backend.vector(m.parameterCount, m.precision),
  };
  const live = () => {
    m.live();
    refreshViews(backend, store);
  };
  live();
  store.x!.set(data.x);
  store.y!.set(data.y);
  if (data.scale) store.scale!.set(data.scale);

  const random = seededRandom({ seed });
  const order = new Float64Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const history: TrainingHistory = { epochs: 0, steps: 0, loss: [], reason: "epochs", elapsed: 0 };
  if (trackAccuracy) history.accuracy = [];
  if (regression) history.rmse = [];
  if (validation) {
    history.validationLoss = [];
    if (trackAccuracy) history.validationAccuracy = [];
    if (regression) history.validationRmse = [];
  }
  let best = Infinity;
  let bestSnapshot: FloatArray[] | undefined;
  let sinceBest = 0;
  let reason: TrainingStopReason = "epochs";

  try {
    epochLoop: for (let epoch = 1; epoch <= epochs; epoch++) {
      if (shuffle) random.shuffle(order);
      ws = m.workspace(batchSize);
      let sumLoss = 0, sumError = 0, sumSquared = 0;
      for (let start = 0; start < n; start += batchSize) {
        if (signal?.aborted) {
          reason = "aborted";
          break epochLoop;
        }
        const count = Math.min(batchSize, n - start);
        const indices = ws.indices;
        for (let r = 0; r < count; r++) indices[r] = order[start + r];
        kernels.gatherRows(store.x!, indices, ws.x, count, p);
        kernels.gatherRows(store.y!, indices, ws.y, count, width);
        ws.hasScale = store.scale !== null;
        if (store.scale) kernels.gatherRows(store.scale, indices, ws.scale, count, 1);
        const value = m.pass(m.parameters, store.grads!, ws, count, loss, true);
        if (!Number.isFinite(value)) {
          reason = "diverged";
          break epochLoop;
        }
        const scale = ws.hasScale ? ws.scale : null;
        sumLoss += count * m.lastLoss;
        if (trackAccuracy) sumError += count * kernels.loss(metricLosses.zeroOne.code, ws.outputs, ws.y, scale, null, count, m.outputs, 0);
        if (regression) sumSquared += count * kernels.loss(metricLosses.mse.code, ws.outputs, ws.y, scale, null, count, m.outputs, 0);
        step(optimizer, m, store, live, history.steps === 0);
        history.steps++;
      }
      history.epochs = epoch;
      const info: EpochInfo = {
        epoch,
        loss: sumLoss / n,
        steps: history.steps,
        learningRate: optimizer.learningRate,
        elapsed: performance.now() - started,
      };
      history.loss.push(info.loss);
      if (trackAccuracy) history.accuracy!.push((info.accuracy = 1 - sumError / n));
      if (regression) history.rmse!.push((info.rmse = Math.sqrt(sumSquared / n)));
      if (validation) {
        const v = evaluatePrepared(m, validation, loss);
        live();
        history.validationLoss!.push((info.validationLoss = v.loss));
        if (trackAccuracy) history.validationAccuracy!.push((info.validationAccuracy = v.accuracy!));
        if (regression) history.validationRmse!.push((info.validationRmse = v.rmse!));
      }
      if (onEpoch && onEpoch(info) === true) {
        reason = "stoppedByObserver";
        break;
      }
      if (stopping) {
        const monitored = stopping.monitor === "loss" ? info.loss : info.validationLoss!;
        if (monitored < best - stopping.minDelta) {
          best = monitored;
          history.bestEpoch = epoch;
          sinceBest = 0;
          if (stopping.restoreBest) bestSnapshot = m.snapshot();
        } else if (++sinceBest >= stopping.patience) {
          reason = "earlyStopping";
          if (bestSnapshot) m.restore(bestSnapshot);
          break;
        }
      }
    }
  } finally {
    live();
    for (const v of Object.values(store)) if (v) backend.free(v);
  }
  history.reason = reason;
  history.elapsed = performance.now() - started;
  return history;
}

/**
 * One optimizer step on the model's parameters. The optimizer's first step sizes its
 * state, which may grow WebAssembly memory and detach our views; the stepper then
 * throws STALE_VIEW before changing anything, so refresh and step again.
 */
function step(
  optimizer: Optimizer, model: ReturnType<typeof checkModel>, store: Record<string, FloatArray | null>, live: () => void, first: boolean,
): void {
  try {
    optimizer.step(model.parameters, store.grads!);
  } catch (error) {
    if (!first || !(error instanceof DownhillError) || error.code !== "STALE_VIEW") throw error;
    live();
    optimizer.step(model.parameters, store.grads!);
  }
}

function wholeNumber(where: string, name: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new DownhillError("INVALID_OPTION", `${where}: ${name} must be a whole number ≥ ${min}, got ${String(value)}.`, name);
  }
  return value;
}

function checkOptimizer(where: string, value: unknown): Optimizer {
  const opt = value as Optimizer;
  if (value === null || typeof value !== "object" || typeof opt.step !== "function" || typeof opt.reset !== "function") {
    throw new DownhillError("WRONG_TYPE", `${where}: optimizer must be a downhill optimizer such as adam() or sgd().`, "optimizer");
  }
  return opt;
}

function checkFunction(where: string, name: string, value: unknown): (info: EpochInfo) => boolean | void {
  if (typeof value !== "function") throw new DownhillError("WRONG_TYPE", `${where}: ${name} must be a function.`, name);
  return value as (info: EpochInfo) => boolean | void;
}

function checkSignal(where: string, value: unknown): AbortSignal {
  if (value === null || typeof value !== "object" || typeof (value as AbortSignal).aborted !== "boolean") {
    throw new DownhillError("WRONG_TYPE", `${where}: signal must be an AbortSignal (new AbortController().signal).`, "signal");
  }
  return value as AbortSignal;
}

function checkEarlyStopping(
  where: string, value: unknown, hasValidation: boolean,
): { patience: number; minDelta: number; monitor: "loss" | "validationLoss"; restoreBest: boolean } | undefined {
  if (value === undefined || value === false) return undefined;
  const o = value === true ? {} : validate.options(where, value, ["patience", "minDelta", "monitor", "restoreBest"]);
  const monitor = o.monitor ?? (hasValidation ? "validationLoss" : "loss");
  if (monitor !== "loss" && monitor !== "validationLoss") {
    throw new DownhillError("INVALID_OPTION", `${where}: earlyStopping.monitor must be "loss" or "validationLoss".`, "monitor");
  }
  if (monitor === "validationLoss" && !hasValidation) {
    throw new DownhillError("INVALID_OPTION", `${where}: earlyStopping monitors validationLoss, but no validation data was given.`, "monitor");
  }
  return {
    patience: o.patience === undefined ? 10 : wholeNumber(where, "patience", o.patience, 1),
    minDelta: validate.number(where, "minDelta", o.minDelta ?? 0, { min: 0 }),
    monitor,
    restoreBest: validate.boolean(where, "restoreBest", o.restoreBest ?? true),
  };
}
