import { beforeAll, describe, expect, it } from "vitest";
import {
  finiteDifferenceGradient, illConditionedQuadratic, init, landscape, loadBackend, minimize, type LandscapeId,
} from "../bindings/index";
import { firstDifference, seeded } from "./support/random";

const EXACT: Array<[LandscapeId, number | undefined]> = [
  ["extendedRosenbrock", 100],
  ["sphere", 37],
  ["styblinskiTang", 9],
  ["himmelblau", undefined],
  ["illConditionedQuadratic", 50],
];
const TRANSCENDENTAL: Array<[LandscapeId, number | undefined]> = [
  ["rastrigin", 17],
  ["ackley", 17],
];

function points(dim: number, x0: Float64Array, seed: number): Float64Array[] {
  const random = seeded(seed);
  return [x0, ...Array.from({ length: 3 }, () => Float64Array.from(x0, (v) => v + (random() - 0.5) * 2))];
}

beforeAll(async () => {
  await init();
});

for (const name of ["wasm-simd", "wasm"] as const) {
  describe(`landscapes in WebAssembly (${name})`, async () => {
    const backend = await loadBackend(name);
    const ts = await loadBackend("ts");

    for (const [id, dim] of EXACT) {
      it(`${id}: value, gradient and finite differences equal the TypeScript definition bit for bit`, () => {
        const wasm = landscape(id, { dim, backend });
        const reference = landscape(id, { dim, backend: ts });
        const n = wasm.dim;
        for (const x of points(n, wasm.x0, n)) {
          const before = x.slice();
          const g = new Float64Array(n), r = new Float64Array(n);
          expect(wasm.valueAndGradient(x, g)).toBe(reference.valueAndGradient(x, r));
          expect(firstDifference(g, r)).toBe(-1);
          expect(wasm.value(x)).toBe(reference.value(x));
          for (const method of ["central", "forward"] as const) {
            wasm.differenceGradient(x, g, method);
            const independent = finiteDifferenceGradient((v) => reference.value(v), x, { method });
            expect(firstDifference(g, independent), `${method} differences`).toBe(-1);
          }
          expect(firstDifference(x, before), "x is not modified").toBe(-1);
        }
      });
    }

    for (const [id, dim] of TRANSCENDENTAL) {
      it(`${id}: agrees with the host-Math definition within a few ulps`, () => {
        const wasm = landscape(id, { dim, backend });
        const reference = landscape(id, { dim, backend: ts });
        const n = wasm.dim;
        for (const x of points(n, wasm.x0, 3)) {
          const g = new Float64Array(n), r = new Float64Array(n);
          const f = wasm.valueAndGradient(x, g), fr = reference.valueAndGradient(x, r);
          expect(Math.abs(f - fr)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(fr)));
          g.forEach((gi, i) => expect(Math.abs(gi - r[i])).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(r[i]))));
        }
      });
    }

    it("works zero-copy on the backend's own vectors", () => {
      const rosen = landscape("extendedRosenbrock", { dim: 1000, backend });
      const x = backend.vector(1000);
      const g = backend.vector(1000);
      x.set(rosen.x0);
      const viaVectors = rosen.valueAndGradient(x, g);
      const copy = new Float64Array(1000);
      expect(rosen.valueAndGradient(rosen.x0, copy)).toBe(viaVectors);
      expect(firstDifference(backend.refresh(g), copy)).toBe(-1);
    });
  });
}

describe("landscapes: SIMD and scalar WebAssembly agree bit for bit, transcendental ones too", () => {
  it("rastrigin and ackley give identical bits on wasm-simd and wasm", async () => {
    const [simd, scalar] = await Promise.all([loadBackend("wasm-simd"), loadBackend("wasm")]);
    for (const id of ["rastrigin", "ackley"] as const) {
      const a = landscape(id, { dim: 33, backend: simd }), b = landscape(id, { dim: 33, backend: scalar });
      for (const x of points(33, a.x0, 9)) {
        const ga = new Float64Array(33), gb = new Float64Array(33);
        expect(a.valueAndGradient(x, ga)).toBe(b.valueAndGradient(x, gb));
        expect(firstDifference(ga, gb)).toBe(-1);
        a.differenceGradient(x, ga);
        b.differenceGradient(x, gb);
        expect(firstDifference(ga, gb)).toBe(-1);
      }
    }
  });
});

describe("landscapes with minimize and bad input", () => {
  it("L-BFGS minimizes the 1000-dimensional extended Rosenbrock evaluated in WebAssembly", () => {
    const rosen = landscape("extendedRosenbrock", { dim: 1000 });
    const r = minimize(rosen, rosen.x0);
    expect(r.converged).toBe(true);
    expect(r.value).toBeLessThan(1e-10);
  });

  it("the ill-conditioned quadratic has the condition number asked for", () => {
    const q = illConditionedQuadratic({ dim: 3, conditionNumber: 50 });
    const g = new Float64Array(3);
    q.gradient(new Float64Array([1, 1, 1]), g);
    expect(Array.from(g)).toEqual([1, 25.5, 50]); // the Hessian's diagonal: 1 … κ
    expect(q.value(q.x0)).toBe(38.25);
  });

  it("rejects unknown landscapes and misplaced options", () => {
    expect(() => landscape("banana" as never)).toThrow(expect.objectContaining({ code: "INVALID_OPTION", argument: "id" }));
    expect(() => landscape("sphere", { conditionNumber: 10 })).toThrow(expect.objectContaining({ argument: "conditionNumber" }));
    expect(() => landscape("himmelblau", { dim: 3 })).toThrow(expect.objectContaining({ argument: "dim" }));
    expect(() => landscape("sphere", { size: 3 } as never)).toThrow(expect.objectContaining({ code: "UNKNOWN_OPTION" }));
    expect(() => landscape("sphere", { dim: 3 }).value(new Float64Array(4))).toThrow(expect.objectContaining({ code: "LENGTH_MISMATCH" }));
  });
});
