// The interactive page (demo/, `npm run demo`) in headless Chromium: build and serve it
// with the real script, then drive it as a person would. Screenshots go to
// test-output/demo/ so that someone can look at them.
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseLandscape,
  chooseOptimizers,
  chromePath,
  clickPlot,
  launchBrowser,
  openPage,
  result,
  runToEnd,
  screenshot,
  stableStep,
  startDemo,
  typeNumber,
  type Browser,
  type DemoServer,
} from "./demo/harness";

const HIMMELBLAU = { x: [-5, 5] as [number, number], y: [-5, 5] as [number, number] };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!existsSync(chromePath))("the interactive page in Chromium", () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startDemo();
    browser = await launchBrowser();
    page = await openPage(browser, server.url, DESKTOP, errors);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("loads with no console errors, runs on WebAssembly, and draws every landscape", async () => {
    expect(await page.textContent("#backend")).toMatch(/WebAssembly/);
    const landscapes = await page.$$eval("#landscape option", (options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(landscapes).toEqual(["himmelblau", "rosenbrock", "beale", "rastrigin", "ackley", "saddle", "quadratic", "goldsteinPrice", "plateau"]);
    for (const id of landscapes) {
      await chooseLandscape(page, id);
      expect(await page.locator("#landscape-plot .contours path").count()).toBeGreaterThan(15);
      expect(await page.locator("#landscape-plot .markers > *").count()).toBeGreaterThan(0);
      await runToEnd(page);
      // One path per ticked optimizer, with a reported final point for each.
      const ticked = await page.locator("#legend li:not(.off)").count();
      expect(ticked).toBe(7);
      expect(await page.locator("#landscape-plot .paths polyline").count()).toBe(ticked);
      expect(await page.locator("#loss-chart polyline").count()).toBe(ticked);
      const lbfgs = await result(page, "lbfgs");
      expect(Number.isFinite(lbfgs.x) && Number.isFinite(lbfgs.y)).toBe(true);
      await screenshot(page, `desktop-${id}`);
    }
    // L-BFGS (recorded path) finds Rosenbrock's minimum; Goldstein–Price's local minima are marked.
    await chooseLandscape(page, "rosenbrock");
    await runToEnd(page);
    const lbfgs = await result(page, "lbfgs");
    expect(lbfgs.x).toBeCloseTo(1, 6);
    expect(lbfgs.y).toBeCloseTo(1, 6);
    expect(lbfgs.badge).toBe("global");
    await chooseLandscape(page, "goldsteinPrice");
    expect(await page.locator("#landscape-plot .markers circle").count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it("Adam reaches Himmelblau's nearest minimum from a start clicked on the plot", async () => {
    await chooseLandscape(page, "himmelblau");
    await chooseOptimizers(page, ["gd", "adam", "lbfgs"]);
    await clickPlot(page, HIMMELBLAU, 2.5, -2.5);
    const x0 = Number(await page.inputValue("#start-x"));
    const y0 = Number(await page.inputValue("#start-y"));
    expect(Math.abs(x0 - 2.5)).toBeLessThan(0.03); // one pixel is 10/488 ≈ 0.02
    expect(Math.abs(y0 + 2.5)).toBeLessThan(0.03);
    // Play with the speed turned up from the keyboard, and wait for the animation to finish.
    await page.focus("#speed");
    await page.keyboard.press("End");
    await page.click("#play");
    await page.waitForSelector('#status[data-state="done"]', { timeout: 20_000 });
    const adam = await result(page, "adam");
    const nearest = [3.5844283403304917, -1.8481265269644036]; // the closest of the four minima to (2.5, −2.5)
    expect(Math.hypot(adam.x - nearest[0], adam.y - nearest[1])).toBeLessThan(1e-3);
    expect(adam.value).toBeLessThan(1e-6);
    expect(adam.iterations).toBe(200);
    expect(adam.badge).toBe("global");
    expect(adam.detail).toMatch(/^\(3\.58\d*, −1\.84\d*\)/);
    const lbfgs = await result(page, "lbfgs");
    expect(lbfgs.x).toBeCloseTo(nearest[0], 6);
    expect(lbfgs.y).toBeCloseTo(nearest[1], 6);
    await screenshot(page, "desktop-himmelblau-adam-from-click");
    // Typed coordinates work too, and the arrow keys move the start point.
    await typeNumber(page, "#start-x", -1);
    await typeNumber(page, "#start-y", -1.5);
    await page.focus("#landscape-plot");
    await page.keyboard.press("ArrowRight");
    expect(Number(await page.inputValue("#start-x"))).toBeCloseTo(-0.9, 6);
    await runToEnd(page);
    const adamAgain = await result(page, "adam");
    expect(adamAgain.x).toBeCloseTo(-3.7793, 3);
    expect(adamAgain.y).toBeCloseTo(-3.2832, 3);
    expect(errors).toEqual([]);
  });

  it("plain gradient descent on the quadratic diverges above 2/L and converges below", async () => {
    await chooseLandscape(page, "quadratic");
    await chooseOptimizers(page, ["gd", "momentum", "adam", "lbfgs"]);
    const stable = await stableStep(page);
    expect(stable).toBeCloseTo(0.2, 6); // L = 10 everywhere
    expect(await page.textContent("#stable-step")).toMatch(/2\/L ≈ 0\.2\b/);

    await typeNumber(page, "#learning-rate", +(1.1 * stable).toPrecision(4));
    expect(await page.getAttribute("#stable-step", "class")).toContain("unstable");
    await runToEnd(page);
    const above = await result(page, "gd");
    expect(above.badge).toBe("diverged");
    expect(above.badgeText).toBe("diverged");
    expect(Math.hypot(above.x, above.y)).toBeGreaterThan(100);
    expect(await page.textContent("#status")).toMatch(/Diverged: Gradient descent/);
    await screenshot(page, "desktop-quadratic-above-2-over-L");

    await typeNumber(page, "#learning-rate", +(0.9 * stable).toPrecision(4));
    expect(await page.getAttribute("#stable-step", "class")).toContain("stable-ok");
    await runToEnd(page);
    const below = await result(page, "gd");
    expect(below.badge).toBe("global");
    expect(Math.hypot(below.x, below.y)).toBeLessThan(1e-3);
    await screenshot(page, "desktop-quadratic-below-2-over-L");

    // A larger condition number: a narrower valley, same L; GD now crawls instead of converging.
    await typeNumber(page, "#condition", 500);
    expect(await stableStep(page)).toBeCloseTo(0.2, 6);
    await runToEnd(page);
    expect((await result(page, "gd")).badge).toBe("unfinished");
    expect(errors).toEqual([]);
  });

  it("stalls at the saddle without noise and escapes it with seeded gradient noise", async () => {
    await chooseLandscape(page, "saddle");
    await chooseOptimizers(page, ["gd", "adam"]);
    await runToEnd(page);
    expect((await result(page, "gd")).badge).toBe("saddle");
    expect((await result(page, "adam")).badgeText).toBe("stalled at a saddle");
    await page.check("#noise-on");
    await runToEnd(page);
    const noisy = await result(page, "gd");
    expect(noisy.badge).toBe("escaped");
    expect(Math.abs(noisy.y)).toBeGreaterThan(2);
    await screenshot(page, "desktop-saddle-with-noise");
    // Seeded: the same seed gives the same path, another seed another one.
    await runToEnd(page);
    expect((await result(page, "gd")).y).toBe(noisy.y);
    await typeNumber(page, "#seed", 2);
    await runToEnd(page);
    expect((await result(page, "gd")).y).not.toBe(noisy.y);
    await page.uncheck("#noise-on");
    expect(errors).toEqual([]);
  });

  it("gradient descent stalls on a plateau that Adam walks across", async () => {
    await chooseLandscape(page, "plateau");
    await chooseOptimizers(page, ["gd", "adam"]);
    await runToEnd(page);
    const gd = await result(page, "gd");
    expect(gd.badge).toBe("plateau");
    expect(gd.badgeText).toBe("stalled on a plateau");
    expect(gd.x).toBeCloseTo(-2, 3);
    const adam = await result(page, "adam");
    expect(adam.badge).toBe("global");
    expect(adam.x).toBeCloseTo(1, 2);
    await screenshot(page, "desktop-plateau");
    expect(errors).toEqual([]);
  });

  it("the network panel learns the two moons, drawing weights, boundary and loss", async () => {
    await page.selectOption("#net-dataset", "moons");
    await page.selectOption("#net-optimizer", "adam");
    const before = Number(await page.getAttribute("#net-status", "data-loss"));
    await page.click("#net-play");
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>("#net-status")!.dataset.steps) >= 300, undefined, {
      timeout: 20_000,
    });
    await page.click("#net-play");
    const after = Number(await page.getAttribute("#net-status", "data-loss"));
    const accuracy = Number(await page.getAttribute("#net-status", "data-accuracy"));
    expect(after).toBeLessThan(before / 3);
    expect(accuracy).toBeGreaterThan(0.9);
    // 5 hidden units: 2·5 input weights + 5 output weights, coloured by sign.
    const edges = await page.$$eval("#net-graph line", (lines) =>
      lines.map((l) => ({ weight: Number((l as SVGElement).dataset.weight), stroke: l.getAttribute("stroke"), width: Number(l.getAttribute("stroke-width")) })),
    );
    expect(edges).toHaveLength(15);
    for (const e of edges) expect(e.stroke).toBe(e.weight >= 0 ? "#2166ac" : "#e66101");
    expect(Math.max(...edges.map((e) => e.width))).toBeGreaterThan(Math.min(...edges.map((e) => e.width)));
    expect(await page.locator("#net-boundary path").count()).toBeGreaterThan(1);
    await page.locator("#network-title").scrollIntoViewIfNeeded();
    await screenshot(page, "desktop-network");
    // Mini-batches of 32 on downhill's twoSpirals with 10 hidden ReLU units, one step per click.
    await page.selectOption("#net-dataset", "spiral");
    await page.selectOption("#net-activation", "relu");
    await typeNumber(page, "#net-hidden", 10);
    await typeNumber(page, "#net-batch", 32);
    for (let k = 0; k < 5; k++) await page.click("#net-step");
    expect(await page.getAttribute("#net-status", "data-steps")).toBe("5");
    expect(await page.locator("#net-graph line").count()).toBe(30);
    expect(Number(await page.getAttribute("#net-status", "data-loss"))).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(errors).toEqual([]);
  });

  it("is operable from the keyboard: labelled controls, Play and Step by keys", async () => {
    const unlabelled = await page.$$eval("input, select, button", (elements) =>
      elements
        .filter((e) => {
          const el = e as HTMLInputElement;
          if (el.type === "hidden") return false;
          const hasLabel = (el.labels && el.labels.length > 0) || el.getAttribute("aria-label") || (el.tagName === "BUTTON" && el.textContent!.trim());
          return !hasLabel;
        })
        .map((e) => e.id || e.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    await chooseLandscape(page, "himmelblau");
    await page.focus("#speed");
    await page.keyboard.press("Home"); // one iteration per frame: 200 frames to the end
    await page.click("#reset");
    await page.focus("#step");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Space");
    expect(await page.textContent("#iteration")).toMatch(/^iteration 2 \//);
    await page.focus("#play");
    await page.keyboard.press("Enter");
    expect(await page.getAttribute("#play", "aria-pressed")).toBe("true");
    await page.keyboard.press("Enter");
    expect(await page.getAttribute("#play", "aria-pressed")).toBe("false");
    expect(errors).toEqual([]);
  });

  it("works on a narrow screen (390×844) with no horizontal scrolling", async () => {
    const phoneErrors: string[] = [];
    const phone = await openPage(browser, server.url, PHONE, phoneErrors);
    const widths = await phone.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
    const plot = (await phone.locator("#landscape-plot").boundingBox())!;
    expect(plot.width).toBeGreaterThan(300);
    expect(plot.x + plot.width).toBeLessThanOrEqual(PHONE.width);
    await clickPlot(phone, HIMMELBLAU, 2.5, -2.5);
    await runToEnd(phone);
    const adam = await result(phone, "adam");
    expect(adam.x).toBeCloseTo(3.5844, 2);
    await screenshot(phone, "phone-top");
    await screenshot(phone, "phone-full", true);
    await phone.close();
    expect(phoneErrors).toEqual([]);
  });
});
