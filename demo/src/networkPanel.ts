import { contours } from "d3-contour";
import type { Optimizer } from "../../bindings/index";
import { bindLogControl, byId, numberValue, type LogControl } from "./controls";
import { LossChart } from "./lossChart";
import { LibraryNetwork } from "./libraryNetwork";
import { DATA_SETS, makeDataSet, type Activation, type DataSet, type DataSetId, type NetworkModel } from "./mlp";
import { Random } from "./rng";
import { OPTIMIZERS, type OptimizerId, type Settings } from "./runs";
import { clear, formatNumber, svg } from "./svg";

const POSITIVE = "#2166ac";
const NEGATIVE = "#e66101";
const CLASS_COLORS = ["#e66101", "#2166ac"];
/** Steppers offered for the network, with a sensible learning rate for each. */
const NETWORK_RATES: Partial<Record<OptimizerId, number>> = {
  gd: 0.5,
  momentum: 0.1,
  nesterov: 0.1,
  adagrad: 0.1,
  rmsprop: 0.01,
  adam: 0.03,
  adamax: 0.03,
  nadam: 0.03,
  lion: 0.003,
  adadelta: 1,
};
const MAX_STEPS = 5000;
const FIELD = 48;
const BOX = 2.4; // the boundary plot shows [−BOX, BOX]²
/** The centres of the boundary plot's FIELD × FIELD cells, row by row from the top. */
const GRID_POINTS = new Float64Array(2 * FIELD * FIELD);
for (let j = 0; j < FIELD; j++) {
  for (let i = 0; i < FIELD; i++) {
    GRID_POINTS[2 * (i + j * FIELD)] = -BOX + ((i + 0.5) / FIELD) * 2 * BOX;
    GRID_POINTS[2 * (i + j * FIELD) + 1] = BOX - ((j + 0.5) / FIELD) * 2 * BOX;
  }
}

/** The network panel: a 2–H–1 MLP learning a 2-D classification set with a downhill optimizer. */
export class NetworkPanel {
  private data: DataSet;
  private net: NetworkModel;
  private optimizer: Optimizer;
  private losses: number[] = [];
  private steps = 0;
  private playing = false;
  private order: Uint32Array = new Uint32Array(0);
  private cursor = 0;
  private shuffle = new Random(11);
  private readonly rate: LogControl;
  private readonly dataset = byId<HTMLSelectElement>("net-dataset");
  private readonly hidden = byId<HTMLInputElement>("net-hidden");
  private readonly activation = byId<HTMLSelectElement>("net-activation");
  private readonly optimizerSelect = byId<HTMLSelectElement>("net-optimizer");
  private readonly batch = byId<HTMLInputElement>("net-batch");
  private readonly playButton = byId<HTMLButtonElement>("net-play");
  private readonly status = byId<HTMLParagraphElement>("net-status");
  private readonly graph = byId<SVGSVGElement>("net-graph");
  private readonly boundary = byId<SVGSVGElement>("net-boundary");
  private readonly chart = new LossChart(byId<SVGSVGElement>("net-loss"), "loss", "step");

  constructor(private readonly landscapeSettings: () => Settings) {
    for (const [id, name] of Object.entries(DATA_SETS)) {
      const option = document.createElement("option");
      option.value = id;
      option.textContent = name;
      this.dataset.appendChild(option);
    }
    for (const spec of OPTIMIZERS) {
      if (!spec.stepper) continue;
      const option = document.createElement("option");
      option.value = spec.id;
      option.textContent = spec.label;
      this.optimizerSelect.appendChild(option);
    }
    this.dataset.value = "moons";
    this.hidden.value = "5";
    this.activation.value = "tanh";
    this.optimizerSelect.value = "adam";
    this.batch.value = "200";
    this.rate = bindLogControl("net-rate-slider", "net-rate", NETWORK_RATES.adam!, () => this.reset());
    byId("network-about").textContent =
      "downhill's mlp({ layers: [2, H, 1] }) learning 200 seeded points: one hidden layer, a logit output, " +
      "binaryCrossEntropy. Each step is model.valueAndGradient (the fused WebAssembly forward and backward pass) " +
      "then optimizer.step on the model's parameter vector; momentum and β₁/β₂ come from the controls above (read at reset).";

    this.dataset.addEventListener("change", () => this.reset());
    this.activation.addEventListener("change", () => this.reset());
    this.optimizerSelect.addEventListener("change", () => {
      this.rate.set(NETWORK_RATES[this.optimizerSelect.value as OptimizerId] ?? 0.01);
      this.reset();
    });
    for (const input of [this.hidden, this.batch]) {
      input.addEventListener("input", () => {
        if (input.value !== "" && input.checkValidity()) this.reset();
      });
    }
    this.playButton.addEventListener("click", () => this.setPlaying(!this.playing));
    byId("net-step").addEventListener("click", () => {
      this.setPlaying(false);
      this.train(1);
      this.render();
    });
    byId("net-reset").addEventListener("click", () => {
      this.setPlaying(false);
      this.reset();
    });

    this.data = makeDataSet("moons");
    this.net = new LibraryNetwork(5, "tanh");
    this.optimizer = this.makeOptimizer();
    this.reset();
  }

  private makeOptimizer(): Optimizer {
    const id = this.optimizerSelect.value as OptimizerId;
    const spec = OPTIMIZERS.find((o) => o.id === id && o.stepper)!;
    const s = this.landscapeSettings();
    return spec.stepper!({ ...s, learningRate: this.rate.value, adaptiveRate: this.rate.value, noise: 0 });
  }

  private reset(): void {
    this.data = makeDataSet(this.dataset.value as DataSetId);
    const hidden = Math.round(numberValue(this.hidden, 5, 1, 12));
    this.net.dispose();
    this.net = new LibraryNetwork(hidden, this.activation.value as Activation);
    this.optimizer = this.makeOptimizer();
    this.steps = 0;
    this.losses = [this.net.loss(this.data)];
    this.order = Uint32Array.from({ length: this.data.labels.length }, (_, i) => i);
    this.cursor = this.order.length;
    this.shuffle = new Random(11);
    this.render();
  }

  /** The next mini-batch (seeded shuffling, one pass per epoch). */
  private nextBatch(size: number): Uint32Array {
    const n = this.order.length;
    if (size >= n) return this.order;
    if (this.cursor + size > n) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(this.shuffle.uniform() * (i + 1));
        const t = this.order[i];
        this.order[i] = this.order[j];
        this.order[j] = t;
      }
      this.cursor = 0;
    }
    const batch = this.order.subarray(this.cursor, this.cursor + size);
    this.cursor += size;
    return batch;
  }

  private train(steps: number): void {
    const size = Math.round(numberValue(this.batch, 200, 1, this.data.labels.length));
    for (let k = 0; k < steps && this.steps < MAX_STEPS; k++) {
      this.net.loss(this.data, this.nextBatch(size), true);
      this.optimizer.step(this.net.params, this.net.grads);
      this.steps++;
      this.losses.push(this.net.loss(this.data));
    }
  }

  private setPlaying(playing: boolean): void {
    this.playing = playing && this.steps < MAX_STEPS;
    this.playButton.textContent = this.playing ? "⏸ Pause" : "▶ Train";
    this.playButton.setAttribute("aria-pressed", String(this.playing));
    if (this.playing) requestAnimationFrame(this.frame);
    this.render();
  }

  private readonly frame = (): void => {
    if (!this.playing) return;
    this.train(4);
    this.render();
    if (this.steps >= MAX_STEPS) this.setPlaying(false);
    else requestAnimationFrame(this.frame);
  };

  private render(): void {
    const loss = this.losses[this.losses.length - 1];
    const accuracy = this.net.accuracy(this.data);
    const text = `Step ${this.steps}${this.steps >= MAX_STEPS ? " (the most)" : ""} · loss ${formatNumber(loss, 3)} · accuracy ${(100 * accuracy).toFixed(1)}%` +
      (Number.isFinite(loss) ? "" : " · diverged: lower η");
    if (this.status.textContent !== text) this.status.textContent = text;
    this.status.dataset.steps = String(this.steps);
    this.status.dataset.loss = String(loss);
    this.status.dataset.accuracy = String(accuracy);
    this.drawGraph();
    this.drawBoundary();
    this.chart.draw([{ id: "loss", color: "#1f77b4", values: this.losses }], Math.max(100, this.steps), 0, "loss");
  }

  private drawGraph(): void {
    const root = this.graph;
    clear(root);
    const net = this.net;
    const h = net.hiddenUnits;
    const column = [40, 160, 280];
    const ys = (count: number, k: number): number => 112 + (k - (count - 1) / 2) * Math.min(40, 200 / Math.max(count - 1, 1));
    const width = (w: number): number => Math.min(9, 0.5 + 2.5 * Math.abs(w));
    const edges = svg("g", {}, root);
    const nodes = svg("g", {}, root);
    const edge = (x1: number, y1: number, x2: number, y2: number, w: number, label: string): void => {
      const line = svg("line", {
        x1, y1, x2, y2,
        stroke: w >= 0 ? POSITIVE : NEGATIVE,
        "stroke-width": width(w).toFixed(2),
        "stroke-opacity": 0.85,
        "stroke-linecap": "round",
      }, edges);
      line.dataset.weight = String(w);
      svg("title", {}, line).textContent = `${label} = ${formatNumber(w, 3)}`;
    };
    for (let j = 0; j < h; j++) {
      for (let k = 0; k < 2; k++) edge(column[0], ys(2, k), column[1], ys(h, j), net.inputWeight(j, k), `W₁[${j + 1}, ${k + 1}]`);
      edge(column[1], ys(h, j), column[2], ys(1, 0), net.outputWeight(j), `w₂[${j + 1}]`);
    }
    const radius = Math.min(13, Math.max(6, Math.min(40, 200 / Math.max(h - 1, 1)) / 2 - 1));
    const node = (x: number, y: number, label: string, bias: number | undefined): void => {
      const fill = bias === undefined ? "#f4f5f7" : mix(bias);
      const r = bias === undefined || label === "p" ? 13 : radius;
      const circle = svg("circle", { cx: x, cy: y, r, fill, stroke: "#333", "stroke-width": 1.2 }, nodes);
      svg("title", {}, circle).textContent = bias === undefined ? label : `${label}: bias ${formatNumber(bias, 3)}`;
      svg("text", { x, y: y + r * 0.3, "text-anchor": "middle", "font-size": Math.min(10, r * 0.8), fill: "#111", "pointer-events": "none" }, nodes)
        .textContent = label;
    };
    node(column[0], ys(2, 0), "x₁", undefined);
    node(column[0], ys(2, 1), "x₂", undefined);
    for (let j = 0; j < h; j++) node(column[1], ys(h, j), `h${j + 1}`, net.hiddenBias(j));
    node(column[2], ys(1, 0), "p", net.outputBias());
    svg("text", { x: column[0], y: 232, "text-anchor": "middle", "font-size": 10, fill: "#5b6473" }, root).textContent = "input";
    svg("text", { x: column[1], y: 232, "text-anchor": "middle", "font-size": 10, fill: "#5b6473" }, root).textContent =
      `hidden (${this.net.activation})`;
    svg("text", { x: column[2], y: 232, "text-anchor": "middle", "font-size": 10, fill: "#5b6473" }, root).textContent = "output (σ)";
  }

  private drawBoundary(): void {
    const root = this.boundary;
    clear(root);
    const size = 240;
    const values = this.net.predictMany(GRID_POINTS);
    const levels = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    svg("rect", { x: 0, y: 0, width: size, height: size, fill: probabilityColor(0.05) }, root);
    const scale = size / FIELD;
    const toPath = (coordinates: number[][][][]): string => {
      let d = "";
      for (const polygon of coordinates) {
        for (const ring of polygon) d += "M" + ring.map(([gx, gy]) => `${(gx * scale).toFixed(1)},${(gy * scale).toFixed(1)}`).join("L") + "Z";
      }
      return d;
    };
    const bands = contours().size([FIELD, FIELD]).thresholds(levels)(values);
    for (let k = 0; k < bands.length; k++) {
      const d = toPath(bands[k].coordinates);
      if (d) svg("path", { d, fill: probabilityColor(bands[k].value + 0.05) }, root);
    }
    const half = bands.find((b) => b.value === 0.5);
    if (half) svg("path", { d: toPath(half.coordinates), fill: "none", stroke: "#111", "stroke-width": 1.6 }, root);
    const dots = svg("g", {}, root);
    const { points, labels } = this.data;
    for (let i = 0; i < labels.length; i++) {
      const cx = ((points[2 * i] + BOX) / (2 * BOX)) * size;
      const cy = ((BOX - points[2 * i + 1]) / (2 * BOX)) * size;
      svg("circle", { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 3, fill: CLASS_COLORS[labels[i]], stroke: "#fff", "stroke-width": 0.8 }, dots);
    }
    svg("rect", { x: 0.5, y: 0.5, width: size - 1, height: size - 1, fill: "none", stroke: "#9aa3b2" }, root);
  }
}

/** Light orange (p ≈ 0) through white to light blue (p ≈ 1). */
function probabilityColor(p: number): string {
  const t = Math.max(0, Math.min(1, p));
  const from = t < 0.5 ? [253, 208, 162] : [255, 255, 255];
  const to = t < 0.5 ? [255, 255, 255] : [171, 205, 235];
  const u = t < 0.5 ? t / 0.5 : (t - 0.5) / 0.5;
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * u));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** A node fill for a bias: blue when positive, orange when negative, stronger with |b|. */
function mix(bias: number): string {
  const strength = Math.min(1, Math.abs(bias) / 2);
  const base = bias >= 0 ? [33, 102, 172] : [230, 97, 1];
  const c = base.map((v) => Math.round(255 + (v - 255) * strength * 0.8));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
