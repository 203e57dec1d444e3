// Batch normalization (Ioffe & Szegedy 2015) over the rows of z[m×n], one feature per
// column. Training mode, per column j, with every sum over rows i ascending from 0:
//
//   μ_j   = (Σ_i z_ij) / m
//   σ²_j  = (Σ_i (z_ij − μ_j)·(z_ij − μ_j)) / m              (biased, as in the paper)
//   s_j   = 1 / √(σ²_j + ε)
//   x̂_ij  = (z_ij − μ_j)·s_j
//   y_ij  = γ_j·x̂_ij + β_j
//
// Backward, from δ_ij = ∂L/∂y_ij, with r = 1/m:
//
//   ∂L/∂β_j = Σ_i δ_ij        ∂L/∂γ_j = Σ_i δ_ij·x̂_ij
//   ∂L/∂z_ij = (γ_j·s_j)·((δ_ij − ∂L/∂β_j·r) − x̂_ij·(∂L/∂γ_j·r))
//
// Inference uses the running statistics: y = γ·((z − μ̄)·(1/√(σ̄² + ε))) + β.
// Column sums are accumulated row by row into the output vectors, so the SIMD build
// (lanes = columns) performs the scalar build's operations on every element.

import { lanes, at } from "../lanes";

// @ts-ignore: decorator
@inline function forward<T>(
  z: usize, gamma: usize, beta: usize, out: usize, xhat: usize,
  mean: usize, variance: usize, invStd: usize, m: i32, n: i32, epsilon: f64,
): void {
  const eps = <T>epsilon, count = <T>m;
  for (let j = 0; j < n; j++) {
    store<T>(at<T>(mean, j), <T>0);
    store<T>(at<T>(variance, j), <T>0);
  }
  for (let i = 0; i < m; i++) {
    const row = at<T>(z, i * n);
    let j = 0;
    if (ASC_FEATURE_SIMD) {
      for (; j + lanes<T>() <= n; j += lanes<T>()) {
        const pm = at<T>(mean, j);
        v128.store(pm, v128.add<T>(v128.load(pm), v128.load(at<T>(row, j))));
      }
    }
    for (; j < n; j++) {
      const pm = at<T>(mean, j);
      store<T>(pm, load<T>(pm) + load<T>(at<T>(row, j)));
    }
  }
  for (let j = 0; j < n; j++) store<T>(at<T>(mean, j), load<T>(at<T>(mean, j)) / count);
  for (let i = 0; i < m; i++) {
    const row = at<T>(z, i * n);
    let j = 0;
    if (ASC_FEATURE_SIMD) {
      for (; j + lanes<T>() <= n; j += lanes<T>()) {
        const pv = at<T>(variance, j);
        const d = v128.sub<T>(v128.load(at<T>(row, j)), v128.load(at<T>(mean, j)));
        v128.store(pv, v128.add<T>(v128.load(pv), v128.mul<T>(d, d)));
      }
    }
    for (; j < n; j++) {
      const pv = at<T>(variance, j);
      const d = load<T>(at<T>(row, j)) - load<T>(at<T>(mean, j));
      store<T>(pv, load<T>(pv) + d * d);
    }
  }
  for (let j = 0; j < n; j++) {
    const v = load<T>(at<T>(variance, j)) / count;
    store<T>(at<T>(variance, j), v);
    store<T>(at<T>(invStd, j), <T>1 / sqrt<T>(v + eps));
  }
  for (let i = 0; i < m; i++) {
    const offset = i * n;
    let j = 0;
    if (ASC_FEATURE_SIMD) {
      for (; j + lanes<T>() <= n; j += lanes<T>()) {
        const xh = v128.mul<T>(
          v128.sub<T>(v128.load(at<T>(z, offset + j)), v128.load(at<T>(mean, j))),
          v128.load(at<T>(invStd, j)),
        );
        v128.store(at<T>(xhat, offset + j), xh);
        v128.store(at<T>(out, offset + j), v128.add<T>(v128.mul<T>(v128.load(at<T>(gamma, j)), xh), v128.load(at<T>(beta, j))));
      }
    }
    for (; j < n; j++) {
      const xh: T = (load<T>(at<T>(z, offset + j)) - load<T>(at<T>(mean, j))) * load<T>(at<T>(invStd, j));
      store<T>(at<T>(xhat, offset + j), xh);
      store<T>(at<T>(out, offset + j), load<T>(at<T>(gamma, j)) * xh + load<T>(at<T>(beta, j)));
    }
  }
}

// dz may be dy (in place).
// @ts-ignore: decorator
@inline function backward<T>(
  dy: usize, xhat: usize, gamma: usize, invStd: usize, dz: usize, dgamma: usize, dbeta: usize, m: i32, n: i32,
): void {
  const r = <T>(1.0 / <f64>m);
  for (let j = 0; j < n; j++) {
    store<T>(at<T>(dgamma, j), <T>0);
    store<T>(at<T>(dbeta, j), <T>0);
  }
  for (let i = 0; i < m; i++) {
    const offset = i * n;
    let j = 0;
    if (ASC_FEATURE_SIMD) {
      for (; j + lanes<T>() <= n; j += lanes<T>()) {
        const d = v128.load(at<T>(dy, offset + j));
        const pb = at<T>(dbeta, j), pg = at<T>(dgamma, j);
        v128.store(pb, v128.add<T>(v128.load(pb), d));
        v128.store(pg, v128.add<T>(v128.load(pg), v128.mul<T>(d, v128.load(at<T>(xhat, offset + j)))));
      }
    }
    for (; j < n; j++) {
      const d = load<T>(at<T>(dy, offset + j));
      const pb = at<T>(dbeta, j), pg = at<T>(dgamma, j);
      store<T>(pb, load<T>(pb) + d);
      store<T>(pg, load<T>(pg) + d * load<T>(at<T>(xhat, offset + j)));
    }
  }
  for (let i = 0; i < m; i++) {
    const offset = i * n;
    let j = 0;
    if (ASC_FEATURE_SIMD) {
      const vr = v128.splat<T>(r);
      for (; j + lanes<T>() <= n; j += lanes<T>()) {
        const k = v128.mul<T>(v128.load(at<T>(gamma, j)), v128.load(at<T>(invStd, j)));
        const mb = v128.mul<T>(v128.load(at<T>(dbeta, j)), vr);
        const mg = v128.mul<T>(v128.load(at<T>(dgamma, j)), vr);
        const d = v128.load(at<T>(dy, offset + j));
        const xh = v128.load(at<T>(xhat, offset + j));
        v128.store(at<T>(dz, offset + j), v128.mul<T>(k, v128.sub<T>(v128.sub<T>(d, mb), v128.mul<T>(xh, mg))));
      }
    }
    for (; j < n; j++) {
      const k: T = load<T>(at<T>(gamma, j)) * load<T>(at<T>(invStd, j));
      const mb: T = load<T>(at<T>(dbeta, j)) * r;
      const mg: T = load<T>(at<T>(dgamma, j)) * r;
      const d = load<T>(at<T>(dy, offset + j));
      const xh = load<T>(at<T>(xhat, offset + j));
      store<T>(at<T>(dz, offset + j), k * ((d - mb) - xh * mg));
    }
  }
}

// @ts-ignore: decorator
@inline function inference<T>(
  z: usize, gamma: usize, beta: usize, runningMean: usize, runningVariance: usize, out: usize, m: i32, n: i32, epsilon: f64,
): void {
  const eps = <T>epsilon;
  for (let i = 0; i < m; i++) {
    const offset = i * n;
    let j = 0;
    if (ASC_FEATURE_SIMD) {
      const one = v128.splat<T>(<T>1), veps = v128.splat<T>(eps);
      for (; j + lanes<T>() <= n; j += lanes<T>()) {
        const s = v128.div<T>(one, v128.sqrt<T>(v128.add<T>(v128.load(at<T>(runningVariance, j)), veps)));
        const xh = v128.mul<T>(v128.sub<T>(v128.load(at<T>(z, offset + j)), v128.load(at<T>(runningMean, j))), s);
        v128.store(at<T>(out, offset + j), v128.add<T>(v128.mul<T>(v128.load(at<T>(gamma, j)), xh), v128.load(at<T>(beta, j))));
      }
    }
    for (; j < n; j++) {
      const s: T = <T>1 / sqrt<T>(load<T>(at<T>(runningVariance, j)) + eps);
      const xh: T = (load<T>(at<T>(z, offset + j)) - load<T>(at<T>(runningMean, j))) * s;
      store<T>(at<T>(out, offset + j), load<T>(at<T>(gamma, j)) * xh + load<T>(at<T>(beta, j)));
    }
  }
}

export function batchNormForwardF64(
  z: usize, gamma: usize, beta: usize, out: usize, xhat: usize, mean: usize, variance: usize, invStd: usize, m: i32, n: i32, epsilon: f64,
): void { forward<f64>(z, gamma, beta, out, xhat, mean, variance, invStd, m, n, epsilon); }
export function batchNormForwardF32(
  z: usize, gamma: usize, beta: usize, out: usize, xhat: usize, mean: usize, variance: usize, invStd: usize, m: i32, n: i32, epsilon: f64,
): void { forward<f32>(z, gamma, beta, out, xhat, mean, variance, invStd, m, n, epsilon); }
export function batchNormBackwardF64(
  dy: usize, xhat: usize, gamma: usize, invStd: usize, dz: usize, dgamma: usize, dbeta: usize, m: i32, n: i32,
): void { backward<f64>(dy, xhat, gamma, invStd, dz, dgamma, dbeta, m, n); }
export function batchNormBackwardF32(
  dy: usize, xhat: usize, gamma: usize, invStd: usize, dz: usize, dgamma: usize, dbeta: usize, m: i32, n: i32,
): void { backward<f32>(dy, xhat, gamma, invStd, dz, dgamma, dbeta, m, n); }
export function batchNormInferenceF64(
  z: usize, gamma: usize, beta: usize, runningMean: usize, runningVariance: usize, out: usize, m: i32, n: i32, epsilon: f64,
): void { inference<f64>(z, gamma, beta, runningMean, runningVariance, out, m, n, epsilon); }
export function batchNormInferenceF32(
  z: usize, gamma: usize, beta: usize, runningMean: usize, runningVariance: usize, out: usize, m: i32, n: i32, epsilon: f64,
): void { inference<f32>(z, gamma, beta, runningMean, runningVariance, out, m, n, epsilon); }
