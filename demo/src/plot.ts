import { contours } from "d3-contour";
import { scaleLinear, scaleSequentialLog } from "d3-scale";
import { interpolateYlGnBu } from "d3-scale-chromatic";
import type { Landscape } from "./landscapes";
import type { Run } from "./runs";
import { clear, svg } from "./svg";

const WIDTH = 540;
const HEIGHT = 530;
const MARGIN = { left: 44, top: 8, right: 8, bottom: 34 };
const INNER = WIDTH - MARGIN.left - MARGIN.right; // 488, square plot area
const GRID = 180;
const LEVELS = 30;
/** Pixel coordinates are clamped to this far outside the plot (paths that run off it stay drawable). */
const CLAMP = 5000;

/** Colour for a value band, light (low) to dark blue (high). */
const palette = (t: number): string => interpolateYlGnBu(0.04 + 0.8 * t);

/** The contour plot of a landscape with optimizer paths, markers and a draggable start point. */
export class LandscapePlot {
  private landscape: Landscape | undefined;
  private readonly contourLayer: SVGGElement;
  private readonly axisLayer: SVGGElement;
  private readonly markerLayer: SVGGElement;
  private readonly pathLayer: SVGGElement;
  private readonly startMarker: SVGGElement;
  private readonly paths = new Map<string, { line: SVGPolylineElement; dots: SVGGElement; head: SVGCircleElement }>();

  constructor(
    private readonly root: SVGSVGElement,
    onPick: (x: number, y: number) => void,
    onNudge: (dx: number, dy: number) => void,
  ) {
    root.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
    const defs = svg("defs", {}, root);
    const clip = svg("clipPath", { id: "plot-clip" }, defs);
    svg("rect", { x: MARGIN.left, y: MARGIN.top, width: INNER, height: INNER }, clip);
    this.contourLayer = svg("g", { class: "contours", "clip-path": "url(#plot-clip)" }, root);
    this.axisLayer = svg("g", { class: "axis" }, root);
    this.markerLayer = svg("g", { class: "markers", "clip-path": "url(#plot-clip)" }, root);
    this.pathLayer = svg("g", { class: "paths", "clip-path": "url(#plot-clip)" }, root);
    this.startMarker = svg("g", { class: "start", "pointer-events": "none" }, root);
    svg("circle", { r: 7, fill: "none", stroke: "#000", "stroke-width": 2.5 }, this.startMarker);
    svg("circle", { r: 7, fill: "none", stroke: "#fff", "stroke-width": 1.2 }, this.startMarker);
    svg("circle", { r: 1.8, fill: "#000" }, this.startMarker);

    root.addEventListener("click", (event) => {
      const point = this.dataFromEvent(event);
      if (point) onPick(point.x, point.y);
    });
    root.addEventListener("keydown", (event) => {
      const steps: Record<string, [number, number]> = {
        ArrowLeft: [-1, 0],
        ArrowRight: [1, 0],
        ArrowUp: [0, 1],
        ArrowDown: [0, -1],
      };
      const step = steps[event.key];
      if (!step) return;
      event.preventDefault();
      const size = event.shiftKey ? 0.05 : 0.01;
      onNudge(step[0] * size, step[1] * size);
    });
  }

  /** Data coordinates under a mouse event, or undefined outside the plot area. */
  private dataFromEvent(event: MouseEvent): { x: number; y: number } | undefined {
    if (!this.landscape) return undefined;
    const box = this.root.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * WIDTH;
    const py = ((event.clientY - box.top) / box.height) * HEIGHT;
    if (px < MARGIN.left || px > MARGIN.left + INNER || py < MARGIN.top || py > MARGIN.top + INNER) return undefined;
    const { x, y } = this.landscape.domain;
    return {
      x: x[0] + ((px - MARGIN.left) / INNER) * (x[1] - x[0]),
      y: y[1] - ((py - MARGIN.top) / INNER) * (y[1] - y[0]),
    };
  }

  /** Pixel position of a data point (viewBox units). */
  pixel(x: number, y: number): [number, number] {
    const d = this.landscape!.domain;
    const px = MARGIN.left + ((x - d.x[0]) / (d.x[1] - d.x[0])) * INNER;
    const py = MARGIN.top + ((d.y[1] - y) / (d.y[1] - d.y[0])) * INNER;
    const clamp = (v: number): number => (Number.isFinite(v) ? Math.max(-CLAMP, Math.min(CLAMP, v)) : v > 0 ? CLAMP : -CLAMP);
    return [clamp(px), clamp(py)];
  }

  /** Draws the filled log-scale contours, axes and markers of a landscape. */
  setLandscape(landscape: Landscape): void {
    this.landscape = landscape;
    const { x: dx, y: dy } = landscape.domain;
    const values = new Float64Array(GRID * GRID);
    const p = new Float64Array(2);
    let min = Infinity;
    let max = -Infinity;
    for (let j = 0; j < GRID; j++) {
      p[1] = dy[1] - ((j + 0.5) / GRID) * (dy[1] - dy[0]);
      for (let i = 0; i < GRID; i++) {
        p[0] = dx[0] + ((i + 0.5) / GRID) * (dx[1] - dx[0]);
        const v = landscape.value(p);
        values[i + j * GRID] = v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    const base = Math.min(landscape.fStar ?? min, min);
    const shifted = values.map((v) => v - base);
    const sorted = Float64Array.from(shifted).sort();
    const high = max - base;
    const low = Math.max(sorted[Math.floor(0.002 * sorted.length)], high * 1e-7, 1e-300);
    const thresholds: number[] = [];
    for (let k = 0; k < LEVELS; k++) thresholds.push(low * Math.pow(high / low, k / LEVELS));
    const color = scaleSequentialLog(palette).domain([low, high]);
    const bands = contours().size([GRID, GRID]).thresholds(thresholds)(shifted);

    clear(this.contourLayer);
    svg("rect", { x: MARGIN.left, y: MARGIN.top, width: INNER, height: INNER, fill: color(low) }, this.contourLayer);
    const scale = INNER / GRID;
    for (let k = 0; k < bands.length; k++) {
      const band = bands[k];
      const upper = k + 1 < thresholds.length ? thresholds[k + 1] : high;
      let d = "";
      for (const polygon of band.coordinates) {
        for (const ring of polygon) {
          d += "M" + ring.map(([gx, gy]) => `${(MARGIN.left + gx * scale).toFixed(1)},${(MARGIN.top + gy * scale).toFixed(1)}`).join("L") + "Z";
        }
      }
      if (!d) continue;
      svg("path", {
        d,
        fill: color(Math.sqrt(band.value * upper)),
        stroke: "rgba(20, 40, 80, 0.18)",
        "stroke-width": 0.6,
      }, this.contourLayer);
    }

    this.drawAxes();
    this.drawMarkers();
    for (const entry of this.paths.values()) {
      entry.line.remove();
      entry.dots.remove();
      entry.head.remove();
    }
    this.paths.clear();
  }

  private drawAxes(): void {
    const { x: dx, y: dy } = this.landscape!.domain;
    clear(this.axisLayer);
    const xs = scaleLinear().domain(dx).range([MARGIN.left, MARGIN.left + INNER]);
    const ys = scaleLinear().domain(dy).range([MARGIN.top + INNER, MARGIN.top]);
    svg("rect", { x: MARGIN.left, y: MARGIN.top, width: INNER, height: INNER, fill: "none", stroke: "#9aa3b2" }, this.axisLayer);
    for (const t of xs.ticks(8)) {
      const px = xs(t);
      svg("line", { x1: px, x2: px, y1: MARGIN.top + INNER, y2: MARGIN.top + INNER + 4 }, this.axisLayer);
      svg("text", { x: px, y: MARGIN.top + INNER + 15, "text-anchor": "middle" }, this.axisLayer).textContent = String(t).replace("-", "−");
    }
    for (const t of ys.ticks(8)) {
      const py = ys(t);
      svg("line", { x1: MARGIN.left - 4, x2: MARGIN.left, y1: py, y2: py }, this.axisLayer);
      svg("text", { x: MARGIN.left - 7, y: py + 3.5, "text-anchor": "end" }, this.axisLayer).textContent = String(t).replace("-", "−");
    }
    svg("text", { x: MARGIN.left + INNER / 2, y: HEIGHT - 4, "text-anchor": "middle", "font-style": "italic" }, this.axisLayer).textContent = "x";
    svg("text", { x: 10, y: MARGIN.top + INNER / 2, "text-anchor": "middle", "font-style": "italic" }, this.axisLayer).textContent = "y";
  }

  private drawMarkers(): void {
    clear(this.markerLayer);
    for (const m of this.landscape!.markers) {
      const [px, py] = this.pixel(m.x, m.y);
      const title = `${m.kind === "saddle" ? "saddle point" : m.kind + " minimum"} (${m.x.toPrecision(4)}, ${m.y.toPrecision(4)})`;
      let shape: SVGElement;
      if (m.kind === "global") {
        const points: string[] = [];
        for (let k = 0; k < 10; k++) {
          const r = k % 2 === 0 ? 9 : 4;
          const a = -Math.PI / 2 + (k * Math.PI) / 5;
          points.push(`${(px + r * Math.cos(a)).toFixed(1)},${(py + r * Math.sin(a)).toFixed(1)}`);
        }
        shape = svg("polygon", { points: points.join(" "), fill: "#fff", stroke: "#222", "stroke-width": 1.3 }, this.markerLayer);
      } else if (m.kind === "local") {
        shape = svg("circle", { cx: px, cy: py, r: 5, fill: "#fff", stroke: "#222", "stroke-width": 1.3 }, this.markerLayer);
      } else {
        const d = `M${px - 6},${py - 6}L${px + 6},${py + 6}M${px - 6},${py + 6}L${px + 6},${py - 6}`;
        shape = svg("g", {}, this.markerLayer);
        svg("path", { d, stroke: "#fff", "stroke-width": 5 }, shape);
        svg("path", { d, stroke: "#222", "stroke-width": 2.2 }, shape);
      }
      svg("title", {}, shape).textContent = title;
    }
  }

  setStart(x: number, y: number): void {
    const [px, py] = this.pixel(x, y);
    this.startMarker.setAttribute("transform", `translate(${px.toFixed(1)},${py.toFixed(1)})`);
  }

  /** Draws every run's path so far; runs not in the list are removed. */
  drawRuns(runs: readonly Run[]): void {
    const live = new Set(runs.map((r) => r.spec.id));
    for (const [id, entry] of this.paths) {
      if (!live.has(id as never)) {
        entry.line.remove();
        entry.dots.remove();
        entry.head.remove();
        this.paths.delete(id);
      }
    }
    for (const run of runs) {
      let entry = this.paths.get(run.spec.id);
      if (!entry) {
        const color = run.spec.color;
        entry = {
          line: svg("polyline", { fill: "none", stroke: color, "stroke-width": 2.2, "stroke-linejoin": "round", "stroke-opacity": 0.9 }, this.pathLayer),
          dots: svg("g", { fill: color }, this.pathLayer),
          head: svg("circle", { r: 5, fill: color, stroke: "#fff", "stroke-width": 1.5 }, this.pathLayer),
        };
        entry.line.dataset.optimizer = run.spec.id;
        this.paths.set(run.spec.id, entry);
      }
      const n = run.values.length;
      const coordinates: string[] = new Array(n);
      for (let k = 0; k < n; k++) {
        const [px, py] = this.pixel(run.points[2 * k], run.points[2 * k + 1]);
        coordinates[k] = `${px.toFixed(1)},${py.toFixed(1)}`;
      }
      entry.line.setAttribute("points", coordinates.join(" "));
      // Dots at the iterates when there are few of them (L-BFGS takes long steps).
      clear(entry.dots);
      if (n <= 80) {
        for (let k = 1; k < n; k++) {
          const [px, py] = coordinates[k].split(",");
          svg("circle", { cx: px, cy: py, r: 2.2 }, entry.dots);
        }
      }
      const [hx, hy] = coordinates[n - 1].split(",");
      entry.head.setAttribute("cx", hx);
      entry.head.setAttribute("cy", hy);
    }
    // Keep the heads above every line.
    for (const entry of this.paths.values()) this.pathLayer.appendChild(entry.head);
  }
}
