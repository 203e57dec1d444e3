import { describe, expect, it } from "vitest";
import { adam, currentBackend, DownhillError, init, loadBackend, vector } from "../bindings/index";

// Module state is fresh in this file: nothing has called init() yet.
describe("init", () => {
  it("optimizers and vectors ask for init() until it has run", () => {
    const opt = adam(); // making an optimizer needs no backend…
    const error = (() => {
      try {
        opt.step(new Float64Array(2), new Float64Array(2)); // …stepping does
      } catch (e) {
        return e as DownhillError;
      }
    })();
    expect(error).toBeInstanceOf(DownhillError);
    expect(error?.code).toBe("NOT_INITIALIZED");
    expect(error?.message).toContain("await init()");
    expect(() => vector(3)).toThrow(/await init\(\)/);
  });

  it("picks wasm-simd where the SIMD binary validates (Node 20, Chromium)", async () => {
    expect(await init()).toEqual({ backend: "wasm-simd" });
    expect(currentBackend().name).toBe("wasm-simd");
  });

  it("is memoized: each backend is compiled once", async () => {
    const [a, b] = await Promise.all([loadBackend("wasm"), loadBackend("wasm")]);
    expect(a).toBe(b);
    expect(await loadBackend("wasm")).toBe(a);
  });

  it("forces a backend when asked, and reports it", async () => {
    for (const backend of ["ts", "wasm", "wasm-simd"] as const) {
      expect(await init({ backend })).toEqual({ backend });
      expect(currentBackend().name).toBe(backend);
      const v = vector(5, "float32");
      expect(v).toBeInstanceOf(Float32Array);
      expect(currentBackend().owns(v)).toBe(true);
    }
  });

  it("vectors of a WebAssembly backend are views into its memory; other arrays are not", async () => {
    const backend = await loadBackend("wasm-simd");
    const v = backend.vector(10);
    expect(backend.owns(v)).toBe(true);
    expect(v.byteOffset % 16).toBe(0);
    expect(backend.owns(new Float64Array(10))).toBe(false);
  });
});
