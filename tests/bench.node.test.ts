// Smoke test of the benchmark harness (bench/): every suite runs once at tiny sizes,
// the report, chart and files are produced, and both entry scripts start. It checks
// that the scripts work, not how fast anything is. Node only; a few seconds.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as dh from "../bindings/index";
// @ts-expect-error -- plain ESM modules of the benchmark, without type declarations
import { TINY_TIMING } from "../bench/src/harness.mjs";
// @ts-expect-error -- idem
import { fmin } from "../bench/src/loadFmin.mjs";
// @ts-expect-error -- idem
import { runAll } from "../bench/src/suite.mjs";
// @ts-expect-error -- idem
import { markdownReport, targetRows, textReport, workloadRows } from "../bench/src/report.mjs";
// @ts-expect-error -- idem
import { kernelChart } from "../bench/src/svg.mjs";
// @ts-expect-error -- idem
import { gccVersion, runNative } from "../bench/src/native.mjs";
// @ts-expect-error -- idem
import { README_END, README_START, saveResult, updateReadme } from "../bench/src/files.mjs";

const root = join(__dirname, "..");
const scratch = mkdtempSync(join(tmpdir(), "downhill-bench-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("benchmark harness (tiny sizes)", () => {
  it("runs every suite once, with TensorFlow.js, fmin and the native kernels, and reports", async () => {
    const tf = await import("@tensorflow/tfjs");
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths(join(root, "node_modules", "@tensorflow", "tfjs-backend-wasm", "dist") + "/");
    const warn = console.warn;
    console.warn = () => {};
    await tf.setBackend("cpu");
    console.warn = warn;

    const run = await runAll({
      dh, tf, fmin, timing: TINY_TIMING,
      sizes: { kernels: [10, 100], steps: 1000, logisticRows: [200], lbfgs: 10, finiteDifference: 10 },
    });
    const result = {
      schema: "downhill-bench/1", environment: "node", date: new Date().toISOString(),
      machine: { cpu: "test", cores: 1, node: process.version },
      ...run,
      native: gccVersion() ? runNative({ time: 1, samples: 1, triad: true }) : null,
    };

    // Kernels: 8 optimizers + dot + axpy, 2 precisions, 3 backends (+ plain loops).
    expect(result.kernels.length).toBeGreaterThanOrEqual(10 * 2 * 3);
    for (const r of result.kernels) expect(r.median).toBeGreaterThanOrEqual(0);
    expect(new Set(result.overhead.map((r: { impl: string }) => r.impl))).toContain("wasm-simd step");
    const ids = new Set(result.workloads.map((r: { id: string }) => r.id));
    for (const id of ["W1", "W2", "W3", "W4", "W5", "W6"]) expect(ids).toContain(id);
    const impls = new Set(result.workloads.map((r: { impl: string }) => r.impl));
    for (const impl of ["wasm-simd", "wasm", "ts", "plain", "tfjs-wasm", "tfjs-cpu"]) expect(impls).toContain(impl);
    // Every implementation of W3 computes the same loss on the same data.
    const w3 = result.workloads.filter((r: { id: string; precision: string }) => r.id === "W3" && r.precision === "float32");
    for (const r of w3) expect(r.extra.loss).toBeCloseTo(w3[0].extra.loss, 4);
    expect(result.minimize.map((r: { impl: string }) => r.impl)).toContain("fmin conjugateGradient");
    for (const r of result.workloads.filter((r: { id: string }) => r.id === "W6")) expect(r.extra.reason).toBe("gradientTolerance");
    if (result.native) {
      expect(result.native.results.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(["W1", "W2", "W3", "W4", "W5"]));
      expect(result.native.triad.length).toBeGreaterThan(0);
      // The C kernel and the plain loop agree on W3's definition (same data generator).
      const c = result.native.results.find((r: { id: string; rows: number; precision: string }) => r.id === "W3" && r.rows === 10_000 && r.precision === "float64");
      expect(c.loss).toBeGreaterThan(0.6);
    }

    expect(workloadRows(result).length).toBeGreaterThan(5);
    expect(targetRows(result).length).toBeGreaterThan(5);
    expect(textReport(result)).toContain("Workloads");
    expect(markdownReport(result)).toContain("| workload |");
    expect(kernelChart(result)).toMatch(/^<svg[\s\S]*<\/svg>\n$/);

    const paths = saveResult(result, scratch);
    for (const p of paths) expect(existsSync(p)).toBe(true);
    const readme = join(scratch, "README.md");
    writeFileSync(readme, `# x\n\n## Benchmarks\n\nintro\n\n${README_START}\nold\n${README_END}\n\n## Layout\n`);
    expect(updateReadme(readme, scratch)).toBe(true);
    const text = readFileSync(readme, "utf8");
    expect(text).toContain("## Layout");
    expect(text).toContain("intro");
    expect(text).not.toContain("\nold\n");
    expect(text).toContain("| workload |");
  }, 60_000);

  it("npm run bench's entry runs a suite end to end", () => {
    const out = execFileSync(process.execPath, [
      join(root, "bench", "run.mjs"), "--quick", "--suites", "overhead", "--no-tfjs", "--no-readme", "--out", join(scratch, "cli"),
    ], { encoding: "utf8", timeout: 50_000 });
    expect(out).toContain("Per-call overhead");
    expect(existsSync(join(scratch, "cli", "node.json"))).toBe(true);
  }, 60_000);

  it.runIf(existsSync(process.env.CHROME_PATH ?? "/usr/bin/chromium"))("npm run bench:browser's entry bundles and runs a suite in Chromium", () => {
    const out = execFileSync(process.execPath, [
      join(root, "bench", "browser.mjs"), "--quick", "--suites", "minimize", "--no-readme", "--out", join(scratch, "browser"),
    ], { encoding: "utf8", timeout: 50_000 });
    expect(out).toContain("fmin conjugateGradient");
    const saved = JSON.parse(readFileSync(join(scratch, "browser", "chromium.json"), "utf8"));
    expect(saved.environment).toBe("chromium");
    expect(saved.machine.chromium).toMatch(/^\d+\./);
  }, 60_000);
});
