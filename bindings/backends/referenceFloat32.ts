import type {
  AdadeltaCoefficients, AdagradCoefficients, AdamaxCoefficients, AdamCoefficients, KernelSet,
  LionCoefficients, NadamCoefficients, RmspropCoefficients, SgdCoefficients,
} from "./Kernels";
import { referenceShared } from "./referenceShared";

const { dot, maxAbs, sameLength } = referenceShared;

/**
 * The float32 reference kernels: the float64 rules with `Math.fround` after every
 * single operation, so they compute exactly what WebAssembly's f32 instructions compute
 * (+, −, ×, ÷ and √ done in float64 and rounded once to float32 are correctly rounded,
 * since 53 ≥ 2·24 + 2). Scalars such as the learning rate are rounded to float32 once,
 * on entry, as the WebAssembly kernels do. `Math.fround` is written out at every use so
 * that engines inline it.
 */
export const referenceFloat32: KernelSet<Float32Array> = {
  fill(x, value) {
    x.fill(Math.fround(value));
  },
  copy(source, target) {
    sameLength("copy", source, target, "target");
    target.set(source);
  },
  scale(alpha, x) {
    const a = Math.fround(alpha);
    for (let i = 0; i < x.length; i++) x[i] = Math.fround(a * x[i]);
  },
  axpy(alpha, x, y) {
    sameLength("axpy", x, y, "y");
    const a = Math.fround(alpha);
    for (let i = 0; i < y.length; i++) y[i] = Math.fround(y[i] + Math.fround(a * x[i]));
  },
  multiply(x, y, out) {
    sameLength("multiply", x, y, "y");
    sameLength("multiply", x, out, "out");
    for (let i = 0; i < out.length; i++) out[i] = Math.fround(x[i] * y[i]);
  },
  dot(x, y) {
    sameLength("dot", x, y, "y");
    return dot(x, y);
  },
  squaredNorm(x) {
    return dot(x, x);
  },
  maxAbs,
  sgd(params, grads, buffer, c: SgdCoefficients) {
    sameLength("sgd", params, grads, "grads");
    if (c.momentum !== 0) sameLength("sgd", params, buffer, "buffer");
    const lr = Math.fround(c.learningRate), mu = Math.fround(c.momentum);
    const omd = Math.fround(c.oneMinusDampening), wd = Math.fround(c.weightDecay);
    const decay = c.weightDecay !== 0, useMomentum = c.momentum !== 0;
    const { nesterov, firstStep } = c;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let g = grads[i];
      if (decay) g = Math.fround(g + Math.fround(wd * p));
      if (useMomentum) {
        const b = firstStep ? g : Math.fround(Math.fround(mu * buffer![i]) + Math.fround(omd * g));
        buffer![i] = b;
        g = nesterov ? Math.fround(g + Math.fround(mu * b)) : b;
      }
      params[i] = Math.fround(p - Math.fround(lr * g));
    }
  },
  adam(params, grads, m, v, vmax, c: AdamCoefficients) {
    sameLength("adam", params, grads, "grads");
    sameLength("adam", params, m, "m");
    sameLength("adam", params, v, "v");
    if (c.amsgrad) sameLength("adam", params, vmax, "vmax");
    const b1 = Math.fround(c.beta1), c1 = Math.fround(c.oneMinusBeta1);
    const b2 = Math.fround(c.beta2), c2 = Math.fround(c.oneMinusBeta2);
    const step = Math.fround(c.stepSize), bc2 = Math.fround(c.biasCorrection2Sqrt), eps = Math.fround(c.epsilon);
    const wd = Math.fround(c.weightDecay), dec = Math.fround(c.decay);
    const { decoupled, amsgrad } = c;
    const l2 = !decoupled && c.weightDecay !== 0;
    for (let i = 0; i < params.length; i++) {
      let p = params[i];
      let g = grads[i];
      if (decoupled) p = Math.fround(p * dec);
      if (l2) g = Math.fround(g + Math.fround(wd * p));
      const mi = Math.fround(Math.fround(b1 * m[i]) + Math.fround(c1 * g));
      let vi = Math.fround(Math.fround(b2 * v[i]) + Math.fround(c2 * Math.fround(g * g)));
      m[i] = mi;
      v[i] = vi;
      if (amsgrad) {
        vi = Math.max(vmax![i], vi);
        vmax![i] = vi;
      }
      const denom = Math.fround(Math.fround(Math.fround(Math.sqrt(vi)) / bc2) + eps);
      params[i] = Math.fround(p - Math.fround(step * Math.fround(mi / denom)));
    }
  },
  adagrad(params, grads, sum, c: AdagradCoefficients) {
    sameLength("adagrad", params, grads, "grads");
    sameLength("adagrad", params, sum, "sum");
    const lr = Math.fround(c.learningRate), eps = Math.fround(c.epsilon), wd = Math.fround(c.weightDecay);
    const decay = c.weightDecay !== 0;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let g = grads[i];
      if (decay) g = Math.fround(g + Math.fround(wd * p));
      const s = Math.fround(sum[i] + Math.fround(g * g));
      sum[i] = s;
      const std = Math.fround(Math.fround(Math.sqrt(s)) + eps);
      params[i] = Math.fround(p - Math.fround(lr * Math.fround(g / std)));
    }
  },
  rmsprop(params, grads, v, gradAverage, buffer, c: RmspropCoefficients) {
    sameLength("rmsprop", params, grads, "grads");
    sameLength("rmsprop", params, v, "v");
    if (c.centered) sameLength("rmsprop", params, gradAverage, "gradAverage");
    if (c.momentum !== 0) sameLength("rmsprop", params, buffer, "buffer");
    const lr = Math.fround(c.learningRate), a = Math.fround(c.alpha), ca = Math.fround(c.oneMinusAlpha);
    const eps = Math.fround(c.epsilon), wd = Math.fround(c.weightDecay), mu = Math.fround(c.momentum);
    const decay = c.weightDecay !== 0, useMomentum = c.momentum !== 0, centered = c.centered;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let g = grads[i];
      if (decay) g = Math.fround(g + Math.fround(wd * p));
      const vi = Math.fround(Math.fround(a * v[i]) + Math.fround(ca * Math.fround(g * g)));
      v[i] = vi;
      let d: number;
      if (centered) {
        const gi = Math.fround(Math.fround(a * gradAverage![i]) + Math.fround(ca * g));
        gradAverage![i] = gi;
        d = Math.fround(Math.fround(Math.sqrt(Math.fround(vi - Math.fround(gi * gi)))) + eps);
      } else {
        d = Math.fround(Math.fround(Math.sqrt(vi)) + eps);
      }
      if (useMomentum) {
        const b = Math.fround(Math.fround(mu * buffer![i]) + Math.fround(g / d));
        buffer![i] = b;
        params[i] = Math.fround(p - Math.fround(lr * b));
      } else {
        params[i] = Math.fround(p - Math.fround(lr * Math.fround(g / d)));
      }
    }
  },
  adadelta(params, grads, v, u, c: AdadeltaCoefficients) {
    sameLength("adadelta", params, grads, "grads");
    sameLength("adadelta", params, v, "v");
    sameLength("adadelta", params, u, "u");
    const lr = Math.fround(c.learningRate), r = Math.fround(c.rho), cr = Math.fround(c.oneMinusRho);
    const eps = Math.fround(c.epsilon), wd = Math.fround(c.weightDecay);
    const decay = c.weightDecay !== 0;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let g = grads[i];
      if (decay) g = Math.fround(g + Math.fround(wd * p));
      const vi = Math.fround(Math.fround(r * v[i]) + Math.fround(cr * Math.fround(g * g)));
      v[i] = vi;
      const ui = u[i];
      const std = Math.fround(Math.sqrt(Math.fround(vi + eps)));
      const delta = Math.fround(Math.fround(Math.fround(Math.sqrt(Math.fround(ui + eps))) / std) * g);
      u[i] = Math.fround(Math.fround(r * ui) + Math.fround(cr * Math.fround(delta * delta)));
      params[i] = Math.fround(p - Math.fround(lr * delta));
    }
  },
  adamax(params, grads, m, u, c: AdamaxCoefficients) {
    sameLength("adamax", params, grads, "grads");
    sameLength("adamax", params, m, "m");
    sameLength("adamax", params, u, "u");
    const b1 = Math.fround(c.beta1), c1 = Math.fround(c.oneMinusBeta1), b2 = Math.fround(c.beta2);
    const step = Math.fround(c.stepSize), eps = Math.fround(c.epsilon), wd = Math.fround(c.weightDecay);
    const decay = c.weightDecay !== 0;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let g = grads[i];
      if (decay) g = Math.fround(g + Math.fround(wd * p));
      const mi = Math.fround(Math.fround(b1 * m[i]) + Math.fround(c1 * g));
      const ui = Math.max(Math.fround(b2 * u[i]), Math.fround(Math.abs(g) + eps));
      m[i] = mi;
      u[i] = ui;
      params[i] = Math.fround(p - Math.fround(step * Math.fround(mi / ui)));
    }
  },
  nadam(params, grads, m, v, c: NadamCoefficients) {
    sameLength("nadam", params, grads, "grads");
    sameLength("nadam", params, m, "m");
    sameLength("nadam", params, v, "v");
    const b1 = Math.fround(c.beta1), c1 = Math.fround(c.oneMinusBeta1), b2 = Math.fround(c.beta2);
    const c2 = Math.fround(c.oneMinusBeta2), bc2 = Math.fround(c.biasCorrection2);
    const gc = Math.fround(c.gradientCoefficient), mc = Math.fround(c.momentumCoefficient), eps = Math.fround(c.epsilon);
    const wd = Math.fround(c.weightDecay), dec = Math.fround(c.decay);
    const decoupled = c.decoupled, l2 = !c.decoupled && c.weightDecay !== 0;
    for (let i = 0; i < params.length; i++) {
      let p = params[i];
      let g = grads[i];
      if (decoupled) p = Math.fround(p * dec);
      if (l2) g = Math.fround(g + Math.fround(wd * p));
      const mi = Math.fround(Math.fround(b1 * m[i]) + Math.fround(c1 * g));
      const vi = Math.fround(Math.fround(b2 * v[i]) + Math.fround(c2 * Math.fround(g * g)));
      m[i] = mi;
      v[i] = vi;
      const d = Math.fround(Math.fround(Math.sqrt(Math.fround(vi / bc2))) + eps);
      p = Math.fround(p - Math.fround(gc * Math.fround(g / d)));
      params[i] = Math.fround(p - Math.fround(mc * Math.fround(mi / d)));
    }
  },
  lion(params, grads, m, c: LionCoefficients) {
    sameLength("lion", params, grads, "grads");
    sameLength("lion", params, m, "m");
    const lr = Math.fround(c.learningRate), b1 = Math.fround(c.beta1), c1 = Math.fround(c.oneMinusBeta1);
    const b2 = Math.fround(c.beta2), c2 = Math.fround(c.oneMinusBeta2), dec = Math.fround(c.decay);
    const decoupled = c.decay !== 1;
    for (let i = 0; i < params.length; i++) {
      let p = params[i];
      const g = grads[i];
      const mOld = m[i];
      if (decoupled) p = Math.fround(p * dec);
      const d = Math.fround(Math.fround(b1 * mOld) + Math.fround(c1 * g));
      params[i] = Math.fround(p - Math.fround(lr * (d > 0 ? 1 : d < 0 ? -1 : d * 0)));
      m[i] = Math.fround(Math.fround(b2 * mOld) + Math.fround(c2 * g));
    }
  },
};
