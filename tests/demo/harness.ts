// Helpers for tests/demo.node.test.ts: run `npm run demo`'s script (build + serve on a
// free port), drive the page in Debian's Chromium through playwright-core, read results.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const screenshots = join(root, "test-output", "demo");
export const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/** The page's plot geometry (viewBox units), as in demo/src/plot.ts. */
const VIEW = { width: 540, height: 530, left: 44, top: 8, inner: 488 };

export interface DemoServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Runs `node scripts/demo.mjs` (what `npm run demo` runs) and waits for the URL it prints. */
export function startDemo(timeout = 45_000): Promise<DemoServer> {
  // Build into a temporary folder, so that a running `npm run demo` is left alone.
  const outDir = mkdtempSync(join(tmpdir(), "downhill-demo-dist-"));
  const child = spawn(process.execPath, [join(root, "scripts", "demo.mjs"), "--out", outDir], {
    cwd: root,
    env: { ...process.env, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`demo server did not print its URL within ${timeout} ms:\n${output}`));
    }, timeout);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /downhill demo: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          process: child,
          stop: () =>
            new Promise<void>((done) => {
              const finish = (): void => {
                rmSync(outDir, { recursive: true, force: true });
                done();
              };
              if (child.exitCode !== null) return finish();
              child.once("exit", finish);
              child.kill();
            }),
        });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`demo server exited with code ${code}:\n${output}`));
    });
  });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile; never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "downhill-demo-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the page and collects console errors and uncaught exceptions into `errors`. */
export async function openPage(browser: Browser, url: string, viewport: { width: number; height: number }, errors: string[]): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));
  await page.goto(url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
  return page;
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage });
}

/** Chooses a landscape in the select. */
export async function chooseLandscape(page: Page, id: string): Promise<void> {
  await page.selectOption("#landscape", id);
}

/** Ticks exactly these optimizers in the legend. */
export async function chooseOptimizers(page: Page, ids: string[]): Promise<void> {
  const all = await page.$$eval("#legend li", (items) => items.map((li) => (li as HTMLElement).dataset.optimizer!));
  for (const id of all) {
    const box = page.locator(`#legend li[data-optimizer="${id}"] input[type=checkbox]`);
    if (ids.includes(id)) await box.check();
    else await box.uncheck();
  }
}

/** Clicks the plot at data coordinates (x, y) of the current landscape, whose square domain is given. */
export async function clickPlot(page: Page, domain: { x: [number, number]; y: [number, number] }, x: number, y: number): Promise<void> {
  const box = (await page.locator("#landscape-plot").boundingBox())!;
  const vx = VIEW.left + ((x - domain.x[0]) / (domain.x[1] - domain.x[0])) * VIEW.inner;
  const vy = VIEW.top + ((domain.y[1] - y) / (domain.y[1] - domain.y[0])) * VIEW.inner;
  await page.mouse.click(box.x + (vx / VIEW.width) * box.width, box.y + (vy / VIEW.height) * box.height);
}

/** Types a value into a number input (firing `input` as a person typing would). */
export async function typeNumber(page: Page, selector: string, value: number | string): Promise<void> {
  await page.fill(selector, String(value));
}

export async function runToEnd(page: Page): Promise<void> {
  await page.click("#finish");
  await page.waitForSelector('#status[data-state="done"]');
}

export interface Result {
  x: number;
  y: number;
  value: number;
  iterations: number;
  badge: string;
  badgeText: string;
  detail: string;
}

/** The final point, value and badge the legend reports for an optimizer. */
export async function result(page: Page, id: string): Promise<Result> {
  return page.$eval(`#legend li[data-optimizer="${id}"]`, (li) => {
    const item = li as HTMLElement;
    return {
      x: Number(item.dataset.x),
      y: Number(item.dataset.y),
      value: Number(item.dataset.value),
      iterations: Number(item.dataset.iterations),
      badge: item.dataset.badge ?? "",
      badgeText: item.querySelector('[data-role="badge"]')!.textContent ?? "",
      detail: item.querySelector('[data-role="final"]')!.textContent ?? "",
    };
  });
}

/** 2/L at the start point, as shown beside the learning rate. */
export async function stableStep(page: Page): Promise<number> {
  return Number(await page.getAttribute("#stable-step", "data-stable-step"));
}
