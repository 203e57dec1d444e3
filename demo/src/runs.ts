import {
  adadelta,
  adagrad,
  adam,
  adamax,
  conjugateGradient,
  lbfgs,
  lion,
  minimize,
  nadam,
  rmsprop,
  sgd,
  type DescentMethod,
  type MinimizeResult,
  type Optimizer,
} from "../../bindings/index";
import type { Landscape } from "./landscapes";
import { Random } from "./rng";

/** Everything the controls set that a run depends on. */
export interface Settings {
  learningRate: number;
  adaptiveRate: number;
  momentum: number;
  beta1: number;
  beta2: number;
  iterations: number;
  /** Gradient-noise scale σ; 0 turns stochastic mode off. */
  noise: number;
  seed: number;
}

export type OptimizerId =
  | "gd"
  | "momentum"
  | "nesterov"
  | "adagrad"
  | "rmsprop"
  | "adam"
  | "adamax"
  | "nadam"
  | "lion"
  | "adadelta"
  | "lbfgs"
  | "cg";

export interface OptimizerSpec {
  id: OptimizerId;
  label: string;
  color: string;
  /** Which learning-rate control drives it. */
  rate: "gd" | "adaptive" | "own" | "lineSearch";
  defaultOn: boolean;
  /** Its hyper-parameters as set now, for people. */
  describe(s: Settings): string;
  /** A stepper (driven step by step here, with optional gradient noise) … */
  stepper?(s: Settings): Optimizer;
  /** … or a line-search method run by `minimize` with `record: true`. */
  method?(): DescentMethod;
}

const fmt = (v: number): string => (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? String(+v.toPrecision(3)) : v.toExponential(1));

export const OPTIMIZERS: OptimizerSpec[] = [
  {
    id: "gd",
    label: "Gradient descent",
    color: "#d62728",
    rate: "gd",
    defaultOn: true,
    describe: (s) => `sgd, η ${fmt(s.learningRate)}`,
    stepper: (s) => sgd({ learningRate: s.learningRate }),
  },
  {
    id: "momentum",
    label: "Momentum",
    color: "#ff7f0e",
    rate: "gd",
    defaultOn: true,
    describe: (s) => `sgd, η ${fmt(s.learningRate)}, μ ${fmt(s.momentum)}`,
    stepper: (s) => sgd({ learningRate: s.learningRate, momentum: s.momentum }),
  },
  {
    id: "nesterov",
    label: "Nesterov",
    color: "#8c564b",
    rate: "gd",
    defaultOn: true,
    describe: (s) => `sgd, η ${fmt(s.learningRate)}, μ ${fmt(s.momentum)}, nesterov`,
    stepper: (s) => sgd({ learningRate: s.learningRate, momentum: s.momentum, nesterov: true }),
  },
  {
    id: "adagrad",
    label: "AdaGrad",
    color: "#2ca02c",
    rate: "adaptive",
    defaultOn: true,
    describe: (s) => `η ${fmt(s.adaptiveRate)}`,
    stepper: (s) => adagrad({ learningRate: s.adaptiveRate }),
  },
  {
    id: "rmsprop",
    label: "RMSprop",
    color: "#9467bd",
    rate: "adaptive",
    defaultOn: true,
    describe: (s) => `η ${fmt(s.adaptiveRate)}, α 0.99`,
    stepper: (s) => rmsprop({ learningRate: s.adaptiveRate }),
  },
  {
    id: "adam",
    label: "Adam",
    color: "#1f77b4",
    rate: "adaptive",
    defaultOn: true,
    describe: (s) => `η ${fmt(s.adaptiveRate)}, β ${fmt(s.beta1)}/${fmt(s.beta2)}`,
    stepper: (s) => adam({ learningRate: s.adaptiveRate, beta1: s.beta1, beta2: s.beta2 }),
  },
  {
    id: "adamax",
    label: "Adamax",
    color: "#17becf",
    rate: "adaptive",
    defaultOn: false,
    describe: (s) => `η ${fmt(s.adaptiveRate)}, β ${fmt(s.beta1)}/${fmt(s.beta2)}`,
    stepper: (s) => adamax({ learningRate: s.adaptiveRate, beta1: s.beta1, beta2: s.beta2 }),
  },
  {
    id: "nadam",
    label: "NAdam",
    color: "#e377c2",
    rate: "adaptive",
    defaultOn: false,
    describe: (s) => `η ${fmt(s.adaptiveRate)}, β ${fmt(s.beta1)}/${fmt(s.beta2)}`,
    stepper: (s) => nadam({ learningRate: s.adaptiveRate, beta1: s.beta1, beta2: s.beta2 }),
  },
  {
    id: "lion",
    label: "Lion",
    color: "#bcbd22",
    rate: "adaptive",
    defaultOn: false,
    describe: (s) => `η ${fmt(s.adaptiveRate)}, β ${fmt(s.beta1)}/0.99`,
    stepper: (s) => lion({ learningRate: s.adaptiveRate, beta1: s.beta1 }),
  },
  {
    id: "adadelta",
    label: "Adadelta",
    color: "#7f7f7f",
    rate: "own",
    defaultOn: false,
    describe: () => "η 1, ρ 0.9 (its own defaults)",
    stepper: () => adadelta({ learningRate: 1 }),
  },
  {
    id: "lbfgs",
    label: "L-BFGS",
    color: "#111111",
    rate: "lineSearch",
    defaultOn: true,
    describe: () => "minimize, strong Wolfe line search, exact gradients",
    method: () => lbfgs(),
  },
  {
    id: "cg",
    label: "Conjugate gradient",
    color: "#6b6ecf",
    rate: "lineSearch",
    defaultOn: false,
    describe: () => "minimize, Polak–Ribière+, exact gradients",
    method: () => conjugateGradient(),
  },
];

export type BadgeKind = "ready" | "running" | "global" | "local" | "saddle" | "plateau" | "diverged" | "escaped" | "unfinished";

export interface Badge {
  kind: BadgeKind;
  text: string;
}

/** Beyond this many plot widths from the centre a run is stopped (and its points are no longer meaningful). */
const FAR_AWAY = 1e6;

/** One optimizer's path on one landscape from one start. */
export class Run {
  /** x₀, y₀, x₁, y₁, … */
  readonly points: number[] = [];
  /** f at every point (exact, without noise). */
  readonly values: number[] = [];
  /** True when the run can take no more steps (it left the finite world, or its method stopped). */
  finished = false;
  /** Why a line-search method stopped, or why a stepper was stopped. */
  reason = "";
  private readonly optimizer: Optimizer | undefined;
  private readonly x = new Float64Array(2);
  private readonly g = new Float64Array(2);
  private readonly random: Random;
  private readonly trajectory: { x: Float64Array; value: number }[] | undefined;
  readonly result: MinimizeResult | undefined;

  constructor(
    readonly spec: OptimizerSpec,
    private readonly landscape: Landscape,
    start: readonly [number, number],
    private readonly settings: Settings,
  ) {
    this.random = new Random(settings.seed);
    this.x[0] = start[0];
    this.x[1] = start[1];
    if (spec.stepper) {
      this.optimizer = spec.stepper(settings);
      const f = landscape.valueAndGradient(this.x, this.g);
      this.push(f);
    } else {
      const f = (x: Float64Array, g?: Float64Array): number => (g ? landscape.valueAndGradient(x, g) : landscape.value(x));
      try {
        this.result = minimize(f, this.x, {
          optimizer: spec.method!(),
          maxIterations: settings.iterations,
          gradientTolerance: 1e-9,
          record: true,
        });
        this.trajectory = this.result.trajectory;
        this.reason = this.result.message;
      } catch (error) {
        this.trajectory = [{ x: this.x.slice(), value: landscape.value(this.x) }];
        this.reason = error instanceof Error ? error.message : String(error);
      }
      const first = this.trajectory![0];
      this.x.set(first.x);
      this.push(first.value);
    }
  }

  /** Iterations taken so far. */
  get iterations(): number {
    return this.values.length - 1;
  }

  get last(): { x: number; y: number; value: number } {
    const n = this.values.length - 1;
    return { x: this.points[2 * n], y: this.points[2 * n + 1], value: this.values[n] };
  }

  /** Takes steps until `t` iterations are done (or the run cannot go on). */
  advanceTo(t: number): void {
    const target = Math.min(t, this.settings.iterations);
    while (!this.finished && this.iterations < target) this.stepOnce();
    if (!this.finished && this.trajectory && this.iterations >= this.trajectory.length - 1) this.finished = true;
  }

  private stepOnce(): void {
    if (this.trajectory) {
      const next = this.trajectory[this.iterations + 1];
      if (!next) {
        this.finished = true;
        return;
      }
      this.x.set(next.x);
      this.push(next.value);
      return;
    }
    const { noise } = this.settings;
    if (noise > 0) {
      this.g[0] += noise * this.random.normal();
      this.g[1] += noise * this.random.normal();
    }
    this.optimizer!.step(this.x, this.g);
    const f = this.landscape.valueAndGradient(this.x, this.g);
    this.push(f);
    const span = this.landscape.domain.x[1] - this.landscape.domain.x[0];
    if (!Number.isFinite(f) || !Number.isFinite(this.g[0]) || !Number.isFinite(this.g[1])) {
      this.finished = true;
      this.reason = "f or ∇f is no longer finite";
    } else if (Math.max(Math.abs(this.x[0]), Math.abs(this.x[1])) > FAR_AWAY * span) {
      this.finished = true;
      this.reason = `stopped ${FAR_AWAY.toExponential(0)} plot widths away`;
    }
  }

  private push(value: number): void {
    this.points.push(this.x[0], this.x[1]);
    this.values.push(value);
  }
}

/** The 2×2 Hessian at (x, y) by central differences of the gradient; returns its eigenvalues (ascending). */
export function hessianEigenvalues(landscape: Landscape, x: number, y: number): [number, number] {
  const g1 = new Float64Array(2);
  const g2 = new Float64Array(2);
  const p = new Float64Array(2);
  const h: number[][] = [[], []];
  for (let i = 0; i < 2; i++) {
    const step = 1e-5 * Math.max(1, Math.abs(i === 0 ? x : y));
    p[0] = x;
    p[1] = y;
    p[i] += step;
    landscape.valueAndGradient(p, g1);
    p[i] -= 2 * step;
    landscape.valueAndGradient(p, g2);
    h[0][i] = (g1[0] - g2[0]) / (2 * step);
    h[1][i] = (g1[1] - g2[1]) / (2 * step);
  }
  const a = h[0][0];
  const d = h[1][1];
  const b = 0.5 * (h[0][1] + h[1][0]);
  const mean = 0.5 * (a + d);
  const radius = Math.hypot(0.5 * (a - d), b);
  return [mean - radius, mean + radius];
}

/**
 * L, the largest curvature |λ| of f at x, by power iteration on Hessian-vector products
 * Hv ≈ (∇f(x + hv) − ∇f(x − hv)) / 2h. Plain gradient descent is stable near x for η < 2/L.
 */
export function curvatureEstimate(landscape: Landscape, x: number, y: number, iterations = 60): number {
  const v = new Float64Array([0.8, 0.6]);
  const gPlus = new Float64Array(2);
  const gMinus = new Float64Array(2);
  const p = new Float64Array(2);
  const h = 1e-5 * Math.max(1, Math.hypot(x, y));
  let estimate = 0;
  for (let k = 0; k < iterations; k++) {
    p[0] = x + h * v[0];
    p[1] = y + h * v[1];
    landscape.valueAndGradient(p, gPlus);
    p[0] = x - h * v[0];
    p[1] = y - h * v[1];
    landscape.valueAndGradient(p, gMinus);
    const hv0 = (gPlus[0] - gMinus[0]) / (2 * h);
    const hv1 = (gPlus[1] - gMinus[1]) / (2 * h);
    const norm = Math.hypot(hv0, hv1);
    if (!(norm > 0) || !Number.isFinite(norm)) return norm === 0 ? 0 : NaN;
    const previous = estimate;
    estimate = norm; // ‖Hv‖ with ‖v‖ = 1 → |λ|max (also when ±λ have equal size, as at a saddle)
    v[0] = hv0 / norm;
    v[1] = hv1 / norm;
    if (k > 3 && Math.abs(estimate - previous) <= 1e-10 * estimate) break;
  }
  return estimate;
}

const ranges = new WeakMap<Landscape, number>();

/** max f − min f over a coarse grid of the plot: the scale of the landscape's values. */
function valueRange(landscape: Landscape): number {
  let range = ranges.get(landscape);
  if (range === undefined) {
    const { x, y } = landscape.domain;
    const p = new Float64Array(2);
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i <= 24; i++) {
      for (let j = 0; j <= 24; j++) {
        p[0] = x[0] + (i / 24) * (x[1] - x[0]);
        p[1] = y[0] + (j / 24) * (y[1] - y[0]);
        const v = landscape.value(p);
        if (v < low) low = v;
        if (v > high) high = v;
      }
    }
    range = Math.max(high - low, 1e-300);
    ranges.set(landscape, range);
  }
  return range;
}

/** The minimum L-BFGS reaches from (x, y), if it converges. */
function polish(landscape: Landscape, x: number, y: number): { x: number; y: number; value: number } | undefined {
  const f = (p: Float64Array, g?: Float64Array): number => (g ? landscape.valueAndGradient(p, g) : landscape.value(p));
  try {
    const result = minimize(f, [x, y], { optimizer: lbfgs(), maxIterations: 100, gradientTolerance: 1e-8 });
    const [low] = hessianEigenvalues(landscape, result.x[0], result.x[1]);
    if (!(low > 0)) return undefined;
    return { x: result.x[0], y: result.x[1], value: result.value };
  } catch {
    return undefined;
  }
}

/** What happened to a run so far, as a badge. `done`: no more iterations will be taken. */
export function classify(run: Run, landscape: Landscape, done: boolean): Badge {
  const { x, y, value } = run.last;
  const n = run.iterations;
  if (n === 0 && !done) return { kind: "ready", text: "ready" };
  if (!Number.isFinite(value) || !Number.isFinite(x) || !Number.isFinite(y)) {
    return { kind: "diverged", text: "diverged (f = " + (Number.isNaN(value) ? "NaN" : value > 0 ? "∞" : "−∞") + ")" };
  }
  const [x0, x1] = landscape.domain.x;
  const [y0, y1] = landscape.domain.y;
  const span = x1 - x0;
  const out = Math.max(Math.abs(x - (x0 + x1) / 2), Math.abs(y - (y0 + y1) / 2)) / (span / 2);
  const f0 = run.values[0];
  if (out > 2) {
    const range = valueRange(landscape);
    if (value > f0 + 0.01 * range) return { kind: "diverged", text: "diverged" };
    if (value < f0 - 0.01 * range) return { kind: "escaped", text: "left the plot, still going downhill" };
    return { kind: "escaped", text: "wandered off the plot" };
  }

  // At a marked point?
  let nearest: { kind: string; distance: number } | undefined;
  for (const m of landscape.markers) {
    const distance = Math.hypot(m.x - x, m.y - y);
    if (!nearest || distance < nearest.distance) nearest = { kind: m.kind, distance };
  }
  if (nearest && nearest.distance < 0.01 * span) {
    if (nearest.kind === "saddle") return { kind: "saddle", text: "stalled at a saddle" };
    if (nearest.kind === "global") return { kind: "global", text: "global minimum" };
    return { kind: "local", text: "local minimum" };
  }

  // Stationary (by the gradient) or not moving (by the path)?
  const g = new Float64Array(2);
  const g0 = new Float64Array(2);
  landscape.valueAndGradient(new Float64Array([x, y]), g);
  landscape.valueAndGradient(new Float64Array([run.points[0], run.points[1]]), g0);
  const gradient = Math.hypot(g[0], g[1]);
  const gradient0 = Math.max(Math.hypot(g0[0], g0[1]), 1e-12);
  const window = 30;
  let moved = Infinity;
  if (n >= window) {
    moved = 0;
    for (let k = n - window; k < n; k++) {
      moved = Math.max(moved, Math.hypot(run.points[2 * k] - x, run.points[2 * k + 1] - y));
    }
  }
  const stationary = gradient <= 1e-4 * gradient0;
  if (stationary || moved < 1e-6 * span) {
    const [low, high] = hessianEigenvalues(landscape, x, y);
    const scale = Math.max(Math.abs(low), Math.abs(high), 1e-300);
    // Flat: slope and curvature both negligible on the scale of the values on the plot.
    const range = valueRange(landscape);
    if (gradient * span < 1e-3 * range && scale * span * span < 1e-2 * range) {
      return { kind: "plateau", text: "stalled on a plateau" };
    }
    if (low < -1e-6 * scale) return { kind: "saddle", text: "stalled at a saddle" };
    if (stationary && low > 1e-6 * scale) {
      const fStar = landscape.fStar;
      const global = fStar !== undefined && value - fStar <= 1e-6 * Math.max(1, Math.abs(fStar));
      return global ? { kind: "global", text: "global minimum" } : { kind: "local", text: "local minimum" };
    }
    return { kind: "plateau", text: stationary ? "stalled on a plateau" : "stalled (not moving)" };
  }
  if (!done) return { kind: "running", text: "running" };
  // Hovering around a minimum (a fixed step that keeps overshooting by about η)? Polish
  // the final point with L-BFGS and see whether the minimum it finds is close.
  const polished = polish(landscape, x, y);
  if (polished && Math.hypot(polished.x - x, polished.y - y) < 0.01 * span) {
    const fStar = landscape.fStar;
    const global = fStar !== undefined && polished.value - fStar <= 1e-6 * Math.max(1, Math.abs(fStar));
    return global
      ? { kind: "global", text: "near the global minimum" }
      : { kind: "local", text: "near a local minimum" };
  }
  return { kind: "unfinished", text: "still descending" };
}
