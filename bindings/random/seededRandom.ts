import { DownhillError } from "../DownhillError";
import { validate } from "../validate";
import { deterministicLog } from "../math/deterministicLog";
import type { Random } from "./Random";

/** Options of {@link seededRandom}. */
export interface SeededRandomOptions {
  /** Any whole number; only its low 32 bits are used. Default 0. */
  seed?: number;
}

/**
 * A seeded generator: mulberry32 (Tommy Ettinger, 2017), a 32-bit state advanced by
 * the Weyl step 0x6D2B79F5 and mixed with two multiply–xorshift rounds. Small, fast,
 * period 2³², and — being integer arithmetic only — the same sequence in every engine,
 * so shuffles, initial weights and synthetic data are identical in Node and browsers
 * and on every backend.
 *
 * - `uniform()`: next 32 bits / 2³², in [0, 1).
 * - `integer(n)`: ⌊uniform()·n⌋.
 * - `normal()`: Marsaglia's polar method: draw u, v uniform in (−1, 1) until
 *   0 < s = u² + v² < 1, return u·√(−2 ln s / s) (and v·… on the next call), with a
 *   logarithm of + − × ÷ only.
 * - `shuffle(a)`: Fisher–Yates, i from n − 1 down to 1, swapping a[i] and a[integer(i + 1)].
 *
 * Reference: G. Marsaglia and T. A. Bray, "A convenient method for generating normal
 * variables", SIAM Review 6 (1964); R. A. Fisher and F. Yates (1938), D. Knuth,
 * TAOCP vol. 2, Algorithm P.
 *
 * @example
 * ```ts
 * const random = seededRandom({ seed: 42 });
 * random.uniform();                                  // the same number everywhere
 * random.shuffle(Int32Array.from({ length: 5 }, (_, i) => i));
 * ```
 */
export function seededRandom(options?: SeededRandomOptions): Random {
  const o = validate.options("seededRandom", options, ["seed"]);
  const seed = checkSeed("seededRandom", "seed", o.seed ?? 0);
  let state = seed >>> 0;
  let spare = 0;
  let hasSpare = false;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (n: number): number => Math.floor(uniform() * n);
  return {
    seed,
    uniform,
    integer,
    normal() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      let u: number, v: number, s: number;
      do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const factor = Math.sqrt((-2 * deterministicLog(s)) / s);
      spare = v * factor;
      hasSpare = true;
      return u * factor;
    },
    shuffle(array) {
      for (let i = array.length - 1; i > 0; i--) {
        const j = integer(i + 1);
        const t = array[i];
        array[i] = array[j];
        array[j] = t;
      }
      return array;
    },
  };
}

/** A seed: a finite whole number. */
export function checkSeed(where: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new DownhillError("INVALID_OPTION", `${where}: ${name} must be a whole number, got ${String(value)}.`, name);
  }
  return value;
}
