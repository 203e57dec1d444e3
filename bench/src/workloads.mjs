// End-to-end workloads W1–W6 (bench/README.md defines each exactly) on downhill's
// backends, with the plain-loop baseline where one is meaningful. Peers (TensorFlow.js,
// fmin, native C) live in their own modules and produce records of the same shape.
import { driver, fnDriver, measure, measureGroup, measureJob } from "./harness.mjs";
import { fillStepInputs, LOGISTIC_ROWS, logisticData, W1_N } from "./data.mjs";
import { modelSupport, prepareLogistic, prepareMlp } from "./models.mjs";
import { arena, plainAdam32, plainAdam64, plainLogistic32, plainLogistic64, plainSgd32, plainSgd64 } from "./plainLoops.mjs";
import { BACKENDS } from "./kernels.mjs";

export const WORKLOADS = {
  W1: "Adam step, 1,000,000 parameters",
  W2: "SGD-momentum step, 1,000,000 parameters",
  W3: "logistic regression loss + gradient, dense rows × 100",
  W4: "central-difference gradient, extended Rosenbrock n = 100",
  W5: "MLP 784-128-10 ReLU training step, batch 64, softmax CE, Adam",
  W6: "L-BFGS on extended Rosenbrock n = 1000 to ‖∇f‖∞ ≤ 1e-6",
};

const STEP_SETTINGS = {
  W1: { factory: "adam", options: { learningRate: 1e-3 }, plain: { float64: plainAdam64, float32: plainAdam32 } },
  W2: { factory: "sgd", options: { learningRate: 0.01, momentum: 0.9 }, plain: { float64: plainSgd64, float32: plainSgd32 } },
};

/**
 * Runs the downhill side of W1–W6. `sizes` may shrink the problems (the smoke test);
 * records carry the sizes used. `peers` (e.g. `tfjsPeer(tf, "wasm")`) join the same
 * interleaved groups, so their ratios to downhill come from the same moments.
 */
export async function runWorkloads({
  dh, backends = BACKENDS, timing, only = Object.keys(WORKLOADS), log = () => {},
  sizes = {}, plain = true, peers = [],
}) {
  const loaded = await Promise.all(backends.map((name) => dh.loadBackend(name)));
  const n1 = sizes.steps ?? W1_N;
  const logisticRows = sizes.logisticRows ?? LOGISTIC_ROWS;
  const w6n = sizes.lbfgs ?? 1000;
  const records = [];
  const push = (record) => {
    records.push({ suite: "workloads", ...record });
    const r = records[records.length - 1];
    log(`workload ${r.id} ${r.variant ?? ""} ${r.precision} ${r.impl}: ${(r.median).toPrecision(4)} ms [${r.min.toPrecision(3)}–${r.max.toPrecision(3)}]`);
  };

  for (const id of ["W1", "W2"]) {
    if (!only.includes(id)) continue;
    const s = STEP_SETTINGS[id];
    for (const precision of ["float32", "float64"]) {
      const tasks = [];
      const cleanups = [];
      try {
        for (const backend of loaded) {
          let p = backend.vector(n1, precision);
          let g = backend.vector(n1, precision);
          fillStepInputs(p, g);
          const opt = dh[s.factory]({ ...s.options, backend });
          cleanups.push(() => {
            opt.reset();
            backend.free(backend.refresh(p));
            backend.free(backend.refresh(g));
          });
          opt.step(p, g);
          p = backend.refresh(p);
          g = backend.refresh(g);
          tasks.push({ name: backend.name, run: driver(opt, "step", p, g) });
        }
        if (plain) {
          const Ctor = precision === "float32" ? Float32Array : Float64Array;
          const alloc = arena(Ctor, n1, 4);
          const p = alloc();
          const g = alloc();
          fillStepInputs(p, g);
          const opt = s.plain[precision](n1, s.options, alloc);
          opt.step(p, g);
          tasks.push({ name: "plain", run: driver(opt, "step", p, g) });
        }
        for (const peer of peers) {
          const job = peer.make({ id, precision, n: n1 });
          if (!job) continue;
          cleanups.push(() => job.done());
          tasks.push({ name: peer.impl, run: job.run });
        }
        const results = await measureGroup(tasks, timing);
        results.forEach((stats, k) => push({ id, precision, impl: tasks[k].name, n: n1, ...stats }));
      } finally {
        for (const c of cleanups) c();
      }
    }
  }

  if (only.includes("W3")) {
    const support = modelSupport(dh);
    for (const rows of logisticRows) {
      const variant = `${rows.toLocaleString("en-US")} × 100`;
      for (const precision of ["float32", "float64"]) {
        const Ctor = precision === "float32" ? Float32Array : Float64Array;
        const data = logisticData(rows, Ctor);
        const tasks = [];
        const jobs = [];
        try {
          if (support.logisticRegression) {
            for (const backend of loaded) {
              const job = prepareLogistic(dh, backend, data, precision);
              jobs.push(job);
              tasks.push({ name: backend.name, run: job.run, loss: () => job.loss() });
            }
          }
          if (plain) {
            const grad = new Ctor(data.d + 1);
            const fn = precision === "float32" ? plainLogistic32 : plainLogistic64;
            tasks.push({
              name: "plain",
              run: fnDriver(fn, data.X, data.y, rows, data.d, data.w, grad),
              loss: () => fn(data.X, data.y, rows, data.d, data.w, grad),
            });
          }
          for (const peer of peers) {
            const job = peer.make({ id: "W3", precision, rows });
            if (!job) continue;
            jobs.push(job);
            tasks.push({ name: peer.impl, run: job.run, loss: () => job.loss() });
          }
          const results = await measureGroup(tasks, timing);
          results.forEach((stats, k) =>
            push({ id: "W3", variant, rows, precision, impl: tasks[k].name, ...stats, extra: { loss: tasks[k].loss() } }),
          );
        } finally {
          for (const job of jobs) job.done();
        }
      }
    }
  }

  if (only.includes("W4")) {
    // The 200 evaluations of a central-difference gradient, on each backend: the
    // landscape (value and perturbations) runs in WebAssembly on wasm-simd and wasm, and
    // is the TypeScript problem on ts. "plain" is finiteDifferenceGradient on a plain
    // function, the generic path for any JavaScript objective.
    const n = sizes.finiteDifference ?? 100;
    const tasks = [];
    const cleanups = [];
    for (const backend of loaded) {
      const land = dh.landscape("extendedRosenbrock", { dim: n, backend });
      const x = backend.vector(n);
      const out = backend.vector(n);
      x.set(land.x0);
      cleanups.push(() => (backend.free(backend.refresh(x)), backend.free(backend.refresh(out))));
      tasks.push({
        name: backend.name,
        run: driver(land, "differenceGradient", x, out, "central"), // nothing allocates while timing

        gradient0: () => backend.refresh(out)[0],
      });
    }
    const problem = dh.problems.extendedRosenbrock(n);
    const generic = new Float64Array(n);
    tasks.push({
      name: "plain",
      run: fnDriver(dh.finiteDifferenceGradient, (x) => problem.value(x), problem.x0.slice(), { method: "central", out: generic }),
      gradient0: () => generic[0],
    });
    try {
      const results = await measureGroup(tasks, timing);
      results.forEach((stats, k) =>
        push({ id: "W4", n, precision: "float64", impl: tasks[k].name, ...stats, extra: { gradient0: tasks[k].gradient0(), evaluations: 2 * n } }),
      );
    } finally {
      for (const done of cleanups) done();
    }
  }

  if (only.includes("W5")) {
    const support = modelSupport(dh);
    const tasks = [];
    const jobs = [];
    try {
      if (support.mlp) {
        for (const backend of loaded) {
          const job = prepareMlp(dh, backend);
          jobs.push(job);
          tasks.push({ name: backend.name, run: job.run, loss: () => job.firstLoss });
        }
      }
      for (const peer of peers) {
        const job = peer.make({ id: "W5", precision: "float32" });
        if (!job) continue;
        jobs.push(job);
        tasks.push({ name: peer.impl, run: job.run, loss: () => job.loss() });
      }
      if (tasks.length) {
        const results = await measureGroup(tasks, timing);
        results.forEach((stats, k) => push({ id: "W5", precision: "float32", impl: tasks[k].name, ...stats, extra: { loss: tasks[k].loss() } }));
      }
    } finally {
      for (const job of jobs) job.done();
    }
  }

  if (only.includes("W6")) {
    for (const backend of loaded) {
      const problem = dh.problems.extendedRosenbrock(w6n);
      const stats = await measureJob(`W6 ${backend.name}`, () => {
        const r = dh.minimize(problem, problem.x0, {
          optimizer: dh.lbfgs(), backend, gradientTolerance: 1e-6, maxIterations: 100_000,
        });
        return {
          iterations: r.iterations, evaluations: r.evaluations, gradientEvaluations: r.gradientEvaluations,
          value: r.value, gradientNorm: r.gradientNorm, reason: r.reason,
        };
      }, { ...timing, minSampleMs: 0 });
      push({ id: "W6", n: w6n, precision: "float64", impl: backend.name, ...stats });
    }
  }
  return records;
}
