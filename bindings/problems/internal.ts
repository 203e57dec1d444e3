/**
 * Internal helpers of the test-problem library (not part of the public API): the
 * TestProblem builders, the dimension check and shared residual blocks.
 * @internal
 * @packageDocumentation
 */
import { DownhillError } from "../DownhillError";
import type { TestProblem } from "./TestProblem";

/** Common fields of a problem definition (internal). */
interface ProblemFields {
  id: string;
  name: string;
  dim: number;
  x0: ArrayLike<number>;
  minimumValue?: number;
  minimizers?: ReadonlyArray<ArrayLike<number>>;
  references: readonly string[];
}

/** A problem given by one evaluation routine (internal). */
export interface ProblemSpec extends ProblemFields {
  /** Returns f(x); when `out` is not null, also writes ∇f(x) into it. */
  evaluate(x: Float64Array, out: Float64Array | null): number;
}

/** A sum of squares f(x) = Σᵢ rᵢ(x)², ∇f = 2·Jᵀr (internal). */
export interface LeastSquaresSpec extends ProblemFields {
  /** Number of residuals. */
  m: number;
  /** Writes r(x) into `r` (length m). May fill scratch buffers that `jacobianTransposeTimes` reads. */
  residuals(x: Float64Array, r: Float64Array): void;
  /** Writes J(x)ᵀ·r into `out`; always called right after `residuals(x, r)` with the same x. */
  jacobianTransposeTimes(x: Float64Array, r: Float64Array, out: Float64Array): void;
}

/** Builds the public TestProblem object around one evaluation routine. */
export function defineProblem(spec: ProblemSpec): TestProblem {
  const { id, dim, evaluate } = spec;
  const checkLength = (array: Float64Array, name: string): void => {
    if (array.length !== dim) {
      throw new DownhillError(
        "LENGTH_MISMATCH",
        `${id}: ${name} must have length ${dim} (the problem's dimension), got ${array.length}.`,
        name,
      );
    }
  };
  const problem: TestProblem = {
    id,
    name: spec.name,
    dim,
    x0: Float64Array.from(spec.x0),
    value(x: Float64Array): number {
      checkLength(x, "x");
      return evaluate(x, null);
    },
    gradient(x: Float64Array, out: Float64Array): void {
      checkLength(x, "x");
      checkLength(out, "out");
      evaluate(x, out);
    },
    valueAndGradient(x: Float64Array, out: Float64Array): number {
      checkLength(x, "x");
      checkLength(out, "out");
      return evaluate(x, out);
    },
    references: [...spec.references],
  };
  if (spec.minimumValue !== undefined) problem.minimumValue = spec.minimumValue;
  if (spec.minimizers !== undefined) problem.minimizers = spec.minimizers.map((p) => Float64Array.from(p));
  return problem;
}

/** Builds a sum-of-squares problem: f = Σ rᵢ², ∇f = 2·Jᵀr, residuals in a preallocated buffer. */
export function defineLeastSquares(spec: LeastSquaresSpec): TestProblem {
  const { m, dim, residuals, jacobianTransposeTimes } = spec;
  const r = new Float64Array(m);
  return defineProblem({
    ...spec,
    evaluate(x: Float64Array, out: Float64Array | null): number {
      residuals(x, r);
      let f = 0;
      for (let i = 0; i < m; i++) f += r[i] * r[i];
      if (out !== null) {
        jacobianTransposeTimes(x, r, out);
        for (let j = 0; j < dim; j++) out[j] *= 2;
      }
      return f;
    },
  });
}

/**
 * The dimension argument of a variable-dimension factory: `fallback` when undefined,
 * otherwise an integer accepted by `allowed`, else a DownhillError INVALID_OPTION on "n".
 */
export function dimensionArgument(
  functionName: string,
  n: unknown,
  fallback: number,
  allowed: (n: number) => boolean,
  rule: string,
): number {
  if (n === undefined) return fallback;
  if (typeof n !== "number" || !Number.isInteger(n) || !allowed(n)) {
    const got = typeof n === "number" ? String(n) : typeof n === "string" ? `"${n}"` : typeof n;
    throw new DownhillError("INVALID_OPTION", `${functionName}: n must be ${rule}, got ${got}.`, "n");
  }
  return n;
}

/** An array of length n filled with `value`. */
export function filled(n: number, value: number): Float64Array {
  return new Float64Array(n).fill(value);
}

/** An array of length n repeating `pattern` (pattern[j mod pattern.length]). */
export function cycled(n: number, pattern: readonly number[]): Float64Array {
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) out[j] = pattern[j % pattern.length];
  return out;
}

const SQRT5 = Math.sqrt(5);
const SQRT10 = Math.sqrt(10);

/** Residuals of one Powell-singular block x[j..j+3] into r[k..k+3] (powellSingular and extendedPowellSingular). */
export function powellBlockResiduals(x: Float64Array, j: number, r: Float64Array, k: number): void {
  const a = x[j + 1] - 2 * x[j + 2];
  const b = x[j] - x[j + 3];
  r[k] = x[j] + 10 * x[j + 1];
  r[k + 1] = SQRT5 * (x[j + 2] - x[j + 3]);
  r[k + 2] = a * a;
  r[k + 3] = SQRT10 * (b * b);
}

/** Jᵀr of one Powell-singular block into out[j..j+3] (powellSingular and extendedPowellSingular). */
export function powellBlockGradient(x: Float64Array, j: number, r: Float64Array, k: number, out: Float64Array): void {
  const a2 = 2 * (x[j + 1] - 2 * x[j + 2]) * r[k + 2]; // ∂f3/∂x2 = 2a, ∂f3/∂x3 = −4a
  const b2 = 2 * SQRT10 * (x[j] - x[j + 3]) * r[k + 3]; // ∂f4/∂x1 = 2√10·b, ∂f4/∂x4 = −2√10·b
  const s = SQRT5 * r[k + 1];
  out[j] = r[k] + b2;
  out[j + 1] = 10 * r[k] + a2;
  out[j + 2] = s - 2 * a2;
  out[j + 3] = -s - b2;
}
