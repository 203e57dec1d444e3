// The measuring core shared by every suite, in Node and in the browser bundle.
//
// Each task is one tinybench task. Calls that take less than `minSampleMs` are batched:
// a calibration pass picks `reps`, and every tinybench sample times `reps` calls in a
// loop, so the timer's resolution (1 µs in Node, 5–100 µs in browsers) and the cost of
// reading it never dominate. Reported times are per call, in milliseconds: the median,
// min and max of the samples, each divided by `reps`.
import { Bench } from "tinybench";

/** Default timing budget of one task; `quick` runs use less. */
export const DEFAULT_TIMING = {
  /** Least total measuring time per task (ms). */
  time: 150,
  /** Least number of samples per task. */
  iterations: 7,
  /** Warm-up time per task (ms), after calibration. */
  warmupTime: 30,
  /** Least duration of one sample (ms): shorter calls are batched. */
  minSampleMs: 0.5,
  /**
   * Implementations compared with each other are measured in this many interleaved
   * rounds (A B C A B C …), each with time/rounds, and their samples pooled: on a
   * shared machine a neighbour's burst then slows every contender alike instead of
   * whichever happened to run at that moment.
   */
  rounds: 3,
};

export const QUICK_TIMING = { time: 30, iterations: 3, warmupTime: 5, minSampleMs: 0.25, rounds: 1 };

export const TINY_TIMING = { time: 1, iterations: 2, warmupTime: 0, minSampleMs: 0.05, rounds: 1 };

const now = () => performance.now();

/**
 * A loop that calls `target[method](...args)` `reps` times, built with `new Function`
 * so that every task gets its own code and so its own inline caches: a loop shared by
 * all tasks would see every backend's receiver and turn megamorphic, which would tax
 * the smallest calls (n = 2, n = 10) with a few ns that no user's own loop pays.
 * Bench code only: the library itself never uses `new Function`.
 */
export function driver(target, method, ...args) {
  const params = args.map((_, i) => `a${i}`);
  const make = new Function(
    "t",
    ...params,
    `"use strict"; return function run(reps) { let r = 0; for (let i = 0; i < reps; i++) r = t.${method}(${params.join(", ")}); return r; };`,
  );
  return make(target, ...args);
}

/** Same as {@link driver} for a plain function `fn(...args)`. */
export function fnDriver(fn, ...args) {
  return driver({ fn }, "fn", ...args);
}

/** Times `run(reps)` once, in ms. */
function timeOnce(run, reps) {
  const t0 = now();
  run(reps);
  return now() - t0;
}

/**
 * How many calls one sample needs to last at least `minSampleMs`. Each estimate is the
 * fastest of three timings, so a garbage collection or a tier-up during calibration
 * does not pass for the call's cost; and the answer is checked by timing it, so a
 * coarse browser timer (5–100 µs steps) cannot make it too small.
 */
function calibrate(run, minSampleMs) {
  // A few calls first: the first ones include compilation and state allocation.
  for (let i = 0; i < 3; i++) run(1);
  let reps = 1;
  for (let guard = 0; guard < 40; guard++) {
    const t = Math.min(timeOnce(run, reps), timeOnce(run, reps), timeOnce(run, reps));
    if (t >= minSampleMs) return reps;
    const next = t > 0 ? Math.ceil((reps * minSampleMs * 1.25) / t) : reps * 16;
    reps = Math.min(Math.max(next, reps * 2), reps * 64, 1e9);
  }
  return reps;
}

/** Median of a sorted array. */
function median(sorted) {
  const k = sorted.length >> 1;
  return sorted.length % 2 ? sorted[k] : 0.5 * (sorted[k - 1] + sorted[k]);
}

/** Per-call statistics (ms) from per-sample latencies of `reps` calls each. */
function summarize(samples, reps) {
  const sorted = samples.slice().sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const zeros = sorted.filter((x) => x <= 0).length;
  return {
    ...(zeros ? { zeroSamples: zeros } : {}), // samples below the timer's resolution
    median: median(sorted) / reps,
    min: sorted[0] / reps,
    max: sorted[sorted.length - 1] / reps,
    mean: mean / reps,
    samples: sorted.length,
    reps,
  };
}

/** One tinybench task: `fn` measured for `time` ms / `iterations` samples. Returns the raw samples (ms). */
async function tinybenchSamples(name, fn, timing, time, warm) {
  const bench = new Bench({
    name,
    time,
    iterations: timing.iterations,
    warmup: warm && timing.warmupTime > 0,
    warmupTime: timing.warmupTime,
    warmupIterations: 1,
    throws: true,
    now,
  });
  bench.add(name, fn);
  await bench.run();
  return bench.tasks[0].result.latency.samples;
}

/**
 * Measures several contenders for the same job, interleaved in `timing.rounds` rounds
 * (see {@link DEFAULT_TIMING}). `tasks` are `{ name, run }` with `run(reps)` a loop of
 * `reps` calls (from {@link driver}). Returns per-call statistics (ms) per task, in order.
 */
export async function measureGroup(tasks, timing = DEFAULT_TIMING) {
  const rounds = Math.max(1, timing.rounds ?? 1);
  const reps = tasks.map((t) => calibrate(t.run, timing.minSampleMs));
  const samples = tasks.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < tasks.length; k++) {
      const { name, run } = tasks[k];
      const r = reps[k];
      const got = await tinybenchSamples(name, () => { run(r); }, timing, timing.time / rounds, round === 0);
      for (const sample of got) samples[k].push(sample);
    }
  }
  return samples.map((s, k) => summarize(s, reps[k]));
}

/**
 * Measures `run(reps)` (a loop of `reps` calls, e.g. from {@link driver}) with tinybench.
 * @returns {Promise<{median:number,min:number,max:number,mean:number,samples:number,reps:number}>}
 *   per-call times in ms.
 */
export async function measure(name, run, timing = DEFAULT_TIMING) {
  return (await measureGroup([{ name, run }], { ...timing, rounds: 1 }))[0];
}

/**
 * Times a long, one-shot job (a whole minimization) with tinybench: no batching, and
 * at least `iterations` runs. `job()` may return extra facts (evaluations, final
 * value), taken from its last run.
 */
export async function measureJob(name, job, timing = DEFAULT_TIMING) {
  let extra;
  const bench = new Bench({
    name,
    time: timing.time,
    iterations: timing.iterations,
    warmup: timing.warmupTime > 0,
    warmupTime: timing.warmupTime,
    warmupIterations: 1,
    throws: true,
    now,
  });
  bench.add(name, () => {
    extra = job();
  });
  await bench.run();
  const latency = bench.tasks[0].result.latency;
  return {
    median: latency.p50,
    min: latency.min,
    max: latency.max,
    mean: latency.mean,
    samples: latency.samples.length,
    reps: 1,
    ...(extra && typeof extra === "object" ? { extra } : {}),
  };
}

/** mulberry32: a small seeded generator, the same in every engine (and in bench/native/bench.c). */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
