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
export { deterministicCos } from "./math/deterministicCos";
export { deterministicLog } from "./math/deterministicLog";
export type { Projection } from "./projections/Projection";
export { box, type BoxOptions } from "./projections/box";
export { nonNegative } from "./projections/nonNegative";
export { simplex, type SimplexOptions } from "./projections/simplex";
export { l1Ball, type L1BallOptions } from "./projections/l1Ball";
export { l2Ball, type L2BallOptions } from "./projections/l2Ball";
export type { Schedule } from "./schedules/Schedule";
export { constantSchedule, type ConstantScheduleOptions } from "./schedules/constantSchedule";
export { stepSchedule, type StepScheduleOptions } from "./schedules/stepSchedule";
export { exponentialSchedule, type ExponentialScheduleOptions } from "./schedules/exponentialSchedule";
export { cosineSchedule, type CosineScheduleOptions } from "./schedules/cosineSchedule";
export { reduceOnPlateau, type ReduceOnPlateauOptions, type PlateauSchedule } from "./schedules/reduceOnPlateau";
export { minimize } from "./minimize/minimize";
export type { MinimizeOptions, IterationInfo } from "./minimize/MinimizeOptions";
export type { MinimizeResult, StopReason, TrajectoryPoint } from "./minimize/MinimizeResult";
export type { Objective, ObjectiveFunction, ObjectiveObject } from "./minimize/Objective";
export type { DescentMethod, DescentRun, DescentContext } from "./minimize/DescentMethod";
export { lbfgs, type LbfgsOptions } from "./minimize/lbfgs";
export { lbfgsb, type LbfgsbMethod, type LbfgsbMethodOptions } from "./minimize/lbfgsb";
export { conjugateGradient, type ConjugateGradientOptions } from "./minimize/conjugateGradient";
export { gradientDescent, type GradientDescentOptions } from "./minimize/gradientDescent";
export { strongWolfe, type StrongWolfeOptions } from "./lineSearch/strongWolfe";
export { backtracking, type BacktrackingOptions } from "./lineSearch/backtracking";
export type { LineSearch, LineFunction, LinePoint, LineSearchResult, LineSearchStatus } from "./lineSearch/LineSearch";
export {
  finiteDifferenceGradient, type FiniteDifferenceOptions, type FiniteDifferenceMethod,
} from "./finiteDifference/finiteDifferenceGradient";
export { gradientCheck, type GradientCheckOptions, type GradientCheckResult } from "./finiteDifference/gradientCheck";
export {
  lbfgsbMinimize, type LbfgsbOptions, type LbfgsbResult, type LbfgsbIterationInfo,
} from "./lbfgsb/lbfgsbMinimize";
export { problems, type ProblemId, type ProblemFactory } from "./problems/problems";
export type { TestProblem } from "./problems/TestProblem";
export { landscape, type Landscape, type LandscapeId, type LandscapeOptions } from "./landscapes/landscape";
export { illConditionedQuadratic, type IllConditionedQuadraticOptions } from "./landscapes/illConditionedQuadratic";
export { clipByValue, type ClipByValueOptions } from "./clipping/clipByValue";
export { clipByGlobalNorm, type ClipByGlobalNormOptions } from "./clipping/clipByGlobalNorm";
export type { Random } from "./random/Random";
export { seededRandom, type SeededRandomOptions } from "./random/seededRandom";
export type { Loss, LossName, LossValueOptions } from "./losses/Loss";
export { sampleScales } from "./losses/sampleScales";
export { mse } from "./losses/mse";
export { mae } from "./losses/mae";
export { huber, type HuberOptions } from "./losses/huber";
export { binaryCrossEntropy } from "./losses/binaryCrossEntropy";
export { softmaxCrossEntropy } from "./losses/softmaxCrossEntropy";
export { hinge } from "./losses/hinge";
export { zeroOne } from "./losses/zeroOne";
export type { Model, ModelName, ModelData, ParameterBlock, ValueAndGradientOptions, PreparedBatch, PrepareOptions, ModelState } from "./models/Model";
export type { ModelKernelSet, ModelKernels, FactorizationLayout, ActivationCode, LossCode } from "./models/ModelKernels";
export { referenceModelKernels } from "./models/referenceModelKernels";
export { linearRegression, type LinearRegressionOptions } from "./models/linearRegression";
export { logisticRegression, type LogisticRegressionOptions } from "./models/logisticRegression";
export { softmaxRegression, type SoftmaxRegressionOptions } from "./models/softmaxRegression";
export { mlp, type MlpOptions, type Mlp } from "./models/mlp";
export { matrixFactorization, type MatrixFactorizationOptions, type MatrixFactorization } from "./models/matrixFactorization";
export { train } from "./training/train";
export type { TrainOptions, EarlyStoppingOptions, EpochInfo } from "./training/TrainOptions";
export type { TrainingHistory, TrainingStopReason } from "./training/TrainingHistory";
export { predict, type PredictOptions } from "./training/predict";
export { evaluate, type EvaluateOptions, type Evaluation } from "./training/evaluate";
export { modelObjective, type ModelObjectiveOptions } from "./training/modelObjective";
export type { MatrixInput, TargetKind } from "./training/checkData";
export { iris, type IrisData } from "./datasets/iris";
export { cars, type CarsData } from "./datasets/cars";
export { twoSpirals, type TwoSpiralsOptions, type ClassificationData } from "./datasets/twoSpirals";
export { lowRankRatings, type LowRankRatingsOptions, type RatingsData } from "./datasets/lowRankRatings";
export { noisyLinearData, type NoisyLinearDataOptions, type LinearData } from "./datasets/noisyLinearData";
export { standardize, type StandardizeOptions, type Standardized } from "./datasets/standardize";
