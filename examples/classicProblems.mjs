// The second part of npm start: classic test problems from their standard starts,
// minimized by several methods, with iterations, evaluations and the value reached.
import { adam, conjugateGradient, gradientDescent, lbfgs, minimize, problems } from "downhill";
import { printTable } from "./printTable.mjs";

const PROBLEMS = [
  problems.rosenbrock(),
  problems.beale(),
  problems.wood(),
  problems.helicalValley(),
  problems.powellSingular(),
  problems.extendedRosenbrock(100),
];
const METHODS = [
  { label: "L-BFGS", options: () => ({ optimizer: lbfgs() }) },
  { label: "conjugate gradient (PR+)", options: () => ({ optimizer: conjugateGradient() }) },
  { label: "gradient descent (Armijo)", options: () => ({ optimizer: gradientDescent(), maxIterations: 20000 }) },
  { label: "Adam, η = 0.01", options: () => ({ optimizer: adam({ learningRate: 0.01 }), maxIterations: 20000 }) },
];

/** Minimizes each problem with each method and prints the comparison. */
export async function classicProblems() {
  const rows = [];
  for (const problem of PROBLEMS) {
    for (const method of METHODS) {
      const started = performance.now();
      const r = minimize(problem, problem.x0, method.options());
      const target = problem.minimumValue ?? 0;
      const reached = target === 0 ? r.value <= 1e-6 : Math.abs(r.value - target) <= 1e-5 * Math.abs(target);
      rows.push([
        `${problem.name} (n = ${problem.dim})`, method.label, String(r.iterations), String(r.evaluations),
        r.value.toExponential(3), reached ? "yes" : "no", r.reason, (performance.now() - started).toFixed(1),
      ]);
    }
  }
  console.log("\nClassic problems from their standard starts (Moré, Garbow & Hillstrom 1981), gradient tolerance 1e-6\n");
  printTable(["problem", "method", "iterations", "evaluations", "f", "f* reached", "reason", "ms"], rows, 2);
}
