import type { AdamCoefficients, KernelSet, SgdCoefficients } from "./Kernels";
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
};
