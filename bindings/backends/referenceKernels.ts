import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";
import type { AdamCoefficients, KernelSet, Kernels, SgdCoefficients } from "./Kernels";

/**
 * The pure-TypeScript kernels: the reference every other backend must reproduce, and
 * the fallback where WebAssembly is unavailable.
 *
 * The float32 set rounds after every single operation with `Math.fround`, so it
 * computes exactly what WebAssembly's f32 instructions compute (+, −, ×, ÷ and √ done
 * in float64 and rounded once to float32 are correctly rounded, since 53 ≥ 2·24 + 2).
 * Scalars such as the learning rate are rounded to float32 once, on entry, as the
 * WebAssembly kernels do.
 */
export const referenceKernels: Kernels = {
  float64: createSet<Float64Array>((x) => x),
  float32: createSet<Float32Array>(Math.fround),
};

/**
 * One kernel set, written once for both precisions: `r` rounds a float64 result to the
 * working precision (identity for float64, Math.fround for float32).
 */
function createSet<A extends FloatArray>(r: (x: number) => number): KernelSet<A> {
  return {
    fill(x, value) {
      x.fill(r(value));
    },
    copy(source, target) {
      sameLength("copy", source, target, "target");
      target.set(source);
    },
    scale(alpha, x) {
      const a = r(alpha);
      for (let i = 0; i < x.length; i++) x[i] = r(a * x[i]);
    },
    axpy(alpha, x, y) {
      sameLength("axpy", x, y, "y");
      const a = r(alpha);
      for (let i = 0; i < y.length; i++) y[i] = r(y[i] + r(a * x[i]));
    },
    dot(x, y) {
      sameLength("dot", x, y, "y");
      return dot(x, y);
    },
    squaredNorm(x) {
      return dot(x, x);
    },
    maxAbs(x) {
      let best = 0;
      for (let i = 0; i < x.length; i++) best = Math.max(best, Math.abs(x[i]));
      return best;
    },
    sgd(params, grads, buffer, c: SgdCoefficients) {
      sameLength("sgd", params, grads, "grads");
      if (c.momentum !== 0) sameLength("sgd", params, buffer!, "buffer");
      const lr = r(c.learningRate), mu = r(c.momentum), omd = r(c.oneMinusDampening), wd = r(c.weightDecay);
      const decay = c.weightDecay !== 0, useMomentum = c.momentum !== 0;
      for (let i = 0; i < params.length; i++) {
        const p = params[i];
        let g = grads[i];
        if (decay) g = r(g + r(wd * p));
        if (useMomentum) {
          const b = c.firstStep ? g : r(r(mu * buffer![i]) + r(omd * g));
          buffer![i] = b;
          g = c.nesterov ? r(g + r(mu * b)) : b;
        }
        params[i] = r(p - r(lr * g));
      }
    },
    adam(params, grads, m, v, vmax, c: AdamCoefficients) {
      sameLength("adam", params, grads, "grads");
      sameLength("adam", params, m, "m");
      sameLength("adam", params, v, "v");
      if (c.amsgrad) sameLength("adam", params, vmax!, "vmax");
      const b1 = r(c.beta1), c1 = r(c.oneMinusBeta1), b2 = r(c.beta2), c2 = r(c.oneMinusBeta2);
      const step = r(c.stepSize), bc2 = r(c.biasCorrection2Sqrt), eps = r(c.epsilon);
      const wd = r(c.weightDecay), dec = r(c.decay);
      const l2 = !c.decoupled && c.weightDecay !== 0;
      for (let i = 0; i < params.length; i++) {
        let p = params[i];
        let g = grads[i];
        if (c.decoupled) p = r(p * dec);
        if (l2) g = r(g + r(wd * p));
        const mi = r(r(b1 * m[i]) + r(c1 * g));
        let vi = r(r(b2 * v[i]) + r(c2 * r(g * g)));
        m[i] = mi;
        v[i] = vi;
        if (c.amsgrad) {
          vi = Math.max(vmax![i], vi);
          vmax![i] = vi;
        }
        const denom = r(r(r(Math.sqrt(vi)) / bc2) + eps);
        params[i] = r(p - r(step * r(mi / denom)));
      }
    },
  };
}

/**
 * Σ x_i·y_i in the order every backend uses: four interleaved partial sums over the
 * first 4⌊n/4⌋ terms, combined as (s0 + s2) + (s1 + s3), then the tail in order.
 * Products and sums are float64 for both precisions.
 */
function dot(x: FloatArray, y: FloatArray): number {
  const n = x.length;
  const body = n & ~3;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i < body; i += 4) {
    s0 += x[i] * y[i];
    s1 += x[i + 1] * y[i + 1];
    s2 += x[i + 2] * y[i + 2];
    s3 += x[i + 3] * y[i + 3];
  }
  let total = s0 + s2 + (s1 + s3);
  for (; i < n; i++) total += x[i] * y[i];
  return total;
}

function sameLength(kernel: string, a: FloatArray, b: FloatArray, name: string): void {
  if (b === null || b.length !== a.length) {
    throw new DownhillError(
      "LENGTH_MISMATCH",
      `${kernel}: ${name} has length ${b === null ? "null" : b.length}, expected ${a.length}.`,
      name,
    );
  }
}
