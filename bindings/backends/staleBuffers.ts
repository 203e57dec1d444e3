/**
 * Buffers that WebAssembly memories have left behind when they grew. A typed array
 * on one of them is a detached (stale) view of a downhill vector. Shared by every
 * backend, so a stale view is recognized whichever backend made it.
 */
const staleBuffers = new WeakSet<ArrayBufferLike>();

/** Records that `buffer` was replaced by a memory growth. */
export function markStale(buffer: ArrayBufferLike): void {
  staleBuffers.add(buffer);
}

/** True when `array` views memory that has since grown (its data is gone). */
export function isStaleView(array: ArrayBufferView): boolean {
  return staleBuffers.has(array.buffer);
}
