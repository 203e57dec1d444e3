import { defineProblem, dimensionArgument } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * The sphere function, the simplest convex quadratic.
 *
 * ```
 * f(x) = Σᵢ xᵢ²
 * ```
 * - Dimension: any n ≥ 1, default n = 5.
 * - Start: x0ⱼ = (−1)^(j+1)·j, i.e. (1, −2, 3, −4, 5, …) (chosen for this library), f(x0) = 55 (n = 5).
 * - Minimum: f* = 0 at x* = 0.
 * - Source: textbook.
 *
 * @param n - number of variables, an integer ≥ 1; default 5.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = sphere();
 * p.value(p.x0); // 55
 * ```
 */
export function sphere(n?: number): TestProblem {
  const dim = dimensionArgument("sphere", n, 5, (v) => v >= 1, "an integer ≥ 1");
  const x0 = new Float64Array(dim);
  for (let j = 0; j < dim; j++) x0[j] = j % 2 === 0 ? j + 1 : -(j + 1);
  return defineProblem({
    id: "sphere",
    name: "Sphere",
    dim,
    x0,
    minimumValue: 0,
    minimizers: [new Float64Array(dim)],
    references: ["textbook"],
    evaluate(x, out) {
      let s = 0;
      for (let i = 0; i < dim; i++) {
        s += x[i] * x[i];
        if (out !== null) out[i] = 2 * x[i];
      }
      return s;
    },
  });
}
