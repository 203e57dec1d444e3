// Turns one run's records into tables (console and Markdown), ratios, crossovers and
// target checks. Pure functions of the result object: works in Node and the browser.
import { KERNEL_SIZES, KERNELS, formatMs } from "./kernels.mjs";

/** The issue's targets (issue 5), checked against every run. */
export const TARGETS = {
  W1: 1.9, // × native, float32
  W3: 1.3, // × native, float32
  W5: 2, // × native
  tfjsSpeedup: 5, // ≥ 5× faster than tfjs-wasm on every workload it runs
  tinyStep: 1.2, // n = 2 step ≤ 1.2× the plain loop
};

const find = (records, query) => records.find((r) => Object.entries(query).every(([k, v]) => r[k] === v));

/** "1.23 ms (1.10–1.50)" */
export function span(r) {
  if (!r) return "—";
  return `${formatMs(r.median)} (${formatMs(r.min)}–${formatMs(r.max)})`;
}

const ratio = (x, digits = 2) => (Number.isFinite(x) ? `${x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : digits)}×` : "—");

/** The triad bandwidth (GB/s) measured at the footprint closest to `footprint` bytes. */
export function bandwidthAt(native, footprint) {
  if (!native?.triad?.length || !footprint) return undefined;
  let best = native.triad[0];
  for (const t of native.triad) {
    if (Math.abs(Math.log(t.footprint / footprint)) < Math.abs(Math.log(best.footprint / footprint))) best = t;
  }
  return best.gbs;
}

/** The native record matching a workload row. */
function nativeFor(native, id, precision, rows) {
  return native?.results?.find((r) => r.id === id && r.precision === precision && (rows === undefined || r.rows === rows));
}

/** Workload rows: one per (id, variant, precision), with every implementation's record and ratios. */
export function workloadRows(result) {
  const records = result.workloads ?? [];
  const keys = [];
  for (const r of records) {
    const key = `${r.id}|${r.variant ?? ""}|${r.precision}`;
    if (!keys.includes(key)) keys.push(key);
  }
  keys.sort();
  return keys.map((key) => {
    const [id, variant, precision] = key.split("|");
    const of = (impl) => records.find((r) => r.id === id && (r.variant ?? "") === variant && r.precision === precision && r.impl === impl);
    const row = {
      id, variant, precision,
      simd: of("wasm-simd") ?? of("downhill"), wasm: of("wasm"), ts: of("ts"), plain: of("plain"),
      tfjsWasm: of("tfjs-wasm"), tfjsCpu: of("tfjs-cpu"),
    };
    const rows = row.simd?.rows ?? row.plain?.rows ?? row.tfjsWasm?.rows;
    row.native = nativeFor(result.native, id, precision, rows);
    row.native128 = nativeFor(result.native?.sse, id, precision, rows);
    const best = row.simd;
    if (best) {
      row.vsTs = row.ts ? row.ts.median / best.median : undefined;
      row.vsPlain = row.plain ? row.plain.median / best.median : undefined;
      row.vsTfjsWasm = row.tfjsWasm ? row.tfjsWasm.median / best.median : undefined;
      row.xNative = row.native ? best.median / row.native.median : undefined;
      row.xNative128 = row.native128 ? best.median / row.native128.median : undefined;
      const gbs = row.native?.bytes ? bandwidthAt(result.native, row.native.footprint) : undefined;
      row.boundMs = gbs ? row.native.bytes / (gbs * 1e6) : undefined;
      row.xBound = row.boundMs ? best.median / row.boundMs : undefined;
    }
    return row;
  });
}

/**
 * Crossovers per kernel and precision: the smallest n from which `a` is faster than
 * `b` at every larger size measured ("never" if not even at the largest).
 */
export function crossovers(result, a = "wasm-simd", b = "ts") {
  const records = result.kernels ?? [];
  const out = [];
  for (const kernel of KERNELS) {
    for (const precision of ["float64", "float32"]) {
      const sizes = [...new Set(records.filter((r) => r.kernel === kernel && r.precision === precision).map((r) => r.n))].sort((x, y) => x - y);
      if (!sizes.length || !records.some((r) => r.kernel === kernel && r.precision === precision && r.impl === b)) continue;
      let from = null;
      for (let i = sizes.length - 1; i >= 0; i--) {
        const ra = find(records, { kernel, precision, n: sizes[i], impl: a });
        const rb = find(records, { kernel, precision, n: sizes[i], impl: b });
        if (!ra || !rb) break;
        if (ra.median < rb.median) from = sizes[i];
        else break;
      }
      const largest = sizes[sizes.length - 1];
      const ra = find(records, { kernel, precision, n: largest, impl: a });
      const rb = find(records, { kernel, precision, n: largest, impl: b });
      out.push({ kernel, precision, a, b, from, smallest: sizes[0], largest, speedupAtLargest: ra && rb ? rb.median / ra.median : undefined });
    }
  }
  return out;
}

const describeFrom = (c) => (c.from === null ? "never" : c.from === c.smallest ? `≤ ${c.from.toLocaleString("en-US")}` : c.from.toLocaleString("en-US"));

/** Target checks: `{ target, measured, status }` rows. */
export function targetRows(result) {
  const rows = workloadRows(result);
  const out = [];
  const get = (id, precision, variant = "") => rows.find((r) => r.id === id && r.precision === precision && r.variant === variant);
  const check = (label, value, limit, lowerIsBetter = true, why = "") => {
    if (value === undefined) return out.push({ target: label, measured: why || "not measured", status: "not measured" });
    const ok = lowerIsBetter ? value <= limit : value >= limit;
    out.push({ target: label, measured: ratio(value), status: ok ? "met" : "missed" });
  };
  const modelNote = result.notes?.some((n) => n.startsWith("W3/W5")) ? "downhill model not exported yet (issue 4)" : "";
  check(`W1 float32 ≤ ${TARGETS.W1}× native`, get("W1", "float32")?.xNative, TARGETS.W1);
  for (const v of ["10,000 × 100", "100,000 × 100"]) {
    check(`W3 ${v} float32 ≤ ${TARGETS.W3}× native`, get("W3", "float32", v)?.simd ? get("W3", "float32", v).xNative : undefined, TARGETS.W3, true, get("W3", "float32", v)?.simd ? "" : `no downhill row: ${modelNote || "model run failed"}`);
  }
  check(`W5 ≤ ${TARGETS.W5}× native`, get("W5", "float32")?.simd ? get("W5", "float32").xNative : undefined, TARGETS.W5, true, get("W5", "float32")?.simd ? "" : `no downhill row: ${modelNote || "model run failed"}`);
  for (const r of rows.filter((r) => r.tfjsWasm)) {
    check(`${r.id}${r.variant ? ` ${r.variant}` : ""} ≥ ${TARGETS.tfjsSpeedup}× faster than tfjs-wasm`, r.simd ? r.vsTfjsWasm : undefined, TARGETS.tfjsSpeedup, false, r.simd ? "" : `no downhill row: ${modelNote || "model run failed"}`);
  }
  const overhead = result.overhead ?? [];
  for (const kernel of ["adam", "sgd"]) {
    for (const precision of ["float64", "float32"]) {
      const step = find(overhead, { kernel, precision, impl: "wasm-simd step" });
      const plain = find(overhead, { kernel, precision, impl: "plain" });
      check(`${kernel} ${precision} n = 2 step (wasm-simd, the default) ≤ ${TARGETS.tinyStep}× plain loop`, step && plain ? step.median / plain.median : undefined, TARGETS.tinyStep);
    }
  }
  return out;
}

/** A Markdown table. */
export function markdownTable(header, rows, align = header.map(() => "---")) {
  const esc = (c) => String(c).replaceAll("|", "\\|");
  return [`| ${header.map(esc).join(" | ")} |`, `| ${align.join(" | ")} |`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}

/** A fixed-width text table for the console. */
export function textTable(header, rows) {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => String(r[j]).length)));
  const line = (cells) => cells.map((c, j) => String(c).padEnd(widths[j])).join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const workloadLabel = (r) => `${r.id}${r.variant ? ` ${r.variant}` : ""}`;

/** The workload table: header and rows of cells. */
export function workloadTable(result) {
  const header = ["workload", "precision", "wasm-simd", "wasm", "ts", "plain loop", "tfjs-wasm", "tfjs-cpu", "native C", "native C, 128-bit SSE", "vs ts", "vs plain", "vs tfjs-wasm", "× native", "× native 128-bit", "× bandwidth bound"];
  const missing = (r) => (r.id === "W3" || r.id === "W5" ? "not yet (issue 4)" : "—");
  const rows = workloadRows(result).map((r) => [
    workloadLabel(r), r.precision,
    r.simd ? span(r.simd) + (r.simd.impl === "downhill" ? " ¹" : "") : missing(r),
    r.simd?.impl === "downhill" ? "¹" : r.wasm ? span(r.wasm) : r.simd ? "—" : missing(r),
    r.simd?.impl === "downhill" ? "¹" : r.ts ? span(r.ts) : r.simd ? "—" : missing(r),
    span(r.plain), span(r.tfjsWasm), span(r.tfjsCpu),
    r.native ? formatMs(r.native.median) : "—",
    r.native128 ? formatMs(r.native128.median) : "—",
    ratio(r.vsTs, 1), ratio(r.vsPlain, 1), ratio(r.vsTfjsWasm, 1), ratio(r.xNative), ratio(r.xNative128), ratio(r.xBound),
  ]);
  return { header, rows };
}

/** W6 and the fmin comparison. */
export function minimizeTable(result) {
  const header = ["problem", "implementation", "time", "iterations", "evaluations", "final f", "‖∇f‖₂ or ‖∇f‖∞"];
  const rows = [];
  for (const r of (result.workloads ?? []).filter((r) => r.id === "W6")) {
    rows.push([`W6 ext. Rosenbrock n = ${r.n}`, `downhill lbfgs (${r.impl})`, span(r), r.extra?.iterations ?? "—", r.extra?.evaluations ?? "—", r.extra?.value?.toExponential(2) ?? "—", `${r.extra?.gradientNorm?.toExponential(2)} (∞)`]);
  }
  for (const r of result.minimize ?? []) {
    const problem = r.id === "P1" ? `P1 ext. Rosenbrock n = ${r.n}, gradient` : "P2 Rosenbrock n = 2, values only";
    rows.push([problem, r.impl, span(r), r.extra?.iterations ?? "—", r.extra?.evaluations ?? "—", r.extra?.value?.toExponential(2) ?? "—", `${r.extra?.gradientNorm2?.toExponential(2)} (₂)`]);
  }
  return { header, rows };
}

/** Crossover table. */
export function crossoverTable(result) {
  const simd = crossovers(result, "wasm-simd", "ts");
  const scalar = crossovers(result, "wasm", "ts");
  const plain = crossovers(result, "wasm-simd", "plain");
  const header = ["kernel", "precision", "wasm-simd beats ts from n =", "wasm beats ts from n =", "wasm-simd beats plain loop from n =", "wasm-simd vs ts at the largest n", "wasm-simd vs plain at the largest n"];
  const rows = simd.map((c, i) => {
    const p = plain.find((x) => x.kernel === c.kernel && x.precision === c.precision);
    return [c.kernel, c.precision, describeFrom(c), describeFrom(scalar[i]), p ? describeFrom(p) : "—", ratio(c.speedupAtLargest, 1), p ? ratio(p.speedupAtLargest, 1) : "—"];
  });
  return { header, rows };
}

/** Overhead at n = 2. */
export function overheadTable(result) {
  const records = result.overhead ?? [];
  const impls = [...new Set(records.map((r) => r.impl))];
  const header = ["update", "precision", ...impls, "wasm-simd step / plain"];
  const rows = [];
  for (const kernel of ["adam", "sgd"]) {
    for (const precision of ["float64", "float32"]) {
      const cells = impls.map((impl) => {
        const r = find(records, { kernel, precision, impl });
        return r ? formatMs(r.median) : "—";
      });
      if (cells.every((c) => c === "—")) continue;
      const step = find(records, { kernel, precision, impl: "wasm-simd step" });
      const plain = find(records, { kernel, precision, impl: "plain" });
      rows.push([kernel, precision, ...cells, step && plain ? ratio(step.median / plain.median) : "—"]);
    }
  }
  return { header, rows };
}

/** Full kernel table (long): every kernel, precision and size. */
export function kernelTable(result) {
  const records = result.kernels ?? [];
  const header = ["kernel", "precision", "n", "wasm-simd", "wasm", "ts", "plain loop", "simd vs ts", "simd vs plain"];
  const rows = [];
  for (const kernel of KERNELS) {
    for (const precision of ["float64", "float32"]) {
      for (const n of KERNEL_SIZES) {
        const of = (impl) => find(records, { kernel, precision, n, impl });
        const s = of("wasm-simd");
        if (!s) continue;
        rows.push([kernel, precision, n.toLocaleString("en-US"), span(s), span(of("wasm")), span(of("ts")), span(of("plain")),
          of("ts") ? ratio(of("ts").median / s.median, 1) : "—", of("plain") ? ratio(of("plain").median / s.median, 1) : "—"]);
      }
    }
  }
  return { header, rows };
}

/** Triad bandwidth table. */
export function bandwidthTable(result) {
  const header = ["footprint", "triad GB/s"];
  const rows = (result.native?.triad ?? []).map((t) => [`${(t.footprint / 1e6).toFixed(1)} MB`, t.gbs.toFixed(1)]);
  return { header, rows };
}

/** One line about the machine. */
export function machineLine(result) {
  const m = result.machine ?? {};
  const parts = [m.cpu, `${m.cores} cores`, m.memoryGiB ? `${m.memoryGiB} GiB` : null, result.environment === "chromium" ? `Chromium ${m.chromium}` : `Node ${m.node}`, m.gcc, result.date?.slice(0, 10)];
  return parts.filter(Boolean).join(", ");
}

/** The whole report in Markdown (bench/results/<env>.md and the README section). */
export function markdownReport(result, { kernelsInFull = true } = {}) {
  const parts = [];
  parts.push(`Machine: ${machineLine(result)}. ${result.quick ? "**Quick run** (short timings: rough numbers). " : ""}Medians with (min–max) per call; ratios are medians of the same run.`);
  const w = workloadTable(result);
  parts.push("**Workloads** (downhill's columns are its backends; ratios compare wasm-simd with the others)\n\n" + markdownTable(w.header, w.rows));
  if (w.rows.some((r) => r[2].endsWith("¹"))) parts.push("¹ backend-independent: finite differences run in TypeScript whatever the backend.");
  const t = targetRows(result);
  parts.push("**Targets** (issue 5)\n\n" + markdownTable(["target", "measured", "status"], t.map((r) => [r.target, r.measured, r.status])));
  const m = minimizeTable(result);
  if (m.rows.length) parts.push("**Minimization** (W6, and fmin on problems it can solve)\n\n" + markdownTable(m.header, m.rows));
  const o = overheadTable(result);
  if (o.rows.length) parts.push("**Per-call overhead at n = 2** (export = the raw WebAssembly function; kernel = the backend's wrapper; step = `optimizer.step`)\n\n" + markdownTable(o.header, o.rows));
  const c = crossoverTable(result);
  if (c.rows.length) parts.push("**Kernel crossovers** (smallest n from which the first is faster at every larger size measured)\n\n" + markdownTable(c.header, c.rows));
  const b = bandwidthTable(result);
  if (b.rows.length) parts.push(`**Memory bandwidth** (STREAM-like triad, ${result.native.compiler}, \`${result.native.flags}\`)\n\n` + markdownTable(b.header, b.rows));
  if (result.native?.sse) parts.push(`"native C, 128-bit SSE" is the same C built with \`${result.native.sse.flags}\`: WebAssembly SIMD's vector width, no FMA.`);
  if (kernelsInFull) {
    const k = kernelTable(result);
    if (k.rows.length) parts.push("**Kernels** (time per call)\n\n" + markdownTable(k.header, k.rows));
  }
  if (result.notes?.length) parts.push("Notes:\n\n" + result.notes.map((n) => `- ${n}`).join("\n"));
  return parts.join("\n\n") + "\n";
}

/** The console summary. */
export function textReport(result) {
  const parts = [`downhill benchmark — ${result.environment} — ${machineLine(result)}`];
  const w = workloadTable(result);
  parts.push("Workloads\n" + textTable(w.header, w.rows));
  const t = targetRows(result);
  parts.push("Targets\n" + textTable(["target", "measured", "status"], t.map((r) => [r.target, r.measured, r.status])));
  const m = minimizeTable(result);
  if (m.rows.length) parts.push("Minimization\n" + textTable(m.header, m.rows));
  const o = overheadTable(result);
  if (o.rows.length) parts.push("Per-call overhead, n = 2\n" + textTable(o.header, o.rows));
  const c = crossoverTable(result);
  if (c.rows.length) parts.push("Kernel crossovers\n" + textTable(c.header, c.rows));
  const b = bandwidthTable(result);
  if (b.rows.length) parts.push("Memory bandwidth\n" + textTable(b.header, b.rows));
  if (result.notes?.length) parts.push(result.notes.map((n) => `note: ${n}`).join("\n"));
  return parts.join("\n\n");
}
