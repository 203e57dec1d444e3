/**
 * Why `train` stopped:
 * - `epochs`: all epochs ran;
 * - `earlyStopping`: the monitored loss stalled for `patience` epochs;
 * - `stoppedByObserver`: onEpoch returned true;
 * - `aborted`: the signal was aborted;
 * - `diverged`: a batch loss was NaN or infinite (the step was not taken) — lower the
 *   learning rate.
 */
export type TrainingStopReason = "epochs" | "earlyStopping" | "stoppedByObserver" | "aborted" | "diverged";

/** What `train` returns: one entry per completed epoch in every array. */
export interface TrainingHistory {
  /** Epochs completed. */
  epochs: number;
  /** Optimizer steps taken. */
  steps: number;
  /** Mean training loss of each epoch (over its batches; no L2 penalty). */
  loss: number[];
  /** Training accuracy of each epoch (classification losses). */
  accuracy?: number[];
  /** Training RMSE of each epoch (regression losses). */
  rmse?: number[];
  /** Validation loss after each epoch (with validation data). */
  validationLoss?: number[];
  validationAccuracy?: number[];
  validationRmse?: number[];
  /** With early stopping: the epoch with the best monitored value (1-based). */
  bestEpoch?: number;
  reason: TrainingStopReason;
  /** Wall-clock milliseconds. */
  elapsed: number;
}
