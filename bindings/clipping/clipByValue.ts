import type { FloatArray } from "../FloatArray";
import { validate } from "../validate";
import { checkGradients } from "./checkGradients";

/** Options of {@link clipByValue}. */
export interface ClipByValueOptions {
  /** The bound c > 0 (finite): every entry is clamped to [−c, c]. Required. */
  limit: number;
}

const OPTIONS = ["limit"] as const;

/**
 * Clamps every gradient entry to [−limit, limit], in place:
 * ```
 * g_i ← min(max(g_i, −c), c)          (c = limit)
 * ```
 * as PyTorch's torch.nn.utils.clip_grad_value_. `grads` is one Float64Array/Float32Array
 * or a list of them (all are clipped). Non-finite entries: +Infinity becomes c,
 * −Infinity becomes −c, NaN stays NaN (as torch.clamp). Entries already inside,
 * including −0, are left exactly as they are. For a Float32Array the written bound is
 * c rounded to the nearest float32. Never allocates.
 *
 * Throws a `DownhillError` (having modified nothing) when an option or any array in
 * the list is invalid.
 *
 * Reference: PyTorch documentation, torch.nn.utils.clip_grad_value_; Mikolov (2012),
 * "Statistical Language Models Based on Neural Networks", PhD thesis, §3.3.
 *
 * @example
 * ```ts
 * const g = new Float64Array([0.5, -3, 12]);
 * clipByValue(g, { limit: 1 });        // g = [0.5, -1, 1]
 * ```
 */
export function clipByValue(grads: FloatArray | readonly FloatArray[], options: ClipByValueOptions): void {
  const o = validate.options("clipByValue", options, OPTIONS);
  const limit = validate.number("clipByValue", "limit", o.limit, { min: 0, minExclusive: true });
  const list = checkGradients("clipByValue", grads);
  if (list === null) clamp(grads as FloatArray, limit);
  else for (let k = 0; k < list.length; k++) clamp(list[k], limit);
}

function clamp(g: FloatArray, limit: number): void {
  const low = -limit;
  const n = g.length;
  for (let i = 0; i < n; i++) {
    const v = g[i];
    if (v > limit) g[i] = limit;
    else if (v < low) g[i] = low;
  }
}
