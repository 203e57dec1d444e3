// An SVG chart of time per call vs n, per backend, one small log-log panel per kernel
// and precision. Written by hand (a few dozen lines of <path> and <text>) rather than
// with a charting library: the chart is static, the output must be a self-contained
// file that GitHub renders, and no charting package is worth a dependency for that.
import { KERNELS } from "./kernels.mjs";

const COLORS = { "wasm-simd": "#1b7837", wasm: "#5aae61", ts: "#762a83", plain: "#e08214" };
const esc = (s) => String(s).replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]);

function timeLabel(ms) {
  if (ms >= 1) return `${+ms.toPrecision(2)} ms`;
  if (ms >= 1e-3) return `${+(ms * 1e3).toPrecision(2)} µs`;
  return `${+(ms * 1e6).toPrecision(2)} ns`;
}

/** The chart for one run's kernel records. */
export function kernelChart(result) {
  const records = (result.kernels ?? []).filter((r) => r.median > 0); // log scale
  const kernels = KERNELS.filter((k) => records.some((r) => r.kernel === k));
  const impls = Object.keys(COLORS).filter((i) => records.some((r) => r.impl === i));
  const sizes = [...new Set(records.map((r) => r.n))].sort((a, b) => a - b);
  if (!records.length || sizes.length < 2) return null;
  const W = 230, H = 170, pad = { l: 52, r: 10, t: 22, b: 30 }, cols = 4;
  const panels = [];
  for (const kernel of kernels) for (const precision of ["float64", "float32"]) panels.push({ kernel, precision });
  const rows = Math.ceil(panels.length / cols);
  const top = 58;
  const width = cols * W, height = top + rows * H + 10;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="10">`);
  out.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  out.push(`<text x="8" y="16" font-size="13" font-weight="600">downhill kernels: time per call vs n (log–log), ${esc(result.environment)}</text>`);
  out.push(`<text x="8" y="31" fill="#555">${esc(result.machine?.cpu ?? "")} · ${esc(result.environment === "chromium" ? `Chromium ${result.machine?.chromium}` : `Node ${result.machine?.node}`)} · ${esc(result.date?.slice(0, 10) ?? "")}${result.quick ? " · quick run" : ""}</text>`);
  impls.forEach((impl, i) => {
    const x = 8 + i * 110;
    out.push(`<line x1="${x}" y1="45" x2="${x + 18}" y2="45" stroke="${COLORS[impl]}" stroke-width="2.5"/><text x="${x + 23}" y="48">${esc(impl === "plain" ? "plain JS loop" : impl)}</text>`);
  });
  const lx = (n) => Math.log10(n);
  const [x0, x1] = [lx(sizes[0]), lx(sizes[sizes.length - 1])];
  panels.forEach(({ kernel, precision }, p) => {
    const ox = (p % cols) * W, oy = top + Math.floor(p / cols) * H;
    const rs = records.filter((r) => r.kernel === kernel && r.precision === precision);
    if (!rs.length) return;
    const ys = rs.map((r) => Math.log10(r.median));
    let y0 = Math.floor(Math.min(...ys)), y1 = Math.ceil(Math.max(...ys));
    if (y1 === y0) y1 = y0 + 1;
    const px = (n) => ox + pad.l + ((lx(n) - x0) / (x1 - x0)) * (W - pad.l - pad.r);
    const py = (ms) => oy + H - pad.b - ((Math.log10(ms) - y0) / (y1 - y0)) * (H - pad.t - pad.b);
    out.push(`<text x="${ox + pad.l}" y="${oy + 14}" font-weight="600">${esc(kernel)} · ${esc(precision)}</text>`);
    out.push(`<rect x="${ox + pad.l}" y="${oy + pad.t}" width="${W - pad.l - pad.r}" height="${H - pad.t - pad.b}" fill="none" stroke="#bbb"/>`);
    for (let e = y0; e <= y1; e++) {
      const y = py(10 ** e);
      out.push(`<line x1="${ox + pad.l}" y1="${y}" x2="${ox + W - pad.r}" y2="${y}" stroke="#eee"/><text x="${ox + pad.l - 4}" y="${y + 3}" text-anchor="end" fill="#555">${timeLabel(10 ** e)}</text>`);
    }
    for (const n of sizes) {
      const x = px(n);
      out.push(`<text x="${x}" y="${oy + H - pad.b + 12}" text-anchor="middle" fill="#555">${n >= 1000 ? `1e${Math.round(Math.log10(n))}` : n}</text>`);
    }
    for (const impl of impls) {
      const pts = sizes.map((n) => rs.find((r) => r.n === n && r.impl === impl)).filter(Boolean);
      if (!pts.length) continue;
      const d = pts.map((r, i) => `${i ? "L" : "M"}${px(r.n).toFixed(1)},${py(r.median).toFixed(1)}`).join("");
      out.push(`<path d="${d}" fill="none" stroke="${COLORS[impl]}" stroke-width="1.8"${impl === "plain" ? ' stroke-dasharray="4 2"' : ""}/>`);
      for (const r of pts) out.push(`<circle cx="${px(r.n).toFixed(1)}" cy="${py(r.median).toFixed(1)}" r="2" fill="${COLORS[impl]}"/>`);
    }
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}
