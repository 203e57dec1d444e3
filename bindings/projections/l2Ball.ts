import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";
import { validate } from "../validate";
import type { Projection } from "./Projection";
import { feasibilitySlack } from "./feasibilitySlack";

/** Options of {@link l2Ball}. */
export interface L2BallOptions {
  /** The radius r > 0 of the ball { x : ‖x − c‖₂ ≤ r }. Default 1. */
  radius?: number;
  /**
   * The center c, one entry per coordinate (copied when the projection is made).
   * Default: the origin, for any length.
   */
  center?: FloatArray;
}

const OPTIONS = ["radius", "center"] as const;

/**
 * Projection onto the Euclidean ball { x : ‖x − c‖₂ ≤ r } (r = `radius`, default 1;
 * c = `center`, default the origin):
 * ```
 * P(x) = x                              if ‖x − c‖₂ ≤ r
 * P(x) = c + (x − c) · r / ‖x − c‖₂     otherwise
 * ```
 * The norm is computed with a compensated sum (Neumaier 1974) and without overflow
 * or underflow: when the sum of squares leaves [1e-280, ∞), it is recomputed on
 * (x − c)/max|x_i − c_i|. The "inside" test
 * allows 4 ulps of slack (‖x − c‖ ≤ r·(1 + 4ε)), so projecting twice changes nothing
 * (up to one rounding of c + (x − c)·s when a center is given).
 *
 * `project(x)` throws a `DownhillError` (leaving x untouched) when x has a NaN or
 * infinite entry, when its length differs from the center's, or when x − c overflows.
 * It never allocates.
 *
 * Reference: the closed form, e.g. Beck (2017), "First-Order Methods in
 * Optimization", SIAM, Lemma 6.26; Parikh & Boyd (2014), "Proximal Algorithms", §6.5.1.
 *
 * @example
 * ```ts
 * const ball = l2Ball({ radius: 1 });
 * const x = new Float64Array([3, 4]);
 * ball.project(x);                        // x = [0.6, 0.8]
 * ```
 */
export function l2Ball(options?: L2BallOptions): Projection {
  const o = validate.options("l2Ball", options, OPTIONS);
  const radius = validate.number("l2Ball", "radius", o.radius ?? 1, { min: 0, minExclusive: true });
  let center: Float64Array | null = null;
  if (o.center !== undefined) {
    const c = validate.floatArray("l2Ball", "center", o.center);
    for (let i = 0; i < c.length; i++) {
      if (!Number.isFinite(c[i])) {
        throw new DownhillError("INVALID_OPTION", `l2Ball: center[${i}] must be finite, got ${c[i]}.`, "center");
      }
    }
    center = Float64Array.from(c);
  }
  return {
    name: "l2Ball",
    project(x: FloatArray): void {
      validate.floatArray("l2Ball.project", "x", x);
      const n = x.length;
      if (center !== null && center.length !== n) {
        throw new DownhillError(
          "LENGTH_MISMATCH",
          `l2Ball.project: x has ${n} entries but center has ${center.length}.`,
          "x",
        );
      }
      // Plain sum of squares, and a finiteness check (0·v is NaN exactly when v is not finite).
      // Compensated (Neumaier) so the norm is good to about one ulp at any length, which
      // keeps a projected point inside the 4-ulp slack (projecting twice changes nothing).
      let squares = 0;
      let compensation = 0;
      let finite = 0;
      for (let i = 0; i < n; i++) {
        const v = x[i];
        finite += 0 * v;
        const d = center === null ? v : v - center[i];
        const q = d * d;
        const t = squares + q;
        compensation += squares >= q ? squares - t + q : q - t + squares;
        squares = t;
      }
      squares += compensation;
      if (finite !== 0) {
        for (let i = 0; i < n; i++) {
          if (!Number.isFinite(x[i])) {
            throw new DownhillError(
              "INVALID_OPTION",
              `l2Ball.project: x[${i}] is ${x[i]}; the projection needs finite entries.`,
              "x",
            );
          }
        }
      }
      const limit = radius * (1 + feasibilitySlack(x));
      let factor = 1;
      if (squares < Infinity && squares >= 1e-280) {
        const norm = Math.sqrt(squares);
        if (norm <= limit) return;
        factor = radius / norm;
      } else {
        // Rescaled: ‖d‖ = m·sqrt(Σ (d_i/m)²) with m = max |d_i|.
        let m = 0;
        for (let i = 0; i < n; i++) {
          const d = center === null ? x[i] : x[i] - center[i];
          const a = d < 0 ? -d : d;
          if (a > m) m = a;
        }
        if (m === 0) return;
        if (m === Infinity) {
          throw new DownhillError(
            "INVALID_OPTION",
            "l2Ball.project: x − center overflows (entries near ±1.8e308); the distance cannot be represented.",
            "x",
          );
        }
        let scaled = 0;
        let scaledCompensation = 0;
        for (let i = 0; i < n; i++) {
          const d = (center === null ? x[i] : x[i] - center[i]) / m;
          const q = d * d;
          const t = scaled + q;
          scaledCompensation += scaled >= q ? scaled - t + q : q - t + scaled;
          scaled = t;
        }
        scaled += scaledCompensation;
        const root = Math.sqrt(scaled);
        if (root <= limit / m) return;
        // P(x) = c + ((x − c)/m)·(r/root): no intermediate overflows or goes subnormal.
        const unitFactor = radius / root;
        for (let i = 0; i < n; i++) {
          x[i] =
            center === null ? (x[i] / m) * unitFactor : center[i] + ((x[i] - center[i]) / m) * unitFactor;
        }
        return;
      }
      for (let i = 0; i < n; i++) {
        x[i] = center === null ? x[i] * factor : center[i] + (x[i] - center[i]) * factor;
      }
    },
  };
}
