/**
 * A seeded pseudo-random generator (see `seededRandom`). Every method uses integer
 * arithmetic and + − × ÷ √ only, so a seed gives the same sequence in every engine.
 */
export interface Random {
  /** The seed it was made with. */
  readonly seed: number;
  /** A uniform number in [0, 1): the next 32 bits divided by 2³². */
  uniform(): number;
  /** A uniform whole number in [0, n), n ≥ 1: ⌊uniform()·n⌋. */
  integer(n: number): number;
  /** A standard normal number (Marsaglia's polar method, with a deterministic logarithm). */
  normal(): number;
  /** Shuffles the array in place (Fisher–Yates, from the last element down) and returns it. */
  shuffle<T extends { length: number; [index: number]: unknown }>(array: T): T;
}
