import type { FloatArray } from "../FloatArray";
import { ACTIVATION, LOSS_CODE, type FactorizationLayout, type ModelKernelSet, type ModelKernels } from "./ModelKernels";

const same = (x: number): number => x;

/**
 * The model kernels in plain TypeScript: the specification of every model kernel, the
 * fallback backend, and the baseline of the benchmarks. Each sum runs in the order the
 * WebAssembly kernels use, and the float32 set rounds with `Math.fround` after every
 * operation, exactly as WebAssembly's f32 instructions do — so results match the WASM
 * backends bit for bit except where exp, log, log1p or tanh enter: those come from the
 * host's Math here (AssemblyScript's own in WebAssembly) and may differ in the last bit
 * or so. Writes into a Float32Array round once, which equals the f32 instruction because
 * a float64 sum or product of two float32 values rounds to the same float32.
 *
 * @example
 * ```ts
 * const k = referenceModelKernels.float64;
 * const c = new Float64Array(2);
 * k.matmul(new Float64Array([1, 2, 3, 4]), new Float64Array([1, 1]), 0, null, 0, c, 2, 2, 1); // c = [3, 7]
 * ```
 */
export const referenceModelKernels: ModelKernels = {
  float64: createReference<Float64Array>(false),
  float32: createReference<Float32Array>(true),
};

function createReference<A extends FloatArray>(single: boolean): ModelKernelSet<A> {
  const r = single ? Math.fround : same;
  const exp = single ? (x: number) => Math.fround(Math.exp(x)) : Math.exp;
  const log = single ? (x: number) => Math.fround(Math.log(x)) : Math.log;
  const log1p = single ? (x: number) => Math.fround(Math.log1p(x)) : Math.log1p;
  const tanh = single ? (x: number) => Math.fround(Math.tanh(x)) : Math.tanh;
  const sigmoid = (z: number): number => {
    if (z >= 0) return r(1 / r(1 + exp(-z)));
    const e = exp(z);
    return r(e / r(1 + e));
  };

  return {
    matmul(a, b, bOffset, bias, biasOffset, c, m, p, n) {
      if (n === 1) {
        // One output column: the dot order of the vector kernels (see assembly/models/dense.ts).
        const body = p & ~3;
        for (let i = 0; i < m; i++) {
          const row = i * p;
          let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
          let k = 0;
          for (; k < body; k += 4) {
            s0 = r(s0 + r(a[row + k] * b[bOffset + k]));
            s1 = r(s1 + r(a[row + k + 1] * b[bOffset + k + 1]));
            s2 = r(s2 + r(a[row + k + 2] * b[bOffset + k + 2]));
            s3 = r(s3 + r(a[row + k + 3] * b[bOffset + k + 3]));
          }
          let total = r(r(s0 + s2) + r(s1 + s3));
          for (; k < p; k++) total = r(total + r(a[row + k] * b[bOffset + k]));
          if (bias) total = r(total + bias[biasOffset]);
          c[i] = total;
        }
        return;
      }
      for (let i = 0; i < m; i++) {
        const rowC = i * n;
        for (let j = 0; j < n; j++) c[rowC + j] = bias ? bias[biasOffset + j] : 0;
        const rowA = i * p;
        for (let k = 0; k < p; k++) {
          const x = a[rowA + k];
          const rowB = bOffset + k * n;
          if (single) for (let j = 0; j < n; j++) c[rowC + j] += Math.fround(x * b[rowB + j]);
          else for (let j = 0; j < n; j++) c[rowC + j] += x * b[rowB + j];
        }
      }
    },
    matmulTransposedA(a, b, c, cOffset, m, p, n) {
      for (let k = 0; k < p; k++) {
        const rowC = cOffset + k * n;
        for (let j = 0; j < n; j++) c[rowC + j] = 0;
        for (let i = 0; i < m; i++) {
          const x = a[i * p + k];
          const rowB = i * n;
          if (single) for (let j = 0; j < n; j++) c[rowC + j] += Math.fround(x * b[rowB + j]);
          else for (let j = 0; j < n; j++) c[rowC + j] += x * b[rowB + j];
        }
      }
    },
    transpose(a, aOffset, t, rows, cols) {
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[aOffset + i * cols + j];
    },
    columnSums(a, s, sOffset, m, n) {
      for (let j = 0; j < n; j++) s[sOffset + j] = 0;
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) s[sOffset + j] += a[i * n + j];
    },
    gatherRows(source, indices, target, count, width) {
      for (let row = 0; row < count; row++) {
        const from = indices[row] * width, to = row * width;
        for (let q = 0; q < width; q++) target[to + q] = source[from + q];
      }
    },
    activate(kind, z, out, count) {
      if (kind === ACTIVATION.identity) {
        if (z !== out) for (let i = 0; i < count; i++) out[i] = z[i];
      } else if (kind === ACTIVATION.relu) {
        for (let i = 0; i < count; i++) out[i] = Math.max(z[i], 0);
      } else if (kind === ACTIVATION.tanh) {
        for (let i = 0; i < count; i++) out[i] = tanh(z[i]);
      } else {
        for (let i = 0; i < count; i++) out[i] = sigmoid(z[i]);
      }
    },
    activateBackward(kind, a, d, out, count) {
      if (kind === ACTIVATION.identity) {
        if (d !== out) for (let i = 0; i < count; i++) out[i] = d[i];
      } else if (kind === ACTIVATION.relu) {
        for (let i = 0; i < count; i++) out[i] = a[i] > 0 ? d[i] : 0;
      } else if (kind === ACTIVATION.tanh) {
        for (let i = 0; i < count; i++) out[i] = d[i] * r(1 - r(a[i] * a[i]));
      } else {
        for (let i = 0; i < count; i++) out[i] = d[i] * r(a[i] * r(1 - a[i]));
      }
    },
    batchNormForward(z, params, gammaOffset, betaOffset, out, xhat, mean, variance, invStd, m, n, epsilon) {
      const eps = r(epsilon);
      for (let j = 0; j < n; j++) mean[j] = variance[j] = 0;
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) mean[j] += z[i * n + j];
      for (let j = 0; j < n; j++) mean[j] = mean[j] / m;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          const d = r(z[i * n + j] - mean[j]);
          variance[j] += r(d * d);
        }
      }
      for (let j = 0; j < n; j++) {
        const v = (variance[j] = variance[j] / m);
        invStd[j] = 1 / r(Math.sqrt(r(v + eps)));
      }
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          const xh = r(r(z[i * n + j] - mean[j]) * invStd[j]);
          xhat[i * n + j] = xh;
          out[i * n + j] = r(params[gammaOffset + j] * xh) + params[betaOffset + j];
        }
      }
    },
    batchNormBackward(dy, xhat, params, gammaOffset, invStd, dz, grads, gammaGradOffset, betaGradOffset, m, n) {
      const scale = r(1 / m);
      for (let j = 0; j < n; j++) grads[gammaGradOffset + j] = grads[betaGradOffset + j] = 0;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          const d = dy[i * n + j];
          grads[betaGradOffset + j] += d;
          grads[gammaGradOffset + j] += r(d * xhat[i * n + j]);
        }
      }
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          const k = r(params[gammaOffset + j] * invStd[j]);
          const mb = r(grads[betaGradOffset + j] * scale);
          const mg = r(grads[gammaGradOffset + j] * scale);
          dz[i * n + j] = k * r(r(dy[i * n + j] - mb) - r(xhat[i * n + j] * mg));
        }
      }
    },
    batchNormInference(z, params, gammaOffset, betaOffset, runningMean, runningVariance, out, m, n, epsilon) {
      const eps = r(epsilon);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          const s = r(1 / r(Math.sqrt(r(runningVariance[j] + eps))));
          const xh = r(r(z[i * n + j] - runningMean[j]) * s);
          out[i * n + j] = r(params[gammaOffset + j] * xh) + params[betaOffset + j];
        }
      }
    },
    loss(kind, outputs, targets, scale, grad, m, c, delta) {
      const invCount = 1 / m;
      let total = 0;
      if (kind === LOSS_CODE.zeroOne && c === 1) {
        for (let i = 0; i < m; i++) {
          const s = scale ? scale[i] : 1;
          total += s * (outputs[i] > 0 !== targets[i] > 0.5 ? 1 : 0);
          if (grad) grad[i] = 0;
        }
        return total * invCount;
      }
      const perOutput = kind <= LOSS_CODE.binaryCrossEntropy || (kind === LOSS_CODE.hinge && c === 1);
      const deltaT = r(delta);
      for (let i = 0; i < m; i++) {
        const s = scale ? scale[i] : 1;
        const o = i * c;
        let li = 0;
        if (perOutput) {
          if (kind === LOSS_CODE.mse) {
            const coef = r((s * invCount * 2) / c);
            for (let k = 0; k < c; k++) {
              const res = r(outputs[o + k] - targets[o + k]);
              li += res * res;
              if (grad) grad[o + k] = coef * res;
            }
          } else if (kind === LOSS_CODE.mae) {
            const coef = r((s * invCount) / c);
            for (let k = 0; k < c; k++) {
              const res = r(outputs[o + k] - targets[o + k]);
              li += Math.abs(res);
              if (grad) grad[o + k] = res > 0 ? coef : res < 0 ? -coef : 0;
            }
          } else if (kind === LOSS_CODE.huber) {
            const coef = r((s * invCount) / c);
            for (let k = 0; k < c; k++) {
              const res = r(outputs[o + k] - targets[o + k]);
              const a = Math.abs(res);
              const inside = a <= delta;
              li += inside ? 0.5 * res * res : delta * (a - 0.5 * delta);
              if (grad) grad[o + k] = coef * (inside ? res : res > 0 ? deltaT : -deltaT);
            }
          } else if (kind === LOSS_CODE.binaryCrossEntropy) {
            const coef = r((s * invCount) / c);
            for (let k = 0; k < c; k++) {
              const z = outputs[o + k], t = targets[o + k];
              const e = exp(-Math.abs(z));
              li += r(r(Math.max(z, 0) - r(z * t)) + log1p(e));
              if (grad) grad[o + k] = coef * r((z >= 0 ? r(1 / r(1 + e)) : r(e / r(1 + e))) - t);
            }
          } else {
            const coef = r(s * invCount);
            const z = outputs[o], t = targets[o] > 0.5 ? 1 : -1;
            const margin = r(t * z);
            li = Math.max(0, r(1 - margin));
            if (grad) grad[o] = margin < 1 ? coef * -t : 0;
          }
          if (c > 1) li = li / c;
        } else {
          const label = targets[i];
          const zy = outputs[o + label];
          if (kind === LOSS_CODE.softmaxCrossEntropy) {
            let top = outputs[o];
            for (let k = 1; k < c; k++) top = Math.max(top, outputs[o + k]);
            let sum = 0;
            for (let k = 0; k < c; k++) {
              const e = exp(r(outputs[o + k] - top));
              sum = r(sum + e);
              if (grad) grad[o + k] = e;
            }
            li = r(log(sum) - r(zy - top));
            if (grad) {
              const coef = r(s * invCount);
              for (let k = 0; k < c; k++) {
                const pk = r(grad[o + k] / sum);
                grad[o + k] = coef * (k === label ? r(pk - 1) : pk);
              }
            }
          } else if (kind === LOSS_CODE.hinge) {
            let best = -Infinity;
            let bestK = label === 0 ? 1 : 0;
            for (let k = 0; k < c; k++) {
              if (k === label) continue;
              if (outputs[o + k] > best) {
                best = outputs[o + k];
                bestK = k;
              }
            }
            const h = Math.max(0, r(r(1 + best) - zy));
            li = h;
            if (grad) {
              for (let k = 0; k < c; k++) grad[o + k] = 0;
              if (h > 0) {
                const coef = r(s * invCount);
                grad[o + bestK] = coef;
                grad[o + label] = -coef;
              }
            }
          } else {
            let best = outputs[o];
            let bestK = 0;
            for (let k = 1; k < c; k++) {
              if (outputs[o + k] > best) {
                best = outputs[o + k];
                bestK = k;
              }
            }
            li = bestK !== label ? 1 : 0;
            if (grad) for (let k = 0; k < c; k++) grad[o + k] = 0;
          }
        }
        total += s * li;
      }
      return total * invCount;
    },
    factorizationForward(pairs, params, layout: FactorizationLayout, out, m) {
      const { rank, userFactors, itemFactors, userBias, itemBias, globalBias, biases } = layout;
      for (let s = 0; s < m; s++) {
        const u = pairs[2 * s], i = pairs[2 * s + 1];
        let acc = 0;
        if (biases) acc = r(r(params[globalBias] + params[userBias + u]) + params[itemBias + i]);
        const pu = userFactors + u * rank, qi = itemFactors + i * rank;
        for (let k = 0; k < rank; k++) acc = r(acc + r(params[pu + k] * params[qi + k]));
        out[s] = acc;
      }
    },
    factorizationBackward(pairs, delta, params, grads, layout: FactorizationLayout, m) {
      const { rank, userFactors, itemFactors, userBias, itemBias, globalBias, biases } = layout;
      for (let s = 0; s < m; s++) {
        const u = pairs[2 * s], i = pairs[2 * s + 1];
        const d = delta[s];
        const pu = userFactors + u * rank, qi = itemFactors + i * rank;
        for (let k = 0; k < rank; k++) {
          const pk = params[pu + k], qk = params[qi + k];
          grads[pu + k] += r(d * qk);
          grads[qi + k] += r(d * pk);
        }
        if (biases) {
          grads[userBias + u] += d;
          grads[itemBias + i] += d;
          grads[globalBias] += d;
        }
      }
    },
    addScaled(alpha, x, xOffset, y, yOffset, count) {
      const a = r(alpha);
      for (let i = 0; i < count; i++) y[yOffset + i] += r(a * x[xOffset + i]);
    },
    squaredNorm(x, offset, count) {
      const body = count & ~3;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let i = 0;
      for (; i < body; i += 4) {
        const a = x[offset + i], b = x[offset + i + 1], c = x[offset + i + 2], d = x[offset + i + 3];
        s0 += a * a;
        s1 += b * b;
        s2 += c * c;
        s3 += d * d;
      }
      let total = s0 + s2 + (s1 + s3);
      for (; i < count; i++) total += x[offset + i] * x[offset + i];
      return total;
    },
    fill(x, value) {
      x.fill(r(value));
    },
    firstNonFinite(x, count) {
      for (let i = 0; i < count; i++) if (x[i] - x[i] !== 0) return i;
      return -1;
    },
  };
}
