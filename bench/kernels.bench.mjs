// npm run bench: fused optimizer updates and vector kernels on every backend, with
// tinybench. Prints median time per call and the speed-up over the TS backend, all from
// one run. Usage: node bench/kernels.bench.mjs [--sizes 1000,100000] [--time ms]
import { parseArgs } from "node:util";
import { Bench } from "tinybench";
import { adam, loadBackend, sgd } from "downhill";

const { values } = parseArgs({
  options: { sizes: { type: "string", default: "1000,100000,1000000" }, time: { type: "string", default: "300" } },
});
const sizes = values.sizes.split(",").map(Number);
const time = Number(values.time);
const backends = await Promise.all(["wasm-simd", "wasm", "ts"].map(loadBackend));

const workloads = {
  "adam step": (backend) => {
    const opt = adam({ backend });
    cleanup.push(() => opt.reset());
    return (x, g) => opt.step(x, g);
  },
  "sgd momentum step": (backend) => {
    const opt = sgd({ learningRate: 0.01, momentum: 0.9, backend });
    cleanup.push(() => opt.reset());
    return (x, g) => opt.step(x, g);
  },
  dot: (backend, precision) => {
    const k = backend.kernels[precision];
    return (x, g) => k.dot(x, g);
  },
  axpy: (backend, precision) => {
    const k = backend.kernels[precision];
    return (x, g) => k.axpy(1e-9, g, x);
  },
};

const rows = [];
const cleanup = [];
for (const precision of ["float64", "float32"]) {
  for (const n of sizes) {
    for (const [workload, make] of Object.entries(workloads)) {
      const bench = new Bench({ time, warmup: true });
      for (const backend of backends) {
        const x = backend.vector(n, precision);
        const g = backend.vector(n, precision);
        for (let i = 0; i < n; i++) {
          x[i] = Math.sin(i);
          g[i] = Math.cos(i) * 1e-3;
        }
        const run = make(backend, precision);
        run(x, g); // sizes optimizer state before timing
        bench.add(backend.name, () => run(x, g));
        cleanup.push(() => (backend.free(x), backend.free(g)));
      }
      await bench.run();
      for (const free of cleanup.splice(0)) free();
      const median = Object.fromEntries(bench.tasks.map((t) => [t.name, t.result.latency.p50]));
      for (const task of bench.tasks) {
        rows.push([workload, precision, String(n), task.name, (median[task.name] * 1000).toFixed(1), `${(median.ts / median[task.name]).toFixed(1)}×`]);
      }
    }
  }
}

const header = ["workload", "precision", "n", "backend", "median µs", "vs ts"];
const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
const line = (cells) => cells.map((c, j) => (j >= 2 ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join("  ");
console.log(`downhill kernel benchmark — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, medians of ${time} ms per task`);
console.log(line(header));
for (const row of rows) console.log(line(row));
