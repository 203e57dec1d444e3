import { commands } from "vitest/browser";
import { describe, expect, it } from "vitest";
// The shipped bundle: the same file Node runs in the command below.
import * as lib from "../dist/downhill.js";
import { runFixedComputation, type FixedResult } from "./support/fixedComputation";

declare module "vitest/browser" {
  interface BrowserCommands {
    nodeDigest(backend: "wasm-simd" | "wasm" | "ts"): Promise<FixedResult>;
  }
}

describe("Node and Chromium compute the same bits", () => {
  for (const backend of ["wasm-simd", "wasm", "ts"] as const) {
    it(`steppers (4 optimizers × 1000 steps × 10,000 dims × 2 precisions), minimize, L-BFGS-B, landscapes and schedules agree bit for bit on ${backend}`, async () => {
      const inBrowser = await runFixedComputation(lib as never, backend);
      const inNode = await commands.nodeDigest(backend);
      expect(inBrowser.digest).toBe(inNode.digest);
      // AssemblyScript's Math gives the same transcendental bits in every engine; the
      // host's Math (ts backend) is not promised to.
      if (backend !== "ts") expect(inBrowser.transcendentalDigest).toBe(inNode.transcendentalDigest);
      expect(inBrowser.value).toBe(inNode.value);
      expect(Number.isFinite(inBrowser.value)).toBe(true);
    });
  }
});
