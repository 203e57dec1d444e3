import { DownhillError } from "../DownhillError";
import type { TestProblem } from "../problems/TestProblem";
import { validate } from "../validate";

/** Options of {@link illConditionedQuadratic}. */
export interface IllConditionedQuadraticOptions {
  /** Number of variables n ≥ 1. Default 2. */
  dim?: number;
  /** Condition number κ ≥ 1 of the Hessian: its eigenvalues run linearly from 1 to κ. Default 100. */
  conditionNumber?: number;
}

/**
 * The ill-conditioned quadratic f(x) = ½ Σ d_i x_i² with d_i = 1 + (κ − 1)·i/(n − 1), so
 * the Hessian diag(d) has eigenvalues from 1 to κ and condition number κ. Plain gradient
 * descent is stable only for η < 2/κ and then needs about κ steps per digit; the demo and
 * the benchmarks use it to show what conditioning does. Start x0 = (1, …, 1), minimum
 * f* = 0 at the origin. Only + − × ÷, so it gives the same bits in every engine and in
 * WebAssembly (see `landscape`).
 *
 * @example
 * ```ts
 * const q = illConditionedQuadratic({ dim: 2, conditionNumber: 50 });
 * q.value(q.x0); // ½(1 + 50) = 25.5
 * ```
 */
export function illConditionedQuadratic(options?: IllConditionedQuadraticOptions): TestProblem {
  const where = "illConditionedQuadratic";
  const o = validate.options(where, options, ["dim", "conditionNumber"]);
  const dim = validate.number(where, "dim", o.dim ?? 2, { min: 1 });
  if (!Number.isInteger(dim)) throw new DownhillError("INVALID_OPTION", `${where}: dim must be a whole number ≥ 1, got ${dim}.`, "dim");
  const kappa = validate.number(where, "conditionNumber", o.conditionNumber ?? 100, { min: 1 });
  const d = Float64Array.from({ length: dim }, (_, i) => (dim > 1 ? 1 + ((kappa - 1) * i) / (dim - 1) : 1));
  const check = (array: Float64Array, name: string) => {
    if (array.length !== dim) {
      throw new DownhillError("LENGTH_MISMATCH", `${where}: ${name} must have length ${dim}, got ${array.length}.`, name);
    }
  };
  const evaluate = (x: Float64Array, out: Float64Array | null): number => {
    let s = 0;
    for (let i = 0; i < dim; i++) {
      s += d[i] * x[i] * x[i];
      if (out !== null) out[i] = d[i] * x[i];
    }
    return s / 2;
  };
  return {
    id: "illConditionedQuadratic",
    name: `Ill-conditioned quadratic (κ = ${kappa})`,
    dim,
    x0: new Float64Array(dim).fill(1),
    minimumValue: 0,
    minimizers: [new Float64Array(dim)],
    value(x) {
      check(x, "x");
      return evaluate(x, null);
    },
    gradient(x, out) {
      check(x, "x");
      check(out, "out");
      evaluate(x, out);
    },
    valueAndGradient(x, out) {
      check(x, "x");
      check(out, "out");
      return evaluate(x, out);
    },
    references: ["Nocedal & Wright, Numerical Optimization (2006), §3.3: steepest descent on quadratics"],
  };
}
