import { clear, decadeLabel, svg } from "./svg";

export interface Series {
  id: string;
  color: string;
  values: readonly number[];
}

const MARGIN = { left: 46, top: 10, right: 16, bottom: 30 };

/**
 * A line chart of loss per iteration on a log scale. With a known minimum f* it plots
 * f − f*; without one (the saddle, unbounded below) a symmetric log scale of f itself,
 * sign(f)·log₁₀(1 + |f|).
 */
export class LossChart {
  private readonly width: number;
  private readonly height: number;

  constructor(
    private readonly root: SVGSVGElement,
    private readonly yLabel = "f − f*",
    private readonly xLabel = "iteration",
  ) {
    const box = root.viewBox.baseVal;
    this.width = box.width;
    this.height = box.height;
  }

  draw(series: readonly Series[], iterations: number, reference: number | undefined, label = this.yLabel): void {
    const root = this.root;
    clear(root);
    const w = this.width - MARGIN.left - MARGIN.right;
    const h = this.height - MARGIN.top - MARGIN.bottom;
    const transform =
      reference === undefined
        ? (v: number) => Math.sign(v) * Math.log10(1 + Math.abs(v))
        : (v: number) => Math.log10(Math.max(v - reference, 1e-300));

    let top = -Infinity;
    let bottom = Infinity;
    for (const s of series) {
      if (s.values.length === 0) continue;
      const first = transform(s.values[0]);
      if (Number.isFinite(first)) top = Math.max(top, first);
      for (const v of s.values) {
        const t = transform(v);
        if (Number.isFinite(t)) bottom = Math.min(bottom, t);
      }
    }
    if (!Number.isFinite(top)) {
      top = 1;
      bottom = 0;
    }
    top = Math.ceil(top + 0.3);
    bottom = Math.floor(Math.max(bottom, top - 18));
    if (reference === undefined) bottom = Math.min(bottom, Math.floor(-top / 2));
    if (top - bottom < 2) bottom = top - 2;
    const x = (k: number): number => MARGIN.left + (k / Math.max(iterations, 1)) * w;
    const y = (t: number): number => MARGIN.top + ((top - t) / (top - bottom)) * h;

    const axis = svg("g", { class: "axis" }, root);
    svg("rect", { x: MARGIN.left, y: MARGIN.top, width: w, height: h, fill: "#fbfcfd", stroke: "#c5cad3" }, axis);
    const span = top - bottom;
    const stride = span > 12 ? 4 : span > 6 ? 2 : 1;
    for (let e = Math.ceil(bottom / stride) * stride; e <= top; e += stride) {
      const py = y(e);
      svg("line", { x1: MARGIN.left, x2: MARGIN.left + w, y1: py, y2: py, stroke: "#eceff3" }, axis);
      const text =
        reference === undefined ? (e === 0 ? "0" : (e < 0 ? "−" : "") + decadeLabel(Math.abs(e))) : decadeLabel(e);
      svg("text", { x: MARGIN.left - 5, y: py + 3.5, "text-anchor": "end" }, axis).textContent = text;
    }
    const xTicks = niceTicks(iterations);
    for (const k of xTicks) {
      const px = x(k);
      svg("line", { x1: px, x2: px, y1: MARGIN.top + h, y2: MARGIN.top + h + 4 }, axis);
      svg("text", { x: px, y: MARGIN.top + h + 14, "text-anchor": "middle" }, axis).textContent = String(k);
    }
    svg("text", { x: MARGIN.left + w / 2, y: this.height - 3, "text-anchor": "middle" }, axis).textContent = this.xLabel;
    svg("text", { x: 11, y: MARGIN.top + h / 2, "text-anchor": "middle", transform: `rotate(-90 11 ${MARGIN.top + h / 2})` }, axis).textContent =
      reference === undefined ? "f (symmetric log)" : label;

    const clipId = `${root.id}-clip`;
    const clip = svg("clipPath", { id: clipId }, svg("defs", {}, root));
    svg("rect", { x: MARGIN.left, y: MARGIN.top - 2, width: w + 2, height: h + 4 }, clip);
    const lines = svg("g", { "clip-path": `url(#${clipId})` }, root);
    for (const s of series) {
      const coordinates: string[] = [];
      for (let k = 0; k < s.values.length; k++) {
        let t = transform(s.values[k]);
        if (Number.isNaN(t)) break;
        if (!Number.isFinite(t)) t = t > 0 ? top + 1 : bottom - 1;
        t = Math.max(bottom - 1, Math.min(top + 1, t));
        coordinates.push(`${x(k).toFixed(1)},${y(t).toFixed(1)}`);
      }
      if (coordinates.length === 1) {
        const [cx, cy] = coordinates[0].split(",");
        svg("circle", { cx, cy, r: 2.5, fill: s.color }, lines);
      }
      const line = svg("polyline", { points: coordinates.join(" "), fill: "none", stroke: s.color, "stroke-width": 1.8, "stroke-linejoin": "round" }, lines);
      line.dataset.series = s.id;
    }
  }
}

function niceTicks(max: number): number[] {
  if (max <= 0) return [0];
  const raw = max / 5;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let k = 0; k <= max + 1e-9; k += step) ticks.push(Math.round(k));
  return ticks;
}
