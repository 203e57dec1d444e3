import { describe, expect, it } from "vitest";
import bundle from "../dist/downhill.js?raw";

// The shipped file: one ESM module for Node and browsers, binaries inlined.
describe("dist/downhill.js", () => {
  it("uses no eval, no new Function, no fetch and no .wasm URL", () => {
    expect(bundle).not.toMatch(/\beval\s*\(/);
    expect(bundle).not.toMatch(/new\s+Function\s*\(/);
    expect(bundle).not.toMatch(/\bfetch\s*\(/);
    expect(bundle).not.toMatch(/\.wasm["'`]/);
  });

  it("has no top-level await and no Node-only imports", () => {
    const topLevel = bundle.split("\n").filter((line) => /^(await|const \w+ = await)\b/.test(line));
    expect(topLevel).toEqual([]);
    expect(bundle).not.toMatch(/from\s+["']node:/);
    expect(bundle).not.toMatch(/\brequire\(/);
  });

  it("inlines both WebAssembly binaries as base64", () => {
    const blobs = bundle.match(/"AGFzbQ[A-Za-z0-9+/=]+"/g) ?? []; // "\0asm" magic, base64
    expect(blobs.length).toBe(2);
  });
});
