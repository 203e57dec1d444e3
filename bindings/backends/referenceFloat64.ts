import type {
  AdadeltaCoefficients, AdagradCoefficients, AdamaxCoefficients, AdamCoefficients, KernelSet,
  LionCoefficients, NadamCoefficients, RmspropCoefficients, SgdCoefficients,
} from "./Kernels";
import { referenceShared } from "./referenceShared";

const { dot, maxAbs, sameLength } = referenceShared;

/**
 * The float64 reference kernels: each update written exactly as the WebAssembly kernels
 * evaluate it, operation by operation (see {@link KernelSet} for the rules).
 */
export const referenceFloat64: KernelSet<Float64Array> = {
  fill(x, value) {
    x.fill(value);
  },
  copy(source, target) {
    sameLength("copy", source, target, "target");
    target.set(source);
  },
  scale(alpha, x) {
    for (let i = 0; i < x.length; i++) x[i] = alpha * x[i];
  },
  axpy(alpha, x, y) {
    sameLength("axpy", x, y, "y");
    for (let i = 0; i < y.length; i++) y[i] = y[i] + alpha * x[i];
  },
  multiply(x, y, out) {
    sameLength("multiply", x, y, "y");
    sameLength("multiply", x, out, "out");
    for (let i = 0; i < out.length; i++) out[i] = x[i] * y[i];
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
    const { learningRate: lr, momentum: mu, oneMinusDampening: omd, weightDecay: wd, nesterov, firstStep } = c;
    const decay = wd !== 0, useMomentum = mu !== 0;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let g = grads[i];
      if (decay) g = g + wd * p;
      if (useMomentum) {
        const b = firstStep ? g : mu * buffer![i] + omd * g;
        buffer![i] = b;
        g = nesterov ? g + mu * b : b;
      }
      params[i] = p - lr * g;
    }
  },
  adam(params, grads, m, v, vmax, c: AdamCoefficients) {
    sameLength("adam", params, grads, "grads");
    sameLength("adam", params, m, "m");
    sameLength("adam", params, v, "v");
    if (c.amsgrad) sameLength("adam", params, vmax, "vmax");
    const { beta1: b1, oneMinusBeta1: c1, beta2: b2, oneMinusBeta2: c2, stepSize: step } = c;
    const { biasCorrection2Sqrt: bc2, epsilon: eps, weightDecay: wd, decay: dec, decoupled, amsgrad } = c;
    const l2 = !decoupled && wd !== 0;
    for (let i = 0; i < params.length; i++) {
      let p = params[i];
      let g = grads[i];
      if (decoupled) p = p * dec;
      if (l2) g = g + wd * p;
      const mi = b1 * m[i] + c1 * g;
      let vi = b2 * v[i] + c2 * (g * g);
      m[i] = mi;
      v[i] = vi;
      if (amsgrad) {
        vi = Math.max(vmax![i], vi);
        vmax![i] = vi;
      }
      const denom = Math.sqrt(vi) / bc2 + eps;
      params[i] = p - step * (mi / denom);
    }
  },
  adagrad(params, grads, sum, c: AdagradCoefficients) {
    sameLength("adagrad", params, grads, "grads");
    sameLength("adagrad", params, sum, "sum");
    const { learningRate: lr, epsilon: eps, weightDecay: wd } = c;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let g = grads[i];
      if (wd !== 0) g = g + wd * p;
      const s = sum[i] + g * g;
      sum[i] = s;
      params[i] = p - lr * (g / (Math.sqrt(s) + eps));
    }
  },
  rmsprop(params, grads, v, gradAverage, buffer, c: RmspropCoefficients) {
    sameLength("rmsprop", params, grads, "grads");
    sameLength("rmsprop", params, v, "v");
    if (c.centered) sameLength("rmsprop", params, gradAverage, "gradAverage");
    if (c.momentum !== 0) sameLength("rmsprop", params, buffer, "buffer");
    const { learningRate: lr, alpha: a, oneMinusAlpha: ca, epsilon: eps, weightDecay: wd, momentum: mu, centered } = c;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let g = grads[i];
      if (wd !== 0) g = g + wd * p;
      const vi = a * v[i] + ca * (g * g);
      v[i] = vi;
      let d: number;
      if (centered) {
        const gi = a * gradAverage![i] + ca * g;
        gradAverage![i] = gi;
        d = Math.sqrt(vi - gi * gi) + eps;
      } else {
        d = Math.sqrt(vi) + eps;
      }
      if (mu !== 0) {
        const b = mu * buffer![i] + g / d;
        buffer![i] = b;
        params[i] = p - lr * b;
      } else {
        params[i] = p - lr * (g / d);
      }
    }
  },
  adadelta(params, grads, v, u, c: AdadeltaCoefficients) {
    sameLength("adadelta", params, grads, "grads");
    sameLength("adadelta", params, v, "v");
    sameLength("adadelta", params, u, "u");
    const { learningRate: lr, rho: r, oneMinusRho: cr, epsilon: eps, weightDecay: wd } = c;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let g = grads[i];
      if (wd !== 0) g = g + wd * p;
      const vi = r * v[i] + cr * (g * g);
      v[i] = vi;
      const ui = u[i];
      const delta = (Math.sqrt(ui + eps) / Math.sqrt(vi + eps)) * g;
      u[i] = r * ui + cr * (delta * delta);
      params[i] = p - lr * delta;
    }
  },
  adamax(params, grads, m, u, c: AdamaxCoefficients) {
    sameLength("adamax", params, grads, "grads");
    sameLength("adamax", params, m, "m");
    sameLength("adamax", params, u, "u");
    const { beta1: b1, oneMinusBeta1: c1, beta2: b2, stepSize: step, epsilon: eps, weightDecay: wd } = c;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let g = grads[i];
      if (wd !== 0) g = g + wd * p;
      const mi = b1 * m[i] + c1 * g;
      const ui = Math.max(b2 * u[i], Math.abs(g) + eps);
      m[i] = mi;
      u[i] = ui;
      params[i] = p - step * (mi / ui);
    }
  },
  nadam(params, grads, m, v, c: NadamCoefficients) {
    sameLength("nadam", params, grads, "grads");
    sameLength("nadam", params, m, "m");
    sameLength("nadam", params, v, "v");
    const { beta1: b1, oneMinusBeta1: c1, beta2: b2, oneMinusBeta2: c2, biasCorrection2: bc2 } = c;
    const { gradientCoefficient: gc, momentumCoefficient: mc, epsilon: eps, weightDecay: wd, decay: dec, decoupled } = c;
    const l2 = !decoupled && wd !== 0;
    for (let i = 0; i < params.length; i++) {
      let p = params[i];
      let g = grads[i];
      if (decoupled) p = p * dec;
      if (l2) g = g + wd * p;
      const mi = b1 * m[i] + c1 * g;
      const vi = b2 * v[i] + c2 * (g * g);
      m[i] = mi;
      v[i] = vi;
      const d = Math.sqrt(vi / bc2) + eps;
      p = p - gc * (g / d);
      params[i] = p - mc * (mi / d);
    }
  },
  lion(params, grads, m, c: LionCoefficients) {
    sameLength("lion", params, grads, "grads");
    sameLength("lion", params, m, "m");
    const { learningRate: lr, beta1: b1, oneMinusBeta1: c1, beta2: b2, oneMinusBeta2: c2, decay: dec } = c;
    const decoupled = dec !== 1;
    for (let i = 0; i < params.length; i++) {
      let p = params[i];
      const g = grads[i];
      const mOld = m[i];
      if (decoupled) p = p * dec;
      const d = b1 * mOld + c1 * g;
      params[i] = p - lr * (d > 0 ? 1 : d < 0 ? -1 : d * 0);
      m[i] = b2 * mOld + c2 * g;
    }
  },
};
