// Loss functions of model outputs o[m×c] against targets, with their gradient with
// respect to the outputs, in one pass. Returns (1/m)·Σ_i s_i·ℓ_i, where s_i is the
// sample's scale (scale = 0 means s_i = 1) — per-sample weights and per-group
// normalization both arrive as these scales — and, when grad ≠ 0, writes
// grad[i][k] = ∂/∂o_ik of that value. invCount is 1/m, computed by the host.
//
//   kind 0  mse                 ℓ = (1/c)·Σ_k r_k²,  r = o − y
//   kind 1  mae                 ℓ = (1/c)·Σ_k |r_k|            (gradient sign r, 0 at 0)
//   kind 2  huber (δ = delta)   ℓ = (1/c)·Σ_k h(r_k), h = ½r² (|r| ≤ δ), δ(|r| − ½δ) otherwise
//   kind 3  binary cross-entropy from logits z = o, targets y ∈ [0, 1]:
//                               ℓ = (1/c)·Σ_k max(z, 0) − z·y + log(1 + e^−|z|),  ∂ = σ(z) − y
//   kind 4  softmax cross-entropy, one class label y per sample:
//                               ℓ = log Σ_k e^(z_k − M) − (z_y − M),  M = max_k z_k,  ∂ = softmax − onehot
//   kind 5  hinge: c = 1, y ∈ {0, 1}, t = 2y − 1:  ℓ = max(0, 1 − t·z)
//                  c > 1, class label y (Crammer–Singer):  ℓ = max(0, 1 + max_{k≠y} z_k − z_y)
//   kind 6  zero-one (evaluation): c = 1: [ (z > 0) ≠ (y > ½) ];  c > 1: [ argmax z ≠ y ];  gradient 0
//
// Per-sample losses are summed in float64 in sample order; each sample's loss is
// computed in T (the products of mse in float64). The loops are scalar in both builds,
// and exp/log are AssemblyScript's own, so both binaries give the same bits.

import { at } from "../lanes";
import { expT, log1pT, logT } from "./precisionMath";

const MSE: i32 = 0;
const MAE: i32 = 1;
const HUBER: i32 = 2;
const BINARY_CROSS_ENTROPY: i32 = 3;
const SOFTMAX_CROSS_ENTROPY: i32 = 4;
const HINGE: i32 = 5;

// @ts-ignore: decorator
@inline function loss<T>(
  kind: i32, outputs: usize, targets: usize, scale: usize, grad: usize, m: i32, c: i32, delta: f64, invCount: f64,
): f64 {
  let total = 0.0;
  const perOutput = kind <= BINARY_CROSS_ENTROPY || (kind == HINGE && c == 1);
  for (let i = 0; i < m; i++) {
    const s = scale != 0 ? <f64>load<T>(at<T>(scale, i)) : 1.0;
    const o = at<T>(outputs, i * c);
    const g = grad != 0 ? at<T>(grad, i * c) : 0;
    let li = 0.0;
    if (perOutput) {
      const y = at<T>(targets, i * c);
      if (kind == MSE) {
        const coef = <T>(s * invCount * 2.0 / <f64>c);
        for (let k = 0; k < c; k++) {
          const r: T = load<T>(at<T>(o, k)) - load<T>(at<T>(y, k));
          li += <f64>r * <f64>r;
          if (g != 0) store<T>(at<T>(g, k), coef * r);
        }
      } else if (kind == MAE) {
        const coef = <T>(s * invCount / <f64>c);
        for (let k = 0; k < c; k++) {
          const r: T = load<T>(at<T>(o, k)) - load<T>(at<T>(y, k));
          li += abs<f64>(<f64>r);
          if (g != 0) store<T>(at<T>(g, k), r > <T>0 ? coef : r < <T>0 ? -coef : <T>0);
        }
      } else if (kind == HUBER) {
        const coef = <T>(s * invCount / <f64>c);
        for (let k = 0; k < c; k++) {
          const r: T = load<T>(at<T>(o, k)) - load<T>(at<T>(y, k));
          const a = abs<f64>(<f64>r);
          const inside = a <= delta;
          li += inside ? 0.5 * <f64>r * <f64>r : delta * (a - 0.5 * delta);
          if (g != 0) store<T>(at<T>(g, k), coef * (inside ? r : r > <T>0 ? <T>delta : <T>(-delta)));
        }
      } else if (kind == BINARY_CROSS_ENTROPY) {
        const coef = <T>(s * invCount / <f64>c);
        for (let k = 0; k < c; k++) {
          const z = load<T>(at<T>(o, k)), t = load<T>(at<T>(y, k));
          const e = expT<T>(-abs<T>(z)); // shared by the loss and σ(z) (sigmoidT's two branches)
          const h: T = (max<T>(z, <T>0) - z * t) + log1pT<T>(e);
          li += <f64>h;
          if (g != 0) {
            const sigma: T = z >= <T>0 ? <T>1 / (<T>1 + e) : e / (<T>1 + e);
            store<T>(at<T>(g, k), coef * (sigma - t));
          }
        }
      } else {
        // binary hinge, c = 1
        const coef = <T>(s * invCount);
        const z = load<T>(o), t: T = load<T>(y) > <T>0.5 ? <T>1 : <T>(-1);
        const margin: T = t * z;
        li = <f64>max<T>(<T>0, <T>1 - margin);
        if (g != 0) store<T>(g, margin < <T>1 ? coef * -t : <T>0);
      }
      if (c > 1) li = li / <f64>c;
    } else {
      const label = <i32>load<T>(at<T>(targets, i));
      const zy = load<T>(at<T>(o, label));
      if (kind == SOFTMAX_CROSS_ENTROPY) {
        let top = load<T>(o);
        for (let k = 1; k < c; k++) top = max<T>(top, load<T>(at<T>(o, k)));
        let sum = <T>0;
        for (let k = 0; k < c; k++) {
          const e = expT<T>(load<T>(at<T>(o, k)) - top);
          sum += e;
          if (g != 0) store<T>(at<T>(g, k), e);
        }
        li = <f64>(logT<T>(sum) - (zy - top));
        if (g != 0) {
          const coef = <T>(s * invCount);
          for (let k = 0; k < c; k++) {
            const pk: T = load<T>(at<T>(g, k)) / sum;
            store<T>(at<T>(g, k), coef * (k == label ? pk - <T>1 : pk));
          }
        }
      } else if (kind == HINGE) {
        // Crammer–Singer: the best wrong class, the first one on ties.
        let best = <T>(-Infinity);
        let bestK = label == 0 ? 1 : 0;
        for (let k = 0; k < c; k++) {
          if (k == label) continue;
          const zk = load<T>(at<T>(o, k));
          if (zk > best) {
            best = zk;
            bestK = k;
          }
        }
        const h: T = max<T>(<T>0, (<T>1 + best) - zy);
        li = <f64>h;
        if (g != 0) {
          for (let k = 0; k < c; k++) store<T>(at<T>(g, k), <T>0);
          if (h > <T>0) {
            const coef = <T>(s * invCount);
            store<T>(at<T>(g, bestK), coef);
            store<T>(at<T>(g, label), -coef);
          }
        }
      } else {
        // zero-one, c > 1: the first maximum is the prediction
        let best = load<T>(o);
        let bestK = 0;
        for (let k = 1; k < c; k++) {
          const zk = load<T>(at<T>(o, k));
          if (zk > best) {
            best = zk;
            bestK = k;
          }
        }
        li = bestK != label ? 1.0 : 0.0;
        if (g != 0) for (let k = 0; k < c; k++) store<T>(at<T>(g, k), <T>0);
      }
    }
    total += s * li;
  }
  return total * invCount;
}

// Zero-one loss for c = 1 (kind 6 with one output) goes through here as well.
// @ts-ignore: decorator
@inline function lossDispatch<T>(
  kind: i32, outputs: usize, targets: usize, scale: usize, grad: usize, m: i32, c: i32, delta: f64, invCount: f64,
): f64 {
  if (kind == 6 && c == 1) {
    let total = 0.0;
    for (let i = 0; i < m; i++) {
      const s = scale != 0 ? <f64>load<T>(at<T>(scale, i)) : 1.0;
      const predicted = load<T>(at<T>(outputs, i)) > <T>0;
      const actual = load<T>(at<T>(targets, i)) > <T>0.5;
      total += s * (predicted != actual ? 1.0 : 0.0);
      if (grad != 0) store<T>(at<T>(grad, i), <T>0);
    }
    return total * invCount;
  }
  return loss<T>(kind, outputs, targets, scale, grad, m, c, delta, invCount);
}

export function lossF64(kind: i32, outputs: usize, targets: usize, scale: usize, grad: usize, m: i32, c: i32, delta: f64, invCount: f64): f64 {
  return lossDispatch<f64>(kind, outputs, targets, scale, grad, m, c, delta, invCount);
}
export function lossF32(kind: i32, outputs: usize, targets: usize, scale: usize, grad: usize, m: i32, c: i32, delta: f64, invCount: f64): f64 {
  return lossDispatch<f32>(kind, outputs, targets, scale, grad, m, c, delta, invCount);
}
