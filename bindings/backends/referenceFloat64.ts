import type { AdamCoefficients, KernelSet, SgdCoefficients } from "./Kernels";
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
};
