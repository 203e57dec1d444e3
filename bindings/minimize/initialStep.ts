import type { DescentContext } from "./DescentMethod";

/**
 * The first step to try (internal, shared with gradient descent): 1/‖∇f‖₂ with no
 * history, else αₖ₋₁·∇fₖ₋₁ᵀdₖ₋₁ / ∇fₖᵀdₖ (Nocedal & Wright eq. 3.60).
 */
export function initialStep(
  k: DescentContext["kernels"],
  gradient: Float64Array,
  direction: Float64Array,
  previousStep: number,
  previousSlope: number,
): number {
  if (Number.isFinite(previousStep) && Number.isFinite(previousSlope)) {
    const guess = (previousStep * previousSlope) / k.dot(gradient, direction);
    if (guess > 0 && Number.isFinite(guess)) return guess;
  }
  const norm = Math.sqrt(k.squaredNorm(direction));
  return norm > 0 && Number.isFinite(1 / norm) ? 1 / norm : 1;
}
