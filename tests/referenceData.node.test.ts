import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// tests/support/test-problems.json is a copy of ../shared/reference/test-problems.json, so
// the suite also runs in the browser and in a clone without shared/ beside it. When the
// original is there, the copy must be identical.
describe("the embedded test-problem reference", () => {
  const original = new URL("../../shared/reference/test-problems.json", import.meta.url);
  it.runIf(existsSync(original))("is an exact copy of shared/reference/test-problems.json", () => {
    const copy = readFileSync(new URL("./support/test-problems.json", import.meta.url));
    expect(copy.equals(readFileSync(original))).toBe(true);
  });
});
