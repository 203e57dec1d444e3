import { describe, expect, it } from "vitest";
import {
  adadelta, adagrad, adam, adamax, adamw, lion, loadBackend, nadam, rmsprop, sgd, type Backend, type Optimizer,
} from "../bindings/index";
import { seeded } from "./support/random";

// 100-step trajectories of every first-order optimizer, through the public stepper on
// every backend, against independent float64 evaluations of the published rules written
// here in textbook form (Math.pow for β^t, bias corrections applied to m and v).
const STEPS = 100;

interface Problem {
  name: string;
  start: number[];
  gradient(x: number[]): number[];
}

const rosenbrock: Problem = {
  name: "Rosenbrock from (1.5, 1.5)",
  start: [1.5, 1.5],
  gradient: ([x, y]) => [-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)],
};

/** f(x) = ½ xᵀAx − bᵀx with A = MᵀM + I, M and b from a seeded generator (n = 8). */
function randomQuadratic(): Problem {
  const random = seeded(42);
  const n = 8;
  const M = Array.from({ length: n }, () => Array.from({ length: n }, () => random() * 2 - 1));
  const A = M.map((_, i) => M.map((_, j) => M.reduce((s, row) => s + row[i] * row[j], 0) + (i === j ? 1 : 0)));
  const b = Array.from({ length: n }, () => random() * 2 - 1);
  return {
    name: "a random 8-dimensional quadratic",
    start: Array.from({ length: n }, () => random() * 4 - 2),
    gradient: (x) => A.map((row, i) => row.reduce((s, a, j) => s + a * x[j], 0) - b[i]),
  };
}

/** A textbook optimizer: per-element state, one update given the gradient and step t. */
type Reference = (x: number[], g: number[], t: number) => void;

function perElement(n: number, update: (i: number, x: number[], g: number, t: number) => void): Reference {
  return (x, g, t) => {
    for (let i = 0; i < n; i++) update(i, x, g[i], t);
  };
}

const references: Record<string, { make: (backend: Backend) => Optimizer; reference: (n: number) => Reference }> = {
  "sgd (momentum 0.9, dampening 0.1, weight decay)": {
    make: (backend) => sgd({ learningRate: 1e-3, momentum: 0.9, dampening: 0.1, weightDecay: 1e-3, backend }),
    reference: (n) => {
      const b = new Array(n).fill(0);
      return perElement(n, (i, x, g, t) => {
        g += 1e-3 * x[i];
        b[i] = t === 1 ? g : 0.9 * b[i] + 0.9 * g;
        x[i] -= 1e-3 * b[i];
      });
    },
  },
  "sgd (Nesterov)": {
    make: (backend) => sgd({ learningRate: 1e-3, momentum: 0.9, nesterov: true, backend }),
    reference: (n) => {
      const b = new Array(n).fill(0);
      return perElement(n, (i, x, g, t) => {
        b[i] = t === 1 ? g : 0.9 * b[i] + g;
        x[i] -= 1e-3 * (g + 0.9 * b[i]);
      });
    },
  },
  "adam (amsgrad, L2 decay)": {
    make: (backend) => adam({ learningRate: 0.01, amsgrad: true, weightDecay: 1e-3, backend }),
    reference: (n) => {
      const m = new Array(n).fill(0), v = new Array(n).fill(0), vmax = new Array(n).fill(0);
      return perElement(n, (i, x, g, t) => {
        g += 1e-3 * x[i];
        m[i] = 0.9 * m[i] + 0.1 * g;
        v[i] = 0.999 * v[i] + 0.001 * g * g;
        vmax[i] = Math.max(vmax[i], v[i]);
        const mHat = m[i] / (1 - Math.pow(0.9, t));
        const vHat = vmax[i] / (1 - Math.pow(0.999, t));
        x[i] -= (0.01 * mHat) / (Math.sqrt(vHat) + 1e-8);
      });
    },
  },
  adamw: {
    make: (backend) => adamw({ learningRate: 0.01, weightDecay: 0.05, backend }),
    reference: (n) => {
      const m = new Array(n).fill(0), v = new Array(n).fill(0);
      return perElement(n, (i, x, g, t) => {
        x[i] *= 1 - 0.01 * 0.05;
        m[i] = 0.9 * m[i] + 0.1 * g;
        v[i] = 0.999 * v[i] + 0.001 * g * g;
        x[i] -= (0.01 * (m[i] / (1 - Math.pow(0.9, t)))) / (Math.sqrt(v[i] / (1 - Math.pow(0.999, t))) + 1e-8);
      });
    },
  },
  "adagrad (lr decay, initial accumulator)": {
    make: (backend) => adagrad({ learningRate: 0.1, learningRateDecay: 0.01, initialAccumulatorValue: 0.1, backend }),
    reference: (n) => {
      const s = new Array(n).fill(0.1);
      return perElement(n, (i, x, g, t) => {
        s[i] += g * g;
        x[i] -= ((0.1 / (1 + (t - 1) * 0.01)) * g) / (Math.sqrt(s[i]) + 1e-10);
      });
    },
  },
  "rmsprop (centered, momentum)": {
    make: (backend) => rmsprop({ learningRate: 1e-3, centered: true, momentum: 0.5, backend }),
    reference: (n) => {
      const v = new Array(n).fill(0), gbar = new Array(n).fill(0), b = new Array(n).fill(0);
      return perElement(n, (i, x, g) => {
        v[i] = 0.99 * v[i] + 0.01 * g * g;
        gbar[i] = 0.99 * gbar[i] + 0.01 * g;
        b[i] = 0.5 * b[i] + g / (Math.sqrt(v[i] - gbar[i] * gbar[i]) + 1e-8);
        x[i] -= 1e-3 * b[i];
      });
    },
  },
  rmsprop: {
    make: (backend) => rmsprop({ learningRate: 1e-3, backend }),
    reference: (n) => {
      const v = new Array(n).fill(0);
      return perElement(n, (i, x, g) => {
        v[i] = 0.99 * v[i] + 0.01 * g * g;
        x[i] -= (1e-3 * g) / (Math.sqrt(v[i]) + 1e-8);
      });
    },
  },
  adadelta: {
    make: (backend) => adadelta({ backend }),
    reference: (n) => {
      const v = new Array(n).fill(0), u = new Array(n).fill(0);
      return perElement(n, (i, x, g) => {
        v[i] = 0.9 * v[i] + 0.1 * g * g;
        const delta = (Math.sqrt(u[i] + 1e-6) / Math.sqrt(v[i] + 1e-6)) * g;
        u[i] = 0.9 * u[i] + 0.1 * delta * delta;
        x[i] -= delta;
      });
    },
  },
  adamax: {
    make: (backend) => adamax({ learningRate: 0.01, backend }),
    reference: (n) => {
      const m = new Array(n).fill(0), u = new Array(n).fill(0);
      return perElement(n, (i, x, g, t) => {
        m[i] = 0.9 * m[i] + 0.1 * g;
        u[i] = Math.max(0.999 * u[i], Math.abs(g) + 1e-8);
        x[i] -= ((0.01 / (1 - Math.pow(0.9, t))) * m[i]) / u[i];
      });
    },
  },
  nadam: {
    make: (backend) => nadam({ learningRate: 0.01, backend }),
    reference: (n) => {
      const m = new Array(n).fill(0), v = new Array(n).fill(0);
      let muProduct = 1;
      let lastT = 0;
      let mu = 0, muNext = 0;
      return perElement(n, (i, x, g, t) => {
        if (t !== lastT) {
          mu = 0.9 * (1 - 0.5 * Math.pow(0.96, t * 0.004));
          muNext = 0.9 * (1 - 0.5 * Math.pow(0.96, (t + 1) * 0.004));
          muProduct *= mu;
          lastT = t;
        }
        m[i] = 0.9 * m[i] + 0.1 * g;
        v[i] = 0.999 * v[i] + 0.001 * g * g;
        const d = Math.sqrt(v[i] / (1 - Math.pow(0.999, t))) + 1e-8;
        x[i] -= (0.01 * (1 - mu) * g) / (1 - muProduct) / d + (0.01 * muNext * m[i]) / (1 - muProduct * muNext) / d;
      });
    },
  },
  "lion (weight decay)": {
    make: (backend) => lion({ learningRate: 1e-3, weightDecay: 0.1, backend }),
    reference: (n) => {
      const m = new Array(n).fill(0);
      return perElement(n, (i, x, g) => {
        x[i] *= 1 - 1e-3 * 0.1;
        x[i] -= 1e-3 * Math.sign(0.9 * m[i] + 0.1 * g);
        m[i] = 0.99 * m[i] + 0.01 * g;
      });
    },
  },
};

for (const backendName of ["wasm-simd", "wasm", "ts"] as const) {
  describe(`${STEPS}-step trajectories equal the published rules (${backendName})`, async () => {
    const backend = await loadBackend(backendName);
    for (const problem of [rosenbrock, randomQuadratic()]) {
      for (const [label, { make, reference }] of Object.entries(references)) {
        it(`${label} on ${problem.name}`, () => {
          const n = problem.start.length;
          const expected = [...problem.start];
          const update = reference(n);
          const opt = make(backend);
          const x = Float64Array.from(problem.start);
          const g = new Float64Array(n);
          let worst = 0;
          for (let t = 1; t <= STEPS; t++) {
            const gradientAtExpected = problem.gradient(expected);
            update(expected, gradientAtExpected, t);
            g.set(problem.gradient(Array.from(x)));
            opt.step(x, g);
            for (let i = 0; i < n; i++) {
              worst = Math.max(worst, Math.abs(x[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
            }
          }
          expect(worst).toBeLessThanOrEqual(1e-12);
          expect(x.every(Number.isFinite)).toBe(true);
        });
      }
    }
  });
}
