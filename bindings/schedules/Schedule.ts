/**
 * A learning-rate schedule: the step size to use at each optimizer step, counted from
 * 0. Assign it to the optimizer before each step.
 *
 * Every schedule computes with + − × ÷ only (none of the built-in pow, exp, log or cos, whose
 * last bit differs between engines), so it returns bit-identical rates in Node and in
 * every browser.
 *
 * @example
 * ```ts
 * const schedule = cosineSchedule({ learningRate: 1e-3, totalSteps: 1000, warmupSteps: 100 });
 * const opt = adam();
 * for (let step = 0; step < 1000; step++) {
 *   opt.learningRate = schedule.learningRate(step);
 *   opt.step(params, computeGradient(params));
 * }
 * ```
 */
export interface Schedule {
  /** The schedule, e.g. `"cosineSchedule"`. */
  readonly name: string;
  /**
   * The learning rate for step `step` (an integer ≥ 0; the first step is 0). Pure: the
   * same step always gives the same rate (except `reduceOnPlateau`, whose rate depends
   * on the metrics reported so far). Throws a `DownhillError` for any other `step`.
   */
  learningRate(step: number): number;
}
