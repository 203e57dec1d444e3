import type { Backend } from "../backends/Backend";
import type { KernelSet } from "../backends/Kernels";
import { DownhillError } from "../DownhillError";
import type { FloatArray, Precision } from "../FloatArray";
import { validate } from "../validate";
import type { Optimizer, OptimizerState } from "./Optimizer";
import { StateStepper } from "./StateStepper";

/** What one first-order method supplies; everything else is shared. */
export interface FirstOrderMethod {
  /** The factory's name, e.g. "adam". */
  name: string;
  /** The validated options, stored in saved state so a mismatch can be detected. */
  options: Record<string, number | boolean>;
  learningRate: number;
  backend: Backend | undefined;
  /** Names of the per-element state vectors, e.g. ["m", "v"]. */
  stateNames: string[];
  /** Fills freshly allocated state (zeros by default), e.g. Adagrad's initial accumulator. */
  initialize?: (state: FloatArray[]) => void;
  /** Scalar state beyond the step count (running products of β^t), for save and restore. */
  scalars?: { get(): Record<string, number>; set(values: Record<string, number>): void; reset(): void };
  /**
   * Applies step number `t` (1-based) with the current learning rate, on arrays the
   * kernels can use in place.
   */
  update(kernels: KernelSet<FloatArray>, params: FloatArray, grads: FloatArray, state: FloatArray[], learningRate: number, t: number): void;
}

/** Format tag of saved optimizer state. */
export const STATE_FORMAT = "downhill/optimizer-state";
/** Version of the saved-state layout; bumped when it changes. */
export const STATE_VERSION = 1;

/**
 * Builds an {@link Optimizer} from a method's update: the step counter, the learning
 * rate property, reset, and state save/restore are the same for every first-order
 * method.
 */
export function firstOrderOptimizer(method: FirstOrderMethod): Optimizer {
  const { name } = method;
  const stepper = new StateStepper(name, method.backend, method.stateNames.length, method.initialize);
  let learningRate = method.learningRate;
  let steps = 0;
  // Made once, so a step allocates nothing.
  const apply = (kernels: KernelSet<FloatArray>, p: FloatArray, g: FloatArray, state: FloatArray[]) =>
    method.update(kernels, p, g, state, learningRate, steps + 1);
  return {
    name,
    get steps() {
      return steps;
    },
    get learningRate() {
      return learningRate;
    },
    set learningRate(value: number) {
      learningRate = validate.number(name, "learningRate", value, { min: 0, minExclusive: true });
    },
    step(params: FloatArray, grads: FloatArray) {
      stepper.run(params, grads, apply);
      steps++;
    },
    reset() {
      stepper.reset();
      method.scalars?.reset();
      steps = 0;
    },
    state(): OptimizerState {
      const arrays: Record<string, Float64Array | Float32Array> = {};
      method.stateNames.forEach((key, k) => (arrays[key] = stepper.state[k]?.slice() ?? new Float64Array(0)));
      return {
        format: STATE_FORMAT,
        version: STATE_VERSION,
        optimizer: name,
        options: { ...method.options },
        learningRate,
        steps,
        length: stepper.length < 0 ? 0 : stepper.length,
        precision: stepper.precision,
        scalars: method.scalars?.get() ?? {},
        arrays,
      };
    },
    loadState(saved: OptimizerState) {
      const where = `${name}.loadState`;
      const bad = (why: string, argument = "state") => new DownhillError("INVALID_STATE", `${where}: ${why}`, argument);
      if (!saved || typeof saved !== "object") throw bad("expected an object returned by state().");
      if (saved.format !== STATE_FORMAT) throw bad(`not a downhill optimizer state (format ${JSON.stringify(saved.format)}).`);
      if (saved.version !== STATE_VERSION) throw bad(`state version ${saved.version} is not supported (this build reads ${STATE_VERSION}).`);
      if (saved.optimizer !== name) throw bad(`the state was saved by ${saved.optimizer}, not ${name}.`);
      for (const [key, value] of Object.entries(method.options)) {
        if (saved.options?.[key] !== value) {
          throw bad(`the state was saved with ${key} = ${saved.options?.[key]}, but this optimizer has ${key} = ${value}. Create it with the same options.`, key);
        }
      }
      const steps0 = saved.steps;
      if (!Number.isInteger(steps0) || steps0 < 0) throw bad(`steps must be a whole number ≥ 0, got ${steps0}.`);
      const precision: Precision = saved.precision;
      if (precision !== "float64" && precision !== "float32") throw bad(`precision must be "float64" or "float32".`);
      const type = precision === "float32" ? Float32Array : Float64Array;
      for (const key of method.stateNames) {
        const a = saved.arrays?.[key];
        if (steps0 > 0 && (!(a instanceof type) || a.length !== saved.length)) {
          throw bad(`array "${key}" is missing, of the wrong type, or not of length ${saved.length}.`, key);
        }
      }
      validate.number(where, "learningRate", saved.learningRate, { min: 0, minExclusive: true });
      const scalars = saved.scalars ?? {};
      for (const [key, value] of Object.entries(scalars)) {
        if (typeof value !== "number" || !Number.isFinite(value)) throw bad(`scalar ${key} must be a finite number.`, key);
      }
      // Everything checked: now replace the state.
      stepper.reset();
      method.scalars?.reset();
      if (steps0 > 0) {
        stepper.allocate(saved.length, precision);
        method.stateNames.forEach((key, k) => stepper.state[k].set(saved.arrays[key]));
        method.scalars?.set(scalars);
      }
      learningRate = saved.learningRate;
      steps = steps0;
    },
  };
}
