import { describe, expect, it } from "vitest";
import * as lib from "../bindings/index";
import { runFixedComputation } from "./support/fixedComputation";

describe("every backend computes the same bits", () => {
  it("the fixed computation gives one digest on wasm-simd, wasm and ts", async () => {
    const results = await Promise.all((["wasm-simd", "wasm", "ts"] as const).map((b) => runFixedComputation(lib, b)));
    expect(results[1].digest).toBe(results[0].digest);
    expect(results[2].digest).toBe(results[0].digest);
    // SIMD and scalar builds share AssemblyScript's Math: transcendental results agree too.
    expect(results[1].transcendentalDigest).toBe(results[0].transcendentalDigest);
  });
});
