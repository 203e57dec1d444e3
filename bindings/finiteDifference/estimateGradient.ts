/** How a finite-difference gradient is formed: one-sided (n evaluations) or central (2n). */
export type FiniteDifferenceMethod = "forward" | "central";

/** √ε for ε = 2⁻⁵², the forward-difference relative step (Nocedal & Wright §8.1). */
export const FORWARD_STEP = 1.4901161193847656e-8;
/**
 * ∛ε for ε = 2⁻⁵², the central-difference relative step (Nocedal & Wright §8.1). A literal,
 * not `Math.cbrt`, whose last bit may differ between engines.
 */
export const CENTRAL_STEP = 6.0554544523933395e-6;

/**
 * Writes a finite-difference estimate of ∇f(x) into `gradient` (internal).
 *
 * `x` is perturbed one entry at a time and each entry is restored exactly (also when
 * `value` throws); callers pass a private scratch copy. Steps are
 * hᵢ = √ε·max(1, |xᵢ|) (forward) or ∛ε·max(1, |xᵢ|) (central), rounded so that xᵢ ± hᵢ
 * is exactly representable: the difference quotient divides by the step actually taken,
 * (xᵢ + hᵢ) − xᵢ, not by the nominal one.
 * ```
 * forward:  gᵢ = (f(x + hᵢeᵢ) − f(x)) / hᵢ
 * central:  gᵢ = (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / ((xᵢ + hᵢ) − (xᵢ − hᵢ))
 * ```
 * `valueAtX` = f(x) is used by the forward formula only.
 */
export function estimateGradient(
  value: (x: Float64Array, index: number) => number,
  x: Float64Array,
  gradient: Float64Array,
  method: FiniteDifferenceMethod,
  valueAtX: number,
): void {
  const n = x.length;
  if (method === "forward") {
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      const up = xi + FORWARD_STEP * Math.max(1, Math.abs(xi));
      let fUp: number;
      x[i] = up;
      try {
        fUp = value(x, i);
      } finally {
        x[i] = xi;
      }
      gradient[i] = (fUp - valueAtX) / (up - xi);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const h = CENTRAL_STEP * Math.max(1, Math.abs(xi));
    const up = xi + h;
    const down = xi - h;
    let fUp: number;
    let fDown: number;
    try {
      x[i] = up;
      fUp = value(x, i);
      x[i] = down;
      fDown = value(x, i);
    } finally {
      x[i] = xi;
    }
    gradient[i] = (fUp - fDown) / (up - down);
  }
}
