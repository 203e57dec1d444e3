// Matrix factorization for (user, item) → rating (Koren, Bell & Volinsky 2009):
//
//   r̂_s = (g + b_u) + c_i + Σ_k P_uk·Q_ik      (k ascending; the biases only when biases ≠ 0)
//
// with P[users×rank], Q[items×rank], user biases b, item biases c and a global bias g.
// pairs holds (user, item) per sample as whole numbers in T, checked by the host.
// Backward, given δ_s = ∂L/∂r̂_s, in sample order, into zeroed gradients:
//
//   ∂P_u += δ_s·Q_i,   ∂Q_i += δ_s·P_u,   ∂b_u += δ_s,   ∂c_i += δ_s,   ∂g += δ_s
//
// Scalar loops in both builds: samples touch rows at random, and rank is small.

import { at } from "../lanes";

// @ts-ignore: decorator
@inline function forward<T>(
  pairs: usize, p: usize, q: usize, userBias: usize, itemBias: usize, globalBias: usize, out: usize, m: i32, rank: i32,
): void {
  for (let s = 0; s < m; s++) {
    const u = <i32>load<T>(at<T>(pairs, 2 * s)), i = <i32>load<T>(at<T>(pairs, 2 * s + 1));
    let acc = <T>0;
    if (globalBias != 0) acc = (load<T>(globalBias) + load<T>(at<T>(userBias, u))) + load<T>(at<T>(itemBias, i));
    const pu = at<T>(p, u * rank), qi = at<T>(q, i * rank);
    for (let k = 0; k < rank; k++) acc += load<T>(at<T>(pu, k)) * load<T>(at<T>(qi, k));
    store<T>(at<T>(out, s), acc);
  }
}

// @ts-ignore: decorator
@inline function backward<T>(
  pairs: usize, delta: usize, p: usize, q: usize, dp: usize, dq: usize,
  dUserBias: usize, dItemBias: usize, dGlobalBias: usize, m: i32, rank: i32,
): void {
  for (let s = 0; s < m; s++) {
    const u = <i32>load<T>(at<T>(pairs, 2 * s)), i = <i32>load<T>(at<T>(pairs, 2 * s + 1));
    const d = load<T>(at<T>(delta, s));
    const pu = at<T>(p, u * rank), qi = at<T>(q, i * rank);
    const dpu = at<T>(dp, u * rank), dqi = at<T>(dq, i * rank);
    for (let k = 0; k < rank; k++) {
      const pk = load<T>(at<T>(pu, k)), qk = load<T>(at<T>(qi, k));
      store<T>(at<T>(dpu, k), load<T>(at<T>(dpu, k)) + d * qk);
      store<T>(at<T>(dqi, k), load<T>(at<T>(dqi, k)) + d * pk);
    }
    if (dGlobalBias != 0) {
      store<T>(at<T>(dUserBias, u), load<T>(at<T>(dUserBias, u)) + d);
      store<T>(at<T>(dItemBias, i), load<T>(at<T>(dItemBias, i)) + d);
      store<T>(dGlobalBias, load<T>(dGlobalBias) + d);
    }
  }
}

export function factorizationForwardF64(
  pairs: usize, p: usize, q: usize, userBias: usize, itemBias: usize, globalBias: usize, out: usize, m: i32, rank: i32,
): void { forward<f64>(pairs, p, q, userBias, itemBias, globalBias, out, m, rank); }
export function factorizationForwardF32(
  pairs: usize, p: usize, q: usize, userBias: usize, itemBias: usize, globalBias: usize, out: usize, m: i32, rank: i32,
): void { forward<f32>(pairs, p, q, userBias, itemBias, globalBias, out, m, rank); }
export function factorizationBackwardF64(
  pairs: usize, delta: usize, p: usize, q: usize, dp: usize, dq: usize, dUserBias: usize, dItemBias: usize, dGlobalBias: usize, m: i32, rank: i32,
): void { backward<f64>(pairs, delta, p, q, dp, dq, dUserBias, dItemBias, dGlobalBias, m, rank); }
export function factorizationBackwardF32(
  pairs: usize, delta: usize, p: usize, q: usize, dp: usize, dq: usize, dUserBias: usize, dItemBias: usize, dGlobalBias: usize, m: i32, rank: i32,
): void { backward<f32>(pairs, delta, p, q, dp, dq, dUserBias, dItemBias, dGlobalBias, m, rank); }
