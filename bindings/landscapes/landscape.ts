import type { Backend } from "../backends/Backend";
import { DownhillError } from "../DownhillError";
import { estimateGradient, type FiniteDifferenceMethod } from "../finiteDifference/estimateGradient";
import { currentBackend } from "../init";
import { problems } from "../problems/problems";
import type { TestProblem } from "../problems/TestProblem";
import { validate } from "../validate";
import { illConditionedQuadratic } from "./illConditionedQuadratic";

/** The landscapes that also run entirely in WebAssembly. */
export type LandscapeId =
  | "extendedRosenbrock"
  | "sphere"
  | "styblinskiTang"
  | "himmelblau"
  | "rastrigin"
  | "ackley"
  | "illConditionedQuadratic";

const IDS: readonly LandscapeId[] = [
  "extendedRosenbrock", "sphere", "styblinskiTang", "himmelblau", "rastrigin", "ackley", "illConditionedQuadratic",
];

/** Options of {@link landscape}. */
export interface LandscapeOptions {
  /** Number of variables (where the landscape allows a choice). Default: the problem's default. */
  dim?: number;
  /** Condition number κ of `illConditionedQuadratic`. Default 100. */
  conditionNumber?: number;
  /** Where it runs. Default: the backend chosen by `init()`. */
  backend?: Backend;
}

/** A test problem whose value, gradient and finite differences run on a backend. */
export interface Landscape extends TestProblem {
  /** The backend it runs on. */
  readonly backend: Backend;
  /**
   * A finite-difference gradient into `out`, computed entirely on the backend: forward
   * (h = √ε·max(1, |xᵢ|)) or central (h = ∛ε·max(1, |xᵢ|), the default) — the same steps
   * as `finiteDifferenceGradient`, so on the polynomial landscapes the two agree bit for bit.
   */
  differenceGradient(x: Float64Array, out: Float64Array, method?: FiniteDifferenceMethod): void;
}

/**
 * One of the landscapes that benchmarks and the demo use, evaluated on a backend: on
 * `wasm-simd` and `wasm` the value, the analytic gradient and every evaluation of a
 * finite-difference gradient run inside WebAssembly (assembly/landscapes.ts), with no
 * copies when x and out are vectors of that backend; on `ts` it is the TypeScript
 * definition from `problems` (or {@link illConditionedQuadratic}).
 *
 * Extended Rosenbrock, sphere, Styblinski–Tang, Himmelblau and the ill-conditioned
 * quadratic use only + − × ÷ and agree with the TypeScript definitions bit for bit.
 * Rastrigin and Ackley need cos, sin and exp: WebAssembly uses AssemblyScript's own
 * Math (the same bits in every engine), the TS backend the host's (within a few ulps).
 *
 * @example
 * ```ts
 * await init();
 * const rosen = landscape("extendedRosenbrock", { dim: 100 });
 * const g = new Float64Array(100);
 * rosen.valueAndGradient(rosen.x0, g);       // in WebAssembly
 * rosen.differenceGradient(rosen.x0, g);     // 200 evaluations, all in WebAssembly
 * minimize(rosen, rosen.x0);                 // any downhill method takes it
 * ```
 */
export function landscape(id: LandscapeId, options?: LandscapeOptions): Landscape {
  const where = "landscape";
  if (!IDS.includes(id)) {
    throw new DownhillError("INVALID_OPTION", `${where}: unknown landscape ${JSON.stringify(id)}; choose one of ${IDS.join(", ")}.`, "id");
  }
  const o = validate.options(where, options, ["dim", "conditionNumber", "backend"]);
  if (o.conditionNumber !== undefined && id !== "illConditionedQuadratic") {
    throw new DownhillError("INVALID_OPTION", `${where}: conditionNumber applies to illConditionedQuadratic only.`, "conditionNumber");
  }
  const reference =
    id === "illConditionedQuadratic"
      ? illConditionedQuadratic({ dim: o.dim as number | undefined, conditionNumber: o.conditionNumber as number | undefined })
      : id === "himmelblau"
        ? (o.dim === undefined || o.dim === 2 ? problems.himmelblau() : badDimension(o.dim))
        : problems[id](o.dim as number | undefined);
  const kappa = (o.conditionNumber as number | undefined) ?? 100;
  const backend = (o.backend as Backend | undefined) ?? currentBackend();
  const n = reference.dim;
  const check = (array: Float64Array, name: string) => {
    if (!(array instanceof Float64Array)) {
      throw new DownhillError("WRONG_TYPE", `${id}: ${name} must be a Float64Array, got ${typeof array}.`, name);
    }
    if (array.length !== n) throw new DownhillError("LENGTH_MISMATCH", `${id}: ${name} must have length ${n}, got ${array.length}.`, name);
  };

  if (!backend.exports || !backend.address) {
    const scratch = new Float64Array(n);
    return {
      ...reference,
      backend,
      differenceGradient(x, out, method = "central") {
        check(x, "x");
        check(out, "out");
        scratch.set(x);
        estimateGradient((v) => reference.value(v), scratch, out, method, method === "forward" ? reference.value(x) : NaN);
      },
    };
  }

  const code = IDS.indexOf(id);
  const exports = backend.exports as {
    landscapeValueAndGradient(id: number, x: number, g: number, n: number, parameter: number): number;
    landscapeDifferenceGradient(id: number, x: number, g: number, n: number, parameter: number, central: number, valueAtX: number): void;
  };
  const address = backend.address.bind(backend);
  // Scratch vectors for arrays from elsewhere, made on first need.
  let scratchX: Float64Array | undefined;
  let scratchG: Float64Array | undefined;
  const pointer = (array: Float64Array, name: string, slot: "x" | "g"): number => {
    if (backend.owns(array)) return address(array, name);
    if (!scratchX) {
      scratchX = backend.vector(n);
      scratchG = backend.vector(n);
    }
    scratchX = backend.refresh(scratchX);
    scratchG = backend.refresh(scratchG!);
    if (slot === "x") {
      scratchX.set(array);
      return address(scratchX, name);
    }
    return address(scratchG, name);
  };
  const copyOut = (out: Float64Array): void => {
    if (!backend.owns(out)) out.set(backend.refresh(scratchG!));
  };
  const evaluate = (x: Float64Array, out: Float64Array | null): number => {
    check(x, "x");
    if (out) check(out, "out");
    const px = pointer(x, "x", "x");
    const pg = out ? pointer(out, "out", "g") : 0;
    const value = exports.landscapeValueAndGradient(code, px, pg, n, kappa);
    if (out) copyOut(out);
    return value;
  };
  return {
    ...reference,
    backend,
    value: (x) => evaluate(x, null),
    gradient: (x, out) => void evaluate(x, out),
    valueAndGradient: (x, out) => evaluate(x, out),
    differenceGradient(x, out, method = "central") {
      check(x, "x");
      check(out, "out");
      const px = pointer(x, "x", "x");
      const pg = pointer(out, "out", "g");
      const valueAtX = method === "forward" ? exports.landscapeValueAndGradient(code, px, 0, n, kappa) : NaN;
      exports.landscapeDifferenceGradient(code, px, pg, n, kappa, method === "central" ? 1 : 0, valueAtX);
      copyOut(out);
    },
  };
}

function badDimension(dim: unknown): never {
  throw new DownhillError("INVALID_OPTION", `landscape: himmelblau is two-dimensional; omit dim or pass 2, got ${String(dim)}.`, "dim");
}
