import { describe, expect, it } from "vitest";
import { deterministicExp } from "../bindings/math/deterministicExp";
import { seeded } from "./support/random";

/** Distance in units in the last place between two finite doubles. */
function ulps(a: number, b: number): number {
  const buffer = new Float64Array([a, b]);
  const words = new BigInt64Array(buffer.buffer);
  return Number(words[0] > words[1] ? words[0] - words[1] : words[1] - words[0]);
}

describe("deterministicExp", () => {
  it("is within 1 ulp of Math.exp over the whole finite range (200,000 points)", () => {
    const random = seeded(7);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = i < 100_000 ? (random() - 0.5) * 1400 : (random() - 0.5) * 4;
      worst = Math.max(worst, ulps(deterministicExp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it("handles the special values exactly", () => {
    expect(deterministicExp(0)).toBe(1);
    expect(deterministicExp(-0)).toBe(1);
    expect(ulps(deterministicExp(1), Math.E)).toBeLessThanOrEqual(1); // fdlibm gives 2.7182818284590455
    expect(deterministicExp(NaN)).toBeNaN();
    expect(deterministicExp(Infinity)).toBe(Infinity);
    expect(deterministicExp(-Infinity)).toBe(0);
    expect(deterministicExp(710)).toBe(Infinity);
    expect(deterministicExp(-746)).toBe(0);
    expect(deterministicExp(-740)).toBeGreaterThan(0); // subnormal results
    expect(ulps(deterministicExp(709.78), Math.exp(709.78))).toBeLessThanOrEqual(1);
  });
});
