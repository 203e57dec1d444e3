/**
 * downhill — gradient-descent optimization with a WebAssembly-SIMD core.
 *
 * ```ts
 * import { init, adam } from "downhill";
 * await init();
 * const opt = adam({ learningRate: 1e-3 });
 * opt.step(params, grads);
 * ```
 * @packageDocumentation
 */
export { init, loadBackend, currentBackend, type InitOptions, type InitResult } from "./init";
export { vector } from "./vector";
export { refresh } from "./refresh";
export { free } from "./free";
export { DownhillError, type DownhillErrorCode } from "./DownhillError";
export type { FloatArray, Precision } from "./FloatArray";
export type { Backend } from "./backends/Backend";
export type * from "./backends/Kernels";
export { referenceKernels } from "./backends/referenceKernels";
export type { Optimizer, OptimizerState } from "./optimizers/Optimizer";
export { sgd, type SgdOptions } from "./optimizers/sgd";
export { adam } from "./optimizers/adam";
export { adamw } from "./optimizers/adamw";
export type { AdamOptions } from "./optimizers/adamFamily";
export { adagrad, type AdagradOptions } from "./optimizers/adagrad";
export { rmsprop, type RmspropOptions } from "./optimizers/rmsprop";
export { adadelta, type AdadeltaOptions } from "./optimizers/adadelta";
export { adamax, type AdamaxOptions } from "./optimizers/adamax";
export { nadam, type NadamOptions } from "./optimizers/nadam";
export { lion, type LionOptions } from "./optimizers/lion";
export { deterministicExp } from "./math/deterministicExp";
