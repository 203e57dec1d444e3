import { describe, expect, it } from "vitest";
import { adam, adamw, loadBackend, sgd, type Optimizer } from "../bindings/index";

// Each optimizer, driven through its public stepper for 6 consecutive steps on every
// backend, against an independent float64 evaluation of the published update rules
// (PyTorch's documented algorithms; Kingma & Ba 2015; Loshchilov & Hutter 2019;
// Reddi et al. 2018), written here in textbook form with Math.pow for β^t.
const STEPS = 6;
const START = [1.5, -0.5, 2, 0.25, -3];

/** The gradient of a fixed, coupled quadratic-plus-quartic so each step's gradient depends on θ. */
function gradient(theta: ArrayLike<number>, out: Float64Array): void {
  for (let i = 0; i < theta.length; i++) {
    const next = theta[(i + 1) % theta.length];
    out[i] = 2 * (i + 1) * theta[i] + 0.5 * next + theta[i] * theta[i] * theta[i] - 1;
  }
}

interface AdamReference { lr: number; beta1: number; beta2: number; eps: number; wd: number; amsgrad: boolean; decoupled: boolean }

function adamReference(o: AdamReference): number[][] {
  const theta = [...START];
  const m = theta.map(() => 0), v = theta.map(() => 0), vmax = theta.map(() => 0);
  const g = new Float64Array(theta.length);
  const trajectory: number[][] = [];
  for (let t = 1; t <= STEPS; t++) {
    gradient(theta, g);
    for (let i = 0; i < theta.length; i++) {
      let gi = g[i];
      if (o.decoupled) theta[i] = theta[i] * (1 - o.lr * o.wd);
      else gi = gi + o.wd * theta[i];
      m[i] = o.beta1 * m[i] + (1 - o.beta1) * gi;
      v[i] = o.beta2 * v[i] + (1 - o.beta2) * gi * gi;
      const mHat = m[i] / (1 - Math.pow(o.beta1, t));
      let vUsed = v[i];
      if (o.amsgrad) vUsed = vmax[i] = Math.max(vmax[i], v[i]);
      const vHat = vUsed / (1 - Math.pow(o.beta2, t));
      theta[i] = theta[i] - (o.lr * mHat) / (Math.sqrt(vHat) + o.eps);
    }
    trajectory.push([...theta]);
  }
  return trajectory;
}

interface SgdReference { lr: number; momentum: number; dampening: number; wd: number; nesterov: boolean }

function sgdReference(o: SgdReference): number[][] {
  const theta = [...START];
  const b = theta.map(() => 0);
  const g = new Float64Array(theta.length);
  const trajectory: number[][] = [];
  for (let t = 1; t <= STEPS; t++) {
    gradient(theta, g);
    for (let i = 0; i < theta.length; i++) {
      let gi = g[i] + o.wd * theta[i];
      if (o.momentum !== 0) {
        b[i] = t === 1 ? gi : o.momentum * b[i] + (1 - o.dampening) * gi;
        gi = o.nesterov ? gi + o.momentum * b[i] : b[i];
      }
      theta[i] = theta[i] - o.lr * gi;
    }
    trajectory.push([...theta]);
  }
  return trajectory;
}

function run(opt: Optimizer): number[][] {
  const theta = Float64Array.from(START);
  const g = new Float64Array(theta.length);
  const trajectory: number[][] = [];
  for (let t = 1; t <= STEPS; t++) {
    gradient(theta, g);
    opt.step(theta, g);
    trajectory.push([...theta]);
  }
  return trajectory;
}

function expectClose(actual: number[][], expected: number[][]): void {
  for (let t = 0; t < expected.length; t++) {
    for (let i = 0; i < expected[t].length; i++) {
      const scale = Math.max(1, Math.abs(expected[t][i]));
      expect(Math.abs(actual[t][i] - expected[t][i]) / scale, `step ${t + 1}, element ${i}`).toBeLessThan(1e-14);
    }
  }
}

for (const name of ["wasm-simd", "wasm", "ts"] as const) {
  describe(`optimizer steps equal the published formulas (${name} backend)`, async () => {
    const backend = await loadBackend(name);
    const base = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, wd: 0, amsgrad: false, decoupled: false };

    it("adam matches the reference update for 6 steps, bias correction included", () => {
      expectClose(run(adam({ learningRate: 0.01, backend })), adamReference(base));
    });
    it("adam with non-default betas and epsilon matches", () => {
      const o = { ...base, lr: 0.2, beta1: 0.5, beta2: 0.9, eps: 1e-3 };
      expectClose(run(adam({ learningRate: 0.2, beta1: 0.5, beta2: 0.9, epsilon: 1e-3, backend })), adamReference(o));
    });
    it("adam with L2 weight decay matches", () => {
      expectClose(run(adam({ learningRate: 0.01, weightDecay: 0.1, backend })), adamReference({ ...base, wd: 0.1 }));
    });
    it("adam with decoupled weight decay and adamw match AdamW", () => {
      const expected = adamReference({ ...base, wd: 0.1, decoupled: true });
      expectClose(run(adam({ learningRate: 0.01, weightDecay: 0.1, decoupledWeightDecay: true, backend })), expected);
      expectClose(run(adamw({ learningRate: 0.01, weightDecay: 0.1, backend })), expected);
    });
    it("adamw defaults to weightDecay 1e-2", () => {
      expectClose(run(adamw({ learningRate: 0.01, backend })), adamReference({ ...base, wd: 1e-2, decoupled: true }));
    });
    it("amsgrad matches the reference (running maximum of v)", () => {
      expectClose(run(adam({ learningRate: 0.05, amsgrad: true, backend })), adamReference({ ...base, lr: 0.05, amsgrad: true }));
    });
    it("amsgrad with L2 weight decay matches", () => {
      const o = { ...base, lr: 0.05, amsgrad: true, wd: 0.05 };
      expectClose(run(adam({ learningRate: 0.05, amsgrad: true, weightDecay: 0.05, backend })), adamReference(o));
    });

    it("plain sgd matches x ← x − η∇f(x)", () => {
      expectClose(run(sgd({ learningRate: 0.01, backend })), sgdReference({ lr: 0.01, momentum: 0, dampening: 0, wd: 0, nesterov: false }));
    });
    it("sgd with momentum, dampening and weight decay matches", () => {
      const o = { lr: 0.01, momentum: 0.9, dampening: 0.3, wd: 0.01, nesterov: false };
      expectClose(run(sgd({ learningRate: 0.01, momentum: 0.9, dampening: 0.3, weightDecay: 0.01, backend })), sgdReference(o));
    });
    it("sgd with Nesterov momentum matches", () => {
      const o = { lr: 0.01, momentum: 0.9, dampening: 0, wd: 0, nesterov: true };
      expectClose(run(sgd({ learningRate: 0.01, momentum: 0.9, nesterov: true, backend })), sgdReference(o));
    });
  });
}
