import { DownhillError } from "../DownhillError";
import type { FloatArray, Precision } from "../FloatArray";

/**
 * The per-sample scales s_i through which weights and groups reach the loss kernels,
 * which compute (1/m)·Σ_{i in batch} s_i·ℓ_i. Over all N samples:
 * ```
 * no weights, no groups   s_i = 1                        → the plain mean (1/N)·Σ ℓ_i
 * weights w               s_i = N·w_i / Σ_j w_j           → Σ w_i ℓ_i / Σ w_i
 * groups (and weights)    s_i = N·w_i / (G·W_g(i))        → (1/G)·Σ_g (Σ_{i∈g} w_i ℓ_i / W_g)
 * ```
 * with G groups and W_g = Σ_{i∈g} w_i (w_i = 1 without weights): the mean is taken
 * within each group, then across groups, so a group of 3 samples weighs as much as a
 * group of 300 (a loss per atom rather than per molecule). With a full batch the loss is
 * exactly that; a mini-batch gives an unbiased estimate of it. Returns null when there is
 * nothing to scale.
 *
 * @throws DownhillError `INVALID_DATA` (argument "weights") when a group's weights sum to 0.
 *
 * @example
 * ```ts
 * // Two molecules: atoms 0–2 in molecule 7, atom 3 alone in molecule 9.
 * sampleScales("example", null, new Float64Array([7, 7, 7, 9]), 4, "float64");
 * // [2/3, 2/3, 2/3, 2]: each molecule's atoms together weigh as much as the other's
 * ```
 */
export function sampleScales(
  where: string, weights: Float64Array | null, groups: Float64Array | null, rows: number, precision: Precision,
  names: { weights: string; groups: string } = { weights: "weights", groups: "groups" },
): FloatArray | null {
  if (!weights && !groups) return null;
  const scale = precision === "float32" ? new Float32Array(rows) : new Float64Array(rows);
  const w = (i: number) => (weights ? weights[i] : 1);
  if (!groups) {
    let total = 0;
    for (let i = 0; i < rows; i++) total += w(i);
    for (let i = 0; i < rows; i++) scale[i] = (rows * w(i)) / total;
    return scale;
  }
  const sums = new Map<number, number>();
  for (let i = 0; i < rows; i++) sums.set(groups[i], (sums.get(groups[i]) ?? 0) + w(i));
  for (const [id, sum] of sums) {
    if (!(sum > 0)) {
      throw new DownhillError(
        "INVALID_DATA",
        `${where}: every weight of group ${id} in ${names.groups} is 0, so its mean is undefined; drop the group or give it a positive weight.`,
        names.weights,
      );
    }
  }
  const count = sums.size;
  for (let i = 0; i < rows; i++) scale[i] = (rows * w(i)) / (count * sums.get(groups[i])!);
  return scale;
}
