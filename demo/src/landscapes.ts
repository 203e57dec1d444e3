import { lbfgs, minimize, problems, type TestProblem } from "../../bindings/index";

/** A point worth marking on the plot. */
export interface Marker {
  x: number;
  y: number;
  kind: "global" | "local" | "saddle";
}

/** Defaults a landscape suggests for the controls. */
export interface LandscapeDefaults {
  /** η for gradient descent, momentum and Nesterov. */
  learningRate: number;
  /** η for the adaptive methods (AdaGrad, RMSprop, Adam, …). */
  adaptiveRate: number;
  iterations: number;
  /** Gradient-noise scale σ suggested for stochastic mode. */
  noise: number;
}

/** A 2-D loss landscape: f, ∇f, the square region shown, minima and defaults. */
export interface Landscape {
  id: string;
  name: string;
  /** The formula, for people. */
  formula: string;
  /** One sentence on what the landscape shows. */
  about: string;
  /** Plot region [xmin, xmax] × [ymin, ymax] (square). */
  domain: { x: [number, number]; y: [number, number] };
  start: [number, number];
  /** Known global minimum value, when there is one. */
  fStar: number | undefined;
  markers: Marker[];
  defaults: LandscapeDefaults;
  value(x: Float64Array): number;
  /** Writes ∇f(x) into g and returns f(x). */
  valueAndGradient(x: Float64Array, g: Float64Array): number;
}

export const LANDSCAPE_IDS = [
  "himmelblau",
  "rosenbrock",
  "beale",
  "rastrigin",
  "ackley",
  "saddle",
  "quadratic",
  "goldsteinPrice",
  "plateau",
] as const;
export type LandscapeId = (typeof LANDSCAPE_IDS)[number];

export const LANDSCAPE_NAMES: Record<LandscapeId, string> = {
  himmelblau: "Himmelblau (four minima)",
  rosenbrock: "Rosenbrock (curved valley)",
  beale: "Beale",
  rastrigin: "Rastrigin (many local minima)",
  ackley: "Ackley (many local minima)",
  saddle: "Saddle x² − y²",
  quadratic: "Ill-conditioned quadratic",
  goldsteinPrice: "Goldstein–Price",
  plateau: "Plateau around a narrow well",
};

function fromProblem(
  p: TestProblem,
  rest: Omit<Landscape, "value" | "valueAndGradient" | "fStar" | "markers" | "name"> & { name?: string; extraMarkers?: Marker[] },
): Landscape {
  const markers: Marker[] = (p.minimizers ?? []).map((m) => ({ x: m[0], y: m[1], kind: "global" as const }));
  const { extraMarkers, ...fields } = rest;
  return {
    name: p.name,
    ...fields,
    fStar: p.minimumValue,
    markers: [...markers, ...(extraMarkers ?? [])],
    value: (x) => p.value(x),
    valueAndGradient: (x, g) => p.valueAndGradient(x, g),
  };
}

/** Refines approximate local minima with L-BFGS (and drops any that do not converge). */
function refineMinima(f: (x: Float64Array, g: Float64Array) => number, seeds: [number, number][]): Marker[] {
  const found: Marker[] = [];
  for (const seed of seeds) {
    const result = minimize((x: Float64Array, g?: Float64Array) => f(x, g ?? new Float64Array(2)), seed, {
      optimizer: lbfgs(),
      gradientTolerance: 1e-9,
      maxIterations: 200,
    });
    if (result.converged) found.push({ x: result.x[0], y: result.x[1], kind: "local" });
  }
  return found;
}

/**
 * The ill-conditioned quadratic f = ½(λ₁u² + λ₂v²) in coordinates (u, v) rotated by 30°,
 * with λ₂ = 10 (so L = 10 and 2/L = 0.2 everywhere) and λ₁ = 10/κ.
 */
export function quadratic(conditionNumber: number): Landscape {
  const largest = 10;
  const smallest = largest / conditionNumber;
  const c = Math.cos(Math.PI / 6);
  const s = Math.sin(Math.PI / 6);
  // Hessian A = Rᵀ diag(λ₁, λ₂) R.
  const a11 = smallest * c * c + largest * s * s;
  const a22 = smallest * s * s + largest * c * c;
  const a12 = (smallest - largest) * c * s;
  return {
    id: "quadratic",
    name: "Ill-conditioned quadratic",
    formula: `f = ½(λ₁u² + λ₂v²), (u, v) rotated 30°, λ₂ = ${largest}, λ₁ = λ₂/κ`,
    about:
      "Curvature L = 10 everywhere, so plain gradient descent is stable exactly for η < 2/L = 0.2; " +
      "a large condition number κ makes a narrow valley where it zig-zags and crawls.",
    domain: { x: [-2, 2], y: [-2, 2] },
    start: [-1.6, 1.2],
    fStar: 0,
    markers: [{ x: 0, y: 0, kind: "global" }],
    defaults: { learningRate: 0.1, adaptiveRate: 0.05, iterations: 150, noise: 1 },
    value: (x) => 0.5 * (a11 * x[0] * x[0] + 2 * a12 * x[0] * x[1] + a22 * x[1] * x[1]),
    valueAndGradient(x, g) {
      g[0] = a11 * x[0] + a12 * x[1];
      g[1] = a12 * x[0] + a22 * x[1];
      return 0.5 * (x[0] * g[0] + x[1] * g[1]);
    },
  };
}

/** Builds a landscape (call after `await init()`: Goldstein–Price refines its local minima with L-BFGS). */
export function makeLandscape(id: LandscapeId, conditionNumber = 20): Landscape {
  switch (id) {
    case "himmelblau":
      return fromProblem(problems.himmelblau(), {
        id,
        formula: "f = (x² + y − 11)² + (x + y² − 7)²",
        about: "Four global minima of equal value 0: which one a run finds depends on where it starts.",
        domain: { x: [-5, 5], y: [-5, 5] },
        start: [0, -3],
        defaults: { learningRate: 0.01, adaptiveRate: 0.1, iterations: 200, noise: 10 },
      });
    case "rosenbrock":
      return fromProblem(problems.rosenbrock(), {
        id,
        formula: "f = 100(y − x²)² + (1 − x)²",
        about: "A long, curved, flat-bottomed valley: easy to reach, slow to follow to the minimum at (1, 1).",
        domain: { x: [-2, 2], y: [-1, 3] },
        start: [-1.2, 1],
        defaults: { learningRate: 0.001, adaptiveRate: 0.05, iterations: 500, noise: 5 },
      });
    case "beale":
      return fromProblem(problems.beale(), {
        id,
        formula: "f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
        about: "Flat plateaus and steep walls, with the minimum at (3, 0.5) in a narrow basin.",
        domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
        start: [1, 1.5],
        defaults: { learningRate: 0.001, adaptiveRate: 0.05, iterations: 500, noise: 5 },
      });
    case "rastrigin":
      return fromProblem(problems.rastrigin(2), {
        id,
        formula: "f = 20 + Σ (xᵢ² − 10 cos 2πxᵢ)",
        about: "A bowl covered in regularly spaced local minima; descent stops in the nearest one.",
        domain: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
        start: [2.3, -1.6],
        defaults: { learningRate: 0.002, adaptiveRate: 0.05, iterations: 300, noise: 20 },
      });
    case "ackley":
      return fromProblem(problems.ackley(2), {
        id,
        formula: "f = −20 exp(−0.2 √(½Σxᵢ²)) − exp(½ Σ cos 2πxᵢ) + 20 + e",
        about: "A nearly flat outer region full of small dimples around one deep funnel at the origin.",
        domain: { x: [-5, 5], y: [-5, 5] },
        start: [2.6, -2.2],
        defaults: { learningRate: 0.01, adaptiveRate: 0.05, iterations: 300, noise: 2 },
      });
    case "saddle":
      return {
        id,
        name: "Saddle",
        formula: "f = x² − y²",
        about:
          "A saddle at the origin: a start on the x-axis slides exactly into it and stops, since ∇f has no " +
          "y-component there; gradient noise shakes the path off, and f is unbounded below along y.",
        domain: { x: [-2, 2], y: [-2, 2] },
        start: [1.8, 0],
        fStar: undefined,
        markers: [{ x: 0, y: 0, kind: "saddle" }],
        defaults: { learningRate: 0.05, adaptiveRate: 0.05, iterations: 150, noise: 0.5 },
        value: (x) => x[0] * x[0] - x[1] * x[1],
        valueAndGradient(x, g) {
          g[0] = 2 * x[0];
          g[1] = -2 * x[1];
          return x[0] * x[0] - x[1] * x[1];
        },
      };
    case "quadratic":
      return quadratic(conditionNumber);
    case "plateau": {
      // f = 1 − exp(−r²/2s²) around (1, 1): far from the well the slope is ~1e−7, so a
      // fixed step η·∇f goes nowhere, while methods that divide by √v take steps of ~η.
      const s2 = 0.7 * 0.7;
      const evaluate = (x: Float64Array, g: Float64Array | null): number => {
        const dx = x[0] - 1;
        const dy = x[1] - 1;
        const e = Math.exp(-(dx * dx + dy * dy) / (2 * s2));
        if (g) {
          g[0] = (e * dx) / s2;
          g[1] = (e * dy) / s2;
        }
        return 1 - e;
      };
      return {
        id,
        name: "Plateau",
        formula: "f = 1 − exp(−((x − 1)² + (y − 1)²) / (2·0.7²))",
        about:
          "A narrow well in a nearly flat plain: at the start the slope is about 10⁻⁷, so plain gradient descent " +
          "(and momentum) barely move, while Adam, RMSprop and AdaGrad normalise the gradient and walk across.",
        domain: { x: [-4, 4], y: [-4, 4] },
        start: [-2, -2],
        fStar: 0,
        markers: [{ x: 1, y: 1, kind: "global" }],
        defaults: { learningRate: 0.5, adaptiveRate: 0.05, iterations: 200, noise: 0.01 },
        value: (x) => evaluate(x, null),
        valueAndGradient: (x, g) => evaluate(x, g),
      };
    }
    case "goldsteinPrice": {
      const p = problems.goldsteinPrice();
      const local = refineMinima((x, g) => p.valueAndGradient(x, g), [
        [-0.6, -0.4],
        [1.8, 0.2],
        [1.2, 0.8],
      ]);
      return fromProblem(p, {
        id,
        name: "Goldstein–Price",
        formula: "f = [1 + (x + y + 1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)]·[30 + (2x − 3y)²(18 − 32x + 12x² + 48y − 36xy + 27y²)]",
        about: "Values from 3 to about 10⁶; the global minimum f = 3 at (0, −1) and local minima at f ≈ 30, 84 and 840.",
        domain: { x: [-2, 2], y: [-3, 1] },
        start: [0.5, 0.5],
        defaults: { learningRate: 1e-5, adaptiveRate: 0.01, iterations: 300, noise: 50 },
        extraMarkers: local,
      });
    }
  }
}
