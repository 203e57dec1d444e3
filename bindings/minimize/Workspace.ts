import type { Backend } from "../backends/Backend";

/**
 * All the work vectors of one minimize run, allocated up front as one block of the
 * backend's memory and sliced into `count` views of length n (internal). WebAssembly
 * memory growth (for instance a `vector()` call inside the objective) detaches every
 * view; `live()` rebuilds them in place in `vectors`, so code that indexes `vectors`
 * afresh always works on live memory.
 */
export class Workspace {
  /** The views, rebuilt in place after memory growth. */
  readonly vectors: Float64Array[] = [];
  private block: Float64Array;

  constructor(
    private readonly backend: Backend,
    readonly length: number,
    count: number,
  ) {
    this.block = backend.vector(length * count, "float64");
    for (let i = 0; i < count; i++) this.vectors.push(this.block);
    this.slice();
  }

  /** Rebuilds the views if memory grew; returns true when it had to. */
  live(): boolean {
    const fresh = this.backend.refresh(this.block);
    if (fresh === this.block) return false;
    this.block = fresh;
    this.slice();
    return true;
  }

  /** Returns the block to the backend. */
  free(): void {
    this.backend.free(this.block);
  }

  private slice(): void {
    const n = this.length;
    for (let i = 0; i < this.vectors.length; i++) this.vectors[i] = this.block.subarray(i * n, (i + 1) * n);
  }
}
