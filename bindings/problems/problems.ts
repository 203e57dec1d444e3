import { rosenbrock } from "./rosenbrock";
import { freudensteinRoth } from "./freudensteinRoth";
import { powellBadlyScaled } from "./powellBadlyScaled";
import { brownBadlyScaled } from "./brownBadlyScaled";
import { beale } from "./beale";
import { jennrichSampson } from "./jennrichSampson";
import { helicalValley } from "./helicalValley";
import { bard } from "./bard";
import { gaussian } from "./gaussian";
import { meyer } from "./meyer";
import { gulf } from "./gulf";
import { box3d } from "./box3d";
import { powellSingular } from "./powellSingular";
import { wood } from "./wood";
import { kowalikOsborne } from "./kowalikOsborne";
import { brownDennis } from "./brownDennis";
import { osborne1 } from "./osborne1";
import { biggsExp6 } from "./biggsExp6";
import { osborne2 } from "./osborne2";
import { watson } from "./watson";
import { extendedRosenbrock } from "./extendedRosenbrock";
import { extendedPowellSingular } from "./extendedPowellSingular";
import { penalty1 } from "./penalty1";
import { penalty2 } from "./penalty2";
import { variablyDimensioned } from "./variablyDimensioned";
import { trigonometric } from "./trigonometric";
import { brownAlmostLinear } from "./brownAlmostLinear";
import { discreteBoundaryValue } from "./discreteBoundaryValue";
import { discreteIntegralEquation } from "./discreteIntegralEquation";
import { broydenTridiagonal } from "./broydenTridiagonal";
import { broydenBanded } from "./broydenBanded";
import { linearFullRank } from "./linearFullRank";
import { linearRank1 } from "./linearRank1";
import { linearRank1Zero } from "./linearRank1Zero";
import { chebyquad } from "./chebyquad";
import { himmelblau } from "./himmelblau";
import { booth } from "./booth";
import { matyas } from "./matyas";
import { threeHumpCamel } from "./threeHumpCamel";
import { sixHumpCamel } from "./sixHumpCamel";
import { goldsteinPrice } from "./goldsteinPrice";
import { rastrigin } from "./rastrigin";
import { ackley } from "./ackley";
import { styblinskiTang } from "./styblinskiTang";
import { sphere } from "./sphere";
import { zakharov } from "./zakharov";
import { rosenbrock5dScipyTutorial } from "./rosenbrock5dScipyTutorial";
import type { TestProblem } from "./TestProblem";

export type { TestProblem } from "./TestProblem";

/**
 * The test-problem library: 47 classic unconstrained minimisation problems, each a
 * factory returning a fresh {@link TestProblem} (objective, hand-written analytic
 * gradient, standard start, known minimum and minimisers, sources).
 *
 * Contents:
 * - the 35 problems of Moré, Garbow & Hillstrom, "Testing Unconstrained Optimization
 *   Software", ACM TOMS 7(1):17–41, 1981 (MGH #1–#35, in order, `rosenbrock` …
 *   `chebyquad`), written as f(x) = Σᵢ fᵢ(x)² exactly as in the paper (no factor ½),
 *   with gradient 2·Jᵀf;
 * - 12 common landscapes: `himmelblau`, `booth`, `matyas`, `threeHumpCamel`,
 *   `sixHumpCamel`, `goldsteinPrice` (2-D) and `rastrigin`, `ackley`, `styblinskiTang`,
 *   `sphere`, `zakharov`, `rosenbrock5dScipyTutorial` (n-D).
 *
 * Variable-dimension factories take an optional `n` (default: the size usually quoted,
 * e.g. `extendedRosenbrock()` is n = 10) and throw a `DownhillError` with code
 * `INVALID_OPTION` and argument `"n"` for sizes the problem does not allow (odd n for
 * `extendedRosenbrock`, n not a multiple of 4 for `extendedPowellSingular`, n outside
 * [2, 31] for `watson`, …). `minimumValue` is the published f* (usually 6 significant
 * digits; compare with abs tol 1e−6 when f* = 0, rel tol 1e−4 otherwise) and is
 * undefined for sizes where no value is known.
 *
 * Evaluation allocates nothing: scratch buffers are made once per factory call, so one
 * problem object must not be evaluated re-entrantly, but separate factory calls are
 * independent. Problems built only from +, −, ×, ÷ and √ (Rosenbrock, Wood, Powell,
 * Watson, Chebyquad, the linear and polynomial problems, …) give the same bits in every
 * JavaScript engine; problems that genuinely need exp, log, pow, sin, cos or atan
 * (Gaussian, Meyer, Gulf, Box, Osborne, Biggs, Penalty II, Trigonometric, Helical
 * valley, Rastrigin, Ackley, …) use the host's `Math` functions, which are not
 * correctly rounded and may differ in the last bits between engines; each such factory
 * says so in its documentation.
 *
 * Many problems are hard for plain gradient descent within practical budgets (meyer,
 * brownBadlyScaled, powellBadlyScaled, osborne2, gulf, box3d); several have local
 * minima that descent from x0 may find instead (freudensteinRoth, biggsExp6,
 * trigonometric, threeHumpCamel from other starts, rastrigin, ackley).
 *
 * @example
 * ```ts
 * import { problems } from "./problems";
 * for (const [id, make] of Object.entries(problems)) {
 *   const p = make();
 *   const x = p.x0.slice();
 *   const g = new Float64Array(p.dim);
 *   const f = p.valueAndGradient(x, g);
 *   console.log(id, p.dim, f, p.minimumValue);
 * }
 * const big = problems.extendedRosenbrock(1000); // variable dimension
 * ```
 */
export const problems = Object.freeze({
  rosenbrock,
  freudensteinRoth,
  powellBadlyScaled,
  brownBadlyScaled,
  beale,
  jennrichSampson,
  helicalValley,
  bard,
  gaussian,
  meyer,
  gulf,
  box3d,
  powellSingular,
  wood,
  kowalikOsborne,
  brownDennis,
  osborne1,
  biggsExp6,
  osborne2,
  watson,
  extendedRosenbrock,
  extendedPowellSingular,
  penalty1,
  penalty2,
  variablyDimensioned,
  trigonometric,
  brownAlmostLinear,
  discreteBoundaryValue,
  discreteIntegralEquation,
  broydenTridiagonal,
  broydenBanded,
  linearFullRank,
  linearRank1,
  linearRank1Zero,
  chebyquad,
  himmelblau,
  booth,
  matyas,
  threeHumpCamel,
  sixHumpCamel,
  goldsteinPrice,
  rastrigin,
  ackley,
  styblinskiTang,
  sphere,
  zakharov,
  rosenbrock5dScipyTutorial,
});

/** The camelCase id of a problem in {@link problems}. */
export type ProblemId = keyof typeof problems;

/** A factory in {@link problems}: variable-dimension ones accept an optional `n`. */
export type ProblemFactory = (n?: number) => TestProblem;
