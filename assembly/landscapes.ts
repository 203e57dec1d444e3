// Test landscapes evaluated entirely in WebAssembly: value, analytic gradient, and
// finite-difference gradients (every perturbed evaluation in WASM too).
//
// Each landscape repeats, operation for operation, the TypeScript definition in
// bindings/problems/ (or bindings/landscapes/illConditionedQuadratic.ts), so the
// polynomial ones give the same bits as the TS reference. Rastrigin and Ackley use
// AssemblyScript's own Math (cos, sin, exp), identical in every engine.
//
//   id 0  extended Rosenbrock  f = Σ_{i even} (10(x_{i+1} − x_i²))² + (1 − x_i)²
//   id 1  sphere               f = Σ x_i²
//   id 2  Styblinski–Tang      f = ½ Σ (x_i⁴ − 16x_i² + 5x_i)
//   id 3  Himmelblau           f = (x0² + x1 − 11)² + (x0 + x1² − 7)²
//   id 4  Rastrigin            f = 10n + Σ (x_i² − 10 cos 2πx_i)
//   id 5  Ackley               f = −20 e^{−0.2√(Σx²/n)} − e^{Σcos(2πx_i)/n} + 20 + e
//   id 6  ill-conditioned quadratic  f = ½ Σ d_i x_i², d_i = 1 + (κ − 1)·i/(n − 1)

import { at } from "./lanes";

const TWO_PI: f64 = 2 * Math.PI;

// @ts-ignore: decorator
@inline function x(p: usize, i: i32): f64 {
  return load<f64>(at<f64>(p, i));
}
// @ts-ignore: decorator
@inline function put(p: usize, i: i32, v: f64): void {
  store<f64>(at<f64>(p, i), v);
}

/** Curvature d_i of the ill-conditioned quadratic. */
// @ts-ignore: decorator
@inline function curvature(i: i32, n: i32, kappa: f64): f64 {
  return n > 1 ? 1 + ((kappa - 1) * <f64>i) / <f64>(n - 1) : 1;
}

/** f(x), and ∇f(x) into g unless g is 0. */
export function landscapeValueAndGradient(id: i32, xp: usize, g: usize, n: i32, parameter: f64): f64 {
  const grad = g != 0;
  switch (id) {
    case 0: {
      let f = 0.0;
      for (let i = 0; i < n; i += 2) {
        const xi = x(xp, i);
        const r0 = 10 * (x(xp, i + 1) - xi * xi);
        const r1 = 1 - xi;
        f += r0 * r0;
        f += r1 * r1;
        if (grad) {
          put(g, i, (-20 * xi * r0 - r1) * 2);
          put(g, i + 1, 10 * r0 * 2);
        }
      }
      return f;
    }
    case 1: {
      let s = 0.0;
      for (let i = 0; i < n; i++) {
        const xi = x(xp, i);
        s += xi * xi;
        if (grad) put(g, i, 2 * xi);
      }
      return s;
    }
    case 2: {
      let s = 0.0;
      for (let i = 0; i < n; i++) {
        const v = x(xp, i);
        const v2 = v * v;
        s += v2 * v2 - 16 * v2 + 5 * v;
        if (grad) put(g, i, 2 * v2 * v - 16 * v + 2.5);
      }
      return s / 2;
    }
    case 3: {
      const x0 = x(xp, 0), x1 = x(xp, 1);
      const r0 = x0 * x0 + x1 - 11;
      const r1 = x0 + x1 * x1 - 7;
      let f = 0.0;
      f += r0 * r0;
      f += r1 * r1;
      if (grad) {
        put(g, 0, (2 * x0 * r0 + r1) * 2);
        put(g, 1, (r0 + 2 * x1 * r1) * 2);
      }
      return f;
    }
    case 4: {
      let f = 10 * <f64>n;
      for (let i = 0; i < n; i++) {
        const xi = x(xp, i);
        const angle = TWO_PI * xi;
        f += xi * xi - 10 * Math.cos(angle);
        if (grad) put(g, i, 2 * xi + 10 * TWO_PI * Math.sin(angle));
      }
      return f;
    }
    case 5: {
      let q = 0.0, c = 0.0;
      for (let i = 0; i < n; i++) {
        const xi = x(xp, i);
        q += xi * xi;
        c += Math.cos(TWO_PI * xi);
      }
      const s = Math.sqrt(q / <f64>n);
      const e1 = Math.exp(-0.2 * s);
      const e2 = Math.exp(c / <f64>n);
      if (grad) {
        const a = s > 0 ? (4 * e1) / (<f64>n * s) : 0;
        const b = (TWO_PI * e2) / <f64>n;
        for (let i = 0; i < n; i++) {
          const xi = x(xp, i);
          put(g, i, a * xi + b * Math.sin(TWO_PI * xi));
        }
      }
      return -20 * e1 - e2 + 20 + Math.E;
    }
    default: {
      let s = 0.0;
      for (let i = 0; i < n; i++) {
        const xi = x(xp, i);
        const d = curvature(i, n, parameter);
        s += d * xi * xi;
        if (grad) put(g, i, d * xi);
      }
      return s / 2;
    }
  }
}

/**
 * Finite-difference gradient of a landscape into g, as bindings/finiteDifference does
 * it: forward with h_i = √ε·max(1, |x_i|) (step taken as (x_i + h) − x_i), or central
 * with h_i = ∛ε·max(1, |x_i|) and divisor (x_i + h) − (x_i − h). x is perturbed in place
 * and restored bit for bit. `valueAtX` is f(x), used by forward differences.
 */
export function landscapeDifferenceGradient(
  id: i32, xp: usize, g: usize, n: i32, parameter: f64, central: i32, valueAtX: f64,
): void {
  for (let i = 0; i < n; i++) {
    const xi = x(xp, i);
    if (central) {
      const h = 6.0554544523933395e-6 * max<f64>(1, abs<f64>(xi));
      const up = xi + h, down = xi - h;
      put(xp, i, up);
      const fUp = landscapeValueAndGradient(id, xp, 0, n, parameter);
      put(xp, i, down);
      const fDown = landscapeValueAndGradient(id, xp, 0, n, parameter);
      put(xp, i, xi);
      put(g, i, (fUp - fDown) / (up - down));
    } else {
      const up = xi + 1.4901161193847656e-8 * max<f64>(1, abs<f64>(xi));
      put(xp, i, up);
      const fUp = landscapeValueAndGradient(id, xp, 0, n, parameter);
      put(xp, i, xi);
      put(g, i, (fUp - valueAtX) / (up - xi));
    }
  }
}
