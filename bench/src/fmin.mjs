// fmin (npm `fmin`, the optimizer behind venn.js) against downhill on classic
// minimizations it can do:
//   P1  extended Rosenbrock, n = 100, from the standard start, with its analytic
//       gradient: fmin.conjugateGradient vs downhill's lbfgs() and conjugateGradient().
//   P2  Rosenbrock, n = 2, value only: fmin.nelderMead vs downhill's lbfgs() with
//       central-difference gradients (minimize with a one-parameter objective).
// Stopping rules differ: fmin's CG stops at ‖∇f‖₂ ≤ 1e-5 (or 20n iterations), its
// Nelder–Mead when the simplex's values and size shrink below 1e-6 / 1e-5; downhill
// stops at ‖∇f‖∞ ≤ 1e-6, which for n = 100 implies ‖∇f‖₂ ≤ 1e-5. Every record carries
// the final f, ‖∇f‖₂ and the evaluation count, so quality is compared along with time.
import { measureJob } from "./harness.mjs";

function norm2(g) {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}

/** Runs P1 and P2. `fmin` is the fmin library (see loadFmin.mjs), `dh` downhill. */
export async function runFmin({ dh, fmin, timing, n = 100, log = () => {} }) {
  const records = [];
  const push = (record) => {
    records.push({ suite: "minimize", precision: "float64", ...record });
    const e = record.extra;
    log(`minimize ${record.id} ${record.impl}: ${record.median.toPrecision(4)} ms, ${e.evaluations} evaluations, f = ${e.value.toExponential(2)}, ‖∇f‖₂ = ${e.gradientNorm2.toExponential(2)}`);
  };
  const backend = await dh.loadBackend("wasm-simd").catch(() => dh.loadBackend("ts"));

  // P1
  {
    const problem = dh.problems.extendedRosenbrock(n);
    const g = new Float64Array(n);
    for (const [impl, method] of [["downhill lbfgs", () => dh.lbfgs()], ["downhill conjugateGradient", () => dh.conjugateGradient()]]) {
      const stats = await measureJob(`P1 ${impl}`, () => {
        const r = dh.minimize(problem, problem.x0, { optimizer: method(), backend, gradientTolerance: 1e-6, maxIterations: 100_000 });
        problem.gradient(r.x, g);
        return { iterations: r.iterations, evaluations: r.evaluations, value: r.value, gradientNorm2: norm2(g), reason: r.reason };
      }, timing);
      push({ id: "P1", n, impl, ...stats });
    }
    const stats = await measureJob("P1 fmin conjugateGradient", () => {
      const count = { n: 0 };
      const f = (x, fxprime) => {
        count.n++;
        return problem.valueAndGradient(x, fxprime);
      };
      const r = fmin.conjugateGradient(f, problem.x0.slice());
      const x = Float64Array.from(r.x);
      problem.gradient(x, g);
      return { evaluations: count.n, value: problem.value(x), gradientNorm2: norm2(g) };
    }, timing);
    push({ id: "P1", n, impl: "fmin conjugateGradient", ...stats });
  }

  // P2
  {
    const problem = dh.problems.rosenbrock();
    const g = new Float64Array(2);
    const stats = await measureJob("P2 downhill lbfgs (finite differences)", () => {
      let evaluations = 0;
      const f = (x) => (evaluations++, problem.value(x));
      const r = dh.minimize(f, problem.x0, { backend, gradientTolerance: 1e-6 });
      problem.gradient(r.x, g);
      return { iterations: r.iterations, evaluations, value: r.value, gradientNorm2: norm2(g), reason: r.reason };
    }, timing);
    push({ id: "P2", n: 2, impl: "downhill lbfgs (finite differences)", ...stats });
    const stats2 = await measureJob("P2 fmin nelderMead", () => {
      let evaluations = 0;
      const r = fmin.nelderMead((x) => (evaluations++, problem.value(x)), problem.x0.slice());
      const x = Float64Array.from(r.x);
      problem.gradient(x, g);
      return { evaluations, value: problem.value(x), gradientNorm2: norm2(g) };
    }, timing);
    push({ id: "P2", n: 2, impl: "fmin nelderMead", ...stats2 });
  }
  return records;
}
