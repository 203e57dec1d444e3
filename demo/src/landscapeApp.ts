import { LANDSCAPE_IDS, LANDSCAPE_NAMES, makeLandscape, type Landscape, type LandscapeId } from "./landscapes";
import { LossChart } from "./lossChart";
import { LandscapePlot } from "./plot";
import { OPTIMIZERS, Run, classify, curvatureEstimate, type Badge, type OptimizerId, type Settings } from "./runs";
import { formatNumber } from "./svg";
import { bindLogControl, byId, numberValue } from "./controls";

/** The landscape panel: controls, contour plot with paths, legend with results, loss chart. */
export class LandscapeApp {
  private landscape: Landscape;
  private start: [number, number];
  private runs: Run[] = [];
  private t = 0;
  private playing = false;
  private enabled = new Set<OptimizerId>(OPTIMIZERS.filter((o) => o.defaultOn).map((o) => o.id));
  private readonly plot: LandscapePlot;
  private readonly chart: LossChart;
  private readonly badges = new Map<OptimizerId, { key: string; badge: Badge }>();
  private stableStep = NaN;
  private frameRequested = false;

  private readonly select = byId<HTMLSelectElement>("landscape");
  private readonly conditionField = byId<HTMLDivElement>("condition-field");
  private readonly condition;
  private readonly learningRate;
  private readonly adaptiveRate;
  private readonly noise;
  private readonly startX = byId<HTMLInputElement>("start-x");
  private readonly startY = byId<HTMLInputElement>("start-y");
  private readonly momentum = byId<HTMLInputElement>("momentum");
  private readonly beta1 = byId<HTMLInputElement>("beta1");
  private readonly beta2 = byId<HTMLInputElement>("beta2");
  private readonly iterations = byId<HTMLInputElement>("iterations");
  private readonly noiseOn = byId<HTMLInputElement>("noise-on");
  private readonly seed = byId<HTMLInputElement>("seed");
  private readonly speed = byId<HTMLInputElement>("speed");
  private readonly playButton = byId<HTMLButtonElement>("play");
  private readonly status = byId<HTMLParagraphElement>("status");
  private readonly counter = byId<HTMLOutputElement>("iteration");
  private readonly stableText = byId<HTMLParagraphElement>("stable-step");
  private readonly stableTick = byId<HTMLSpanElement>("stable-tick");
  private readonly legend = byId<HTMLOListElement>("legend");

  constructor() {
    for (const id of LANDSCAPE_IDS) {
      const option = document.createElement("option");
      option.value = id;
      option.textContent = LANDSCAPE_NAMES[id];
      this.select.appendChild(option);
    }
    this.select.value = "himmelblau";
    this.landscape = makeLandscape("himmelblau");
    this.start = [...this.landscape.start];

    this.plot = new LandscapePlot(
      byId<SVGSVGElement>("landscape-plot") as unknown as SVGSVGElement,
      (x, y) => this.setStart(x, y),
      (dx, dy) => {
        const d = this.landscape.domain;
        this.setStart(this.start[0] + dx * (d.x[1] - d.x[0]), this.start[1] + dy * (d.y[1] - d.y[0]));
      },
    );
    this.chart = new LossChart(byId<SVGSVGElement>("loss-chart") as unknown as SVGSVGElement);

    this.condition = bindLogControl("condition-slider", "condition", 20, () => {
      if (this.landscape.id !== "quadratic") return;
      this.landscape = makeLandscape("quadratic", this.condition.value);
      this.showLandscape();
      this.restart();
    });
    this.learningRate = bindLogControl("learning-rate-slider", "learning-rate", 0.01, () => this.restart());
    this.adaptiveRate = bindLogControl("adaptive-rate-slider", "adaptive-rate", 0.1, () => this.restart());
    this.noise = bindLogControl("noise-slider", "noise", 1, () => {
      if (this.noiseOn.checked) this.restart();
    });
    this.momentum.value = "0.9";
    this.beta1.value = "0.9";
    this.beta2.value = "0.999";
    this.seed.value = "1";
    for (const input of [this.momentum, this.beta1, this.beta2, this.iterations, this.seed]) {
      input.addEventListener("input", () => {
        if (input.checkValidity() && input.value !== "") this.restart();
      });
    }
    this.noiseOn.addEventListener("change", () => this.restart());
    for (const input of [this.startX, this.startY]) {
      input.addEventListener("input", () => {
        const x = Number(this.startX.value);
        const y = Number(this.startY.value);
        if (this.startX.value !== "" && this.startY.value !== "" && Number.isFinite(x) && Number.isFinite(y)) {
          this.start = [x, y];
          this.plot.setStart(x, y);
          this.updateStableStep();
          this.restart();
        }
      });
    }
    this.select.addEventListener("change", () => this.chooseLandscape(this.select.value as LandscapeId));

    this.playButton.addEventListener("click", () => this.setPlaying(!this.playing));
    byId("step").addEventListener("click", () => {
      this.setPlaying(false);
      this.goTo(this.t + 1);
    });
    byId("reset").addEventListener("click", () => {
      this.setPlaying(false);
      this.restart();
    });
    byId("finish").addEventListener("click", () => {
      this.setPlaying(false);
      this.goTo(this.settings().iterations);
    });

    this.buildLegend();
    this.chooseLandscape("himmelblau");
  }

  /** The current settings, read from the controls. */
  settings(): Settings {
    const s: Settings = {
      learningRate: this.learningRate.value,
      adaptiveRate: this.adaptiveRate.value,
      momentum: numberValue(this.momentum, 0.9, 0, 0.999),
      beta1: numberValue(this.beta1, 0.9, 0, 0.9999),
      beta2: numberValue(this.beta2, 0.999, 0, 0.99999),
      iterations: Math.round(numberValue(this.iterations, 200, 1, 20000)),
      noise: this.noiseOn.checked ? this.noise.value : 0,
      seed: Math.round(numberValue(this.seed, 1, 0, 2 ** 31)),
    };
    return s;
  }

  private chooseLandscape(id: LandscapeId): void {
    this.select.value = id;
    this.landscape = makeLandscape(id, this.condition.value);
    this.conditionField.hidden = id !== "quadratic";
    const d = this.landscape.defaults;
    this.learningRate.set(d.learningRate);
    this.adaptiveRate.set(d.adaptiveRate);
    this.noise.set(d.noise);
    this.iterations.value = String(d.iterations);
    this.start = [...this.landscape.start];
    this.showLandscape();
    this.restart();
  }

  private showLandscape(): void {
    const l = this.landscape;
    this.plot.setLandscape(l);
    byId("landscape-name").textContent = l.name + ".";
    byId("landscape-formula").textContent = l.formula + ".";
    byId("landscape-about").textContent = l.about;
    byId("contour-scale").textContent =
      l.fStar === undefined ? "Contours on a log scale of f − (its minimum on the plot)" : "Contours on a log scale of f − f*";
    this.setStartFields();
    this.plot.setStart(this.start[0], this.start[1]);
    this.updateStableStep();
  }

  private setStart(x: number, y: number): void {
    const round = (v: number): number => +v.toPrecision(4);
    this.start = [round(x), round(y)];
    this.setStartFields();
    this.plot.setStart(this.start[0], this.start[1]);
    this.updateStableStep();
    this.restart();
  }

  private setStartFields(): void {
    this.startX.value = String(this.start[0]);
    this.startY.value = String(this.start[1]);
  }

  /** Recomputes 2/L at the start point and shows it beside the learning rate. */
  private updateStableStep(): void {
    const L = curvatureEstimate(this.landscape, this.start[0], this.start[1]);
    this.stableStep = L > 0 ? 2 / L : Infinity;
    const text = this.stableText;
    text.dataset.stableStep = String(this.stableStep);
    const slider = byId<HTMLInputElement>("learning-rate-slider");
    const low = Number(slider.min);
    const high = Number(slider.max);
    const position = (Math.log10(this.stableStep) - low) / (high - low);
    if (Number.isFinite(position) && position >= 0 && position <= 1) {
      this.stableTick.hidden = false;
      this.stableTick.style.left = `calc(8px + ${position.toFixed(4)} * (100% - 16px))`;
    } else {
      this.stableTick.hidden = true;
    }
    this.updateStableText();
  }

  private updateStableText(): void {
    const eta = this.learningRate.value;
    const stable = this.stableStep;
    const text = this.stableText;
    if (!Number.isFinite(stable)) {
      text.textContent = "2/L = ∞ here (no curvature at the start point)";
      text.className = "stable";
      return;
    }
    const ratio = eta / stable;
    const base = `2/L ≈ ${formatNumber(stable)} at the start (L ≈ ${formatNumber(2 / stable)}, power iteration); η = ${formatNumber(ratio, 2)} × 2/L`;
    if (ratio > 1) {
      text.textContent = `${base} — above it: plain gradient descent overshoots and can diverge.`;
      text.className = "stable unstable";
    } else {
      text.textContent = `${base} — below it: plain gradient descent is stable near the start.`;
      text.className = "stable stable-ok";
    }
  }

  private buildLegend(): void {
    for (const spec of OPTIMIZERS) {
      const item = document.createElement("li");
      item.dataset.optimizer = spec.id;
      item.innerHTML = `
        <div class="row">
          <label><input type="checkbox" /> <span class="swatch" style="background:${spec.color}"></span> <span class="name"></span></label>
          <span class="badge ready" data-role="badge"></span>
        </div>
        <div class="detail" data-role="final"></div>`;
      item.querySelector(".name")!.textContent = spec.label;
      const checkbox = item.querySelector("input")!;
      checkbox.checked = this.enabled.has(spec.id);
      checkbox.setAttribute("aria-describedby", `legend-${spec.id}-final`);
      item.querySelector<HTMLElement>('[data-role="final"]')!.id = `legend-${spec.id}-final`;
      checkbox.addEventListener("change", () => {
        if (checkbox.checked) this.enabled.add(spec.id);
        else this.enabled.delete(spec.id);
        this.restart();
      });
      this.legend.appendChild(item);
    }
  }

  /** New runs from the start point with the current settings; keeps playing if it was. */
  private restart(): void {
    const settings = this.settings();
    this.updateStableText();
    this.runs = OPTIMIZERS.filter((o) => this.enabled.has(o.id)).map((o) => new Run(o, this.landscape, this.start, settings));
    this.badges.clear();
    this.t = 0;
    this.render();
    if (this.playing) this.requestFrame();
  }

  private goTo(t: number): void {
    const iterations = this.settings().iterations;
    this.t = Math.max(0, Math.min(t, iterations));
    for (const run of this.runs) run.advanceTo(this.t);
    this.render();
  }

  private setPlaying(playing: boolean): void {
    if (playing && this.t >= this.settings().iterations) this.restart();
    this.playing = playing;
    this.playButton.textContent = playing ? "⏸ Pause" : "▶ Play";
    this.playButton.setAttribute("aria-pressed", String(playing));
    if (playing) this.requestFrame();
    this.render();
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      if (!this.playing) return;
      const iterations = this.settings().iterations;
      this.goTo(this.t + Math.max(1, Number(this.speed.value)));
      if (this.t >= iterations) this.setPlaying(false);
      else this.requestFrame();
    });
  }

  private render(): void {
    const settings = this.settings();
    const total = settings.iterations;
    this.plot.drawRuns(this.runs);
    this.counter.value = `iteration ${this.t} / ${total}`;
    this.counter.textContent = this.counter.value;
    const finished = this.t >= total;
    const items = this.legend.children;
    for (let k = 0; k < items.length; k++) {
      const item = items[k] as HTMLLIElement;
      const spec = OPTIMIZERS[k];
      const run = this.runs.find((r) => r.spec.id === spec.id);
      const badgeElement = item.querySelector<HTMLElement>('[data-role="badge"]')!;
      const final = item.querySelector<HTMLElement>('[data-role="final"]')!;
      item.classList.toggle("off", !run);
      if (!run) {
        badgeElement.hidden = true;
        final.textContent = "";
        final.hidden = true;
        item.title = spec.describe(settings);
        for (const key of ["x", "y", "value", "iterations", "badge"]) delete item.dataset[key];
        continue;
      }
      const done = finished || run.finished;
      const key = `${run.iterations}|${done}`;
      let cached = this.badges.get(spec.id);
      if (!cached || cached.key !== key) {
        cached = { key, badge: classify(run, this.landscape, done) };
        this.badges.set(spec.id, cached);
      }
      const { badge } = cached;
      const last = run.last;
      badgeElement.hidden = false;
      badgeElement.className = `badge ${badge.kind}`;
      badgeElement.textContent = badge.text;
      final.hidden = false;
      final.textContent = `(${formatNumber(last.x, 5)}, ${formatNumber(last.y, 5)}) · f = ${formatNumber(last.value, 4)} · ${run.iterations} it${run.result ? `, ${run.result.evaluations} evals` : ""}`;
      item.title = spec.describe(settings) + (run.spec.method && run.reason ? `. ${run.reason}` : "") +
        (run.spec.stepper && settings.noise > 0 ? `, gradient noise σ ${formatNumber(settings.noise)}` : "");
      item.dataset.x = String(last.x);
      item.dataset.y = String(last.y);
      item.dataset.value = String(last.value);
      item.dataset.iterations = String(run.iterations);
      item.dataset.badge = badge.kind;
    }
    const label = this.landscape.fStar === undefined ? "f" : this.landscape.fStar === 0 ? "f" : `f − ${formatNumber(this.landscape.fStar)}`;
    this.chart.draw(
      this.runs.map((r) => ({ id: r.spec.id, color: r.spec.color, values: r.values })),
      total,
      this.landscape.fStar,
      label,
    );
    const diverged = this.runs.filter((r) => this.badges.get(r.spec.id)?.badge.kind === "diverged").map((r) => r.spec.label);
    let status = this.playing ? "Running…" : this.t === 0 ? "Ready: press Play, Step or Run to end." : finished ? `Done: ${total} iterations.` : `Paused at iteration ${this.t}.`;
    if (diverged.length > 0) status += ` Diverged: ${diverged.join(", ")}.`;
    if (this.status.textContent !== status) this.status.textContent = status;
    this.status.dataset.state = this.playing ? "running" : finished ? "done" : this.t === 0 ? "ready" : "paused";
  }
}
