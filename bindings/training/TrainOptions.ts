import type { Loss } from "../losses/Loss";
import type { ModelData } from "../models/Model";
import type { Optimizer } from "../optimizers/Optimizer";

/** Early stopping: stop when the monitored loss has not improved for `patience` epochs. */
export interface EarlyStoppingOptions {
  /** Epochs without improvement before stopping. Default 10. */
  patience?: number;
  /** An improvement must lower the monitored value by more than this. Default 0. */
  minDelta?: number;
  /** "validationLoss" (default when validation data is given) or "loss". */
  monitor?: "loss" | "validationLoss";
  /** Put back the parameters (and batch-norm statistics) of the best epoch when stopping. Default true. */
  restoreBest?: boolean;
}

/** What `onEpoch` receives after every epoch. */
export interface EpochInfo {
  /** 1 after the first epoch. */
  epoch: number;
  /** The epoch's mean training loss (over its batches, weighted by batch size; no L2 penalty). */
  loss: number;
  /** Training accuracy over the epoch's batches (classification losses). */
  accuracy?: number;
  /** Training RMSE over the epoch's batches (regression losses). */
  rmse?: number;
  /** Loss on the validation data after the epoch, in inference mode. */
  validationLoss?: number;
  validationAccuracy?: number;
  validationRmse?: number;
  /** Optimizer steps so far. */
  steps: number;
  /** The optimizer's learning rate (assign `optimizer.learningRate` in onEpoch to schedule it). */
  learningRate: number;
  /** Milliseconds since training started. */
  elapsed: number;
}

/** Options of `train`. */
export interface TrainOptions extends ModelData {
  /** The loss. Default: the model's `defaultLoss`. zeroOne is refused (no gradient). */
  loss?: Loss;
  /** Any downhill optimizer; `train` resets it first. Default `adam()` (η = 1e-3) on the model's backend. */
  optimizer?: Optimizer;
  /** Samples per step: 1 is SGD, N full-batch gradient descent, anything between mini-batch. Default 32 (at most N). */
  batchSize?: number;
  /** Passes over the data. Default 1. */
  epochs?: number;
  /** Seed of the shuffling generator. Default 0. */
  seed?: number;
  /** Reshuffle the samples before every epoch (Fisher–Yates from the seeded generator). Default true. */
  shuffle?: boolean;
  /** Data evaluated after every epoch: { x, y } (optionally weights, groups). */
  validation?: ModelData;
  /** Stop when the monitored loss stalls: true for the defaults, or options. Default off. */
  earlyStopping?: boolean | EarlyStoppingOptions;
  /** Called after every epoch; return true to stop. */
  onEpoch?: (info: EpochInfo) => boolean | void;
  /** An AbortSignal: checked before every step. */
  signal?: AbortSignal;
}
