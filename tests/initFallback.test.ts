import { afterEach, describe, expect, it, vi } from "vitest";
import { DownhillError, init } from "../bindings/index";

// Simulated engines without SIMD, and without WebAssembly. Fresh module state per file;
// the order matters, since a backend that loaded once stays loaded (memoized).
describe("init falls back when an engine lacks features", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it("without WebAssembly, init() picks ts and a forced wasm fails clearly", async () => {
    vi.stubGlobal("WebAssembly", undefined);
    expect(await init()).toEqual({ backend: "ts" });
    await expect(init({ backend: "wasm" })).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
  });

  it("a forced wasm-simd fails with BACKEND_UNAVAILABLE when SIMD does not validate", async () => {
    vi.spyOn(WebAssembly, "validate").mockReturnValue(false);
    const error = await init({ backend: "wasm-simd" }).catch((e) => e);
    expect(error).toBeInstanceOf(DownhillError);
    expect(error.code).toBe("BACKEND_UNAVAILABLE");
    expect(error.argument).toBe("backend");
    expect(error.message).toMatch(/SIMD/);
  });

  it("without SIMD, init() picks the scalar wasm backend", async () => {
    const real = WebAssembly.validate.bind(WebAssembly);
    let first = true;
    vi.spyOn(WebAssembly, "validate").mockImplementation((bytes) => {
      const simdProbe = first; // init asks about the SIMD binary first
      first = false;
      return simdProbe ? false : real(bytes);
    });
    expect(await init()).toEqual({ backend: "wasm" });
  });

});
