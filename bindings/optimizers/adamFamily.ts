import type { Backend } from "../backends/Backend";
import type { AdamCoefficients } from "../backends/Kernels";
import type { FloatArray } from "../FloatArray";
import { validate } from "../validate";
import type { Optimizer } from "./Optimizer";
import { StateStepper } from "./StateStepper";

/** Options of `adam` and `adamw`. Names follow torch.optim.Adam, spelled out. */
export interface AdamOptions {
  /** Step size η > 0. Default 1e-3. */
  learningRate?: number;
  /** Decay rate of the first moment, β1 ∈ [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay rate of the second moment, β2 ∈ [0, 1). Default 0.999. */
  beta2?: number;
  /** ε ≥ 0 added to the denominator, outside the square root. Default 1e-8. */
  epsilon?: number;
  /** Weight decay λ ≥ 0. Default 0 for adam, 1e-2 for adamw. */
  weightDecay?: number;
  /** Use the AMSGrad variant (running maximum of v). Default false. */
  amsgrad?: boolean;
  /**
   * Decoupled weight decay as in AdamW (p ← (1 − ηλ)·p before the update) instead of
   * L2 decay added to the gradient. Default false for adam; always true for adamw.
   */
  decoupledWeightDecay?: boolean;
  /** Backend to run on. Default: the one chosen by `init()`. */
  backend?: Backend;
}

/**
 * The shared implementation of `adam` and `adamw` (see those for the documented rule).
 * `defaults` holds the values that differ between the two.
 */
export function adamFamily(
  name: "adam" | "adamw",
  options: AdamOptions | undefined,
  known: readonly string[],
  defaults: { weightDecay: number; decoupledWeightDecay: boolean },
): Optimizer {
  const o = validate.options(name, options, known);
  let learningRate = validate.number(name, "learningRate", o.learningRate ?? 1e-3, { min: 0, minExclusive: true });
  const beta1 = validate.number(name, "beta1", o.beta1 ?? 0.9, { min: 0, max: 1, maxExclusive: true });
  const beta2 = validate.number(name, "beta2", o.beta2 ?? 0.999, { min: 0, max: 1, maxExclusive: true });
  const epsilon = validate.number(name, "epsilon", o.epsilon ?? 1e-8, { min: 0 });
  const weightDecay = validate.number(name, "weightDecay", o.weightDecay ?? defaults.weightDecay, { min: 0 });
  const amsgrad = validate.boolean(name, "amsgrad", o.amsgrad ?? false);
  const decoupled = validate.boolean(name, "decoupledWeightDecay", o.decoupledWeightDecay ?? defaults.decoupledWeightDecay);
  const stepper = new StateStepper(name, o.backend as Backend | undefined, amsgrad ? 3 : 2);
  const c: AdamCoefficients = {
    beta1,
    oneMinusBeta1: 1 - beta1,
    beta2,
    oneMinusBeta2: 1 - beta2,
    stepSize: 0,
    biasCorrection2Sqrt: 0,
    epsilon,
    weightDecay,
    decay: 1,
    decoupled,
    amsgrad,
  };
  let steps = 0;
  // β^t as running products: one multiplication a step, the same bits in every engine
  // (Math.pow differs in the last bit between engines).
  let beta1Power = 1;
  let beta2Power = 1;
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
      stepper.run(params, grads, (kernels, p, g, state) => {
        const b1t = beta1Power * beta1;
        const b2t = beta2Power * beta2;
        c.stepSize = learningRate / (1 - b1t);
        c.biasCorrection2Sqrt = Math.sqrt(1 - b2t);
        c.decay = 1 - learningRate * weightDecay;
        kernels.adam(p, g, state[0], state[1], amsgrad ? state[2] : null, c);
        beta1Power = b1t;
        beta2Power = b2t;
      });
      steps++;
    },
    reset() {
      stepper.reset();
      steps = 0;
      beta1Power = beta2Power = 1;
    },
  };
}
