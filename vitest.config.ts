import { existsSync } from "node:fs";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { nodeDigest } from "./tests/support/nodeDigest.ts";

/**
 * Two projects, one suite: `node` runs every test in Node, `chromium` runs the same
 * files in headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH) through
 * playwright-core — never a downloaded browser. Without Chromium the `chromium`
 * project is one failing test whose message says how to install it.
 */
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const shared = ["tests/**/*.test.ts"];
const nodeOnly = ["tests/**/*.node.test.ts"];
const browserOnly = ["tests/**/*.browser.test.ts"];

const chromium = existsSync(chromePath)
  ? {
      test: {
        name: "chromium",
        include: shared,
        exclude: nodeOnly,
        testTimeout: 60_000,
        browser: {
          enabled: true,
          headless: true,
          screenshotFailures: false,
          provider: playwright({
            launchOptions: {
              executablePath: chromePath,
              args: [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
              ],
            },
          }),
          instances: [{ browser: "chromium" as const }],
          commands: { nodeDigest },
        },
      },
    }
  : {
      test: {
        name: "chromium",
        include: ["tests/support/chromiumMissing.check.ts"],
        environment: "node",
        env: { CHROME_PATH_TRIED: chromePath },
      },
    };

export default defineConfig({
  test: {
    projects: [
      { test: { name: "node", include: shared, exclude: browserOnly, environment: "node", testTimeout: 60_000 } },
      chromium,
    ],
  },
});
