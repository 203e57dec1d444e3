import { markStale } from "./staleBuffers";

const PAGE = 65536;
const ALIGN = 16;
/** Smallest growth: 64 MiB of address space (untouched pages cost no physical memory). */
const MIN_GROWTH = 64 * 1024 * 1024;

/**
 * The allocator of one WebAssembly instance's linear memory. The kernels never
 * allocate; the host hands them pointers from here.
 *
 * First-fit over a sorted free list with coalescing, blocks aligned to 16 bytes (one
 * v128). Growing detaches every typed array on the old buffer, so memory grows rarely
 * and generously: only when no block fits, and then by at least 64 MiB, to at least twice
 * its size, and to room for eight more blocks of the size asked for. A program that allocates its
 * parameters, gradients and a few work vectors and then steps an optimizer (whose state
 * needs one to three more blocks of the same size) grows once. Pages that are never
 * written cost address space, not physical memory. The old buffer is recorded as stale
 * so that a detached view is reported, never silently read.
 */
export class WasmHeap {
  private readonly memory: WebAssembly.Memory;
  private top: number;
  /** Free blocks, sorted by address: [address, size] pairs. */
  private readonly freeBlocks: Array<[number, number]> = [];
  private readonly sizes = new Map<number, number>();
  /** How many times memory has grown: views made before the last growth are detached. */
  generation = 0;

  constructor(memory: WebAssembly.Memory, heapBase: number) {
    this.memory = memory;
    this.top = Math.ceil(Math.max(heapBase, ALIGN) / ALIGN) * ALIGN;
  }

  /** Bytes handed out and not yet freed. */
  get allocatedBytes(): number {
    let total = 0;
    for (const size of this.sizes.values()) total += size;
    return total;
  }

  /** Allocates `bytes` (rounded up to 16) and returns the byte address. */
  allocate(bytes: number): number {
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    for (let k = 0; k < this.freeBlocks.length; k++) {
      const [address, blockSize] = this.freeBlocks[k];
      if (blockSize >= size) {
        if (blockSize === size) this.freeBlocks.splice(k, 1);
        else this.freeBlocks[k] = [address + size, blockSize - size];
        this.sizes.set(address, size);
        return address;
      }
    }
    const address = this.top;
    this.ensure(address + size, size);
    this.top = address + size;
    this.sizes.set(address, size);
    return address;
  }

  /** Returns a block to the heap. Freeing an address twice, or one never allocated, is ignored. */
  release(address: number): void {
    const size = this.sizes.get(address);
    if (size === undefined) return;
    this.sizes.delete(address);
    let k = 0;
    while (k < this.freeBlocks.length && this.freeBlocks[k][0] < address) k++;
    this.freeBlocks.splice(k, 0, [address, size]);
    // Coalesce with the following and the preceding block.
    if (k + 1 < this.freeBlocks.length && address + size === this.freeBlocks[k + 1][0]) {
      this.freeBlocks[k][1] += this.freeBlocks[k + 1][1];
      this.freeBlocks.splice(k + 1, 1);
    }
    if (k > 0 && this.freeBlocks[k - 1][0] + this.freeBlocks[k - 1][1] === address) {
      this.freeBlocks[k - 1][1] += this.freeBlocks[k][1];
      this.freeBlocks.splice(k, 1);
      k--;
    }
    // A free block at the top goes back to the bump region.
    const last = this.freeBlocks[this.freeBlocks.length - 1];
    if (last && last[0] + last[1] === this.top) {
      this.top = last[0];
      this.freeBlocks.pop();
    }
  }

  /** Grows memory so that bytes [0, end) exist, with headroom for eight more blocks of `size`. */
  private ensure(end: number, size: number): void {
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    const target = Math.max(end + 8 * size, 2 * have, have + MIN_GROWTH);
    const pages = Math.ceil((target - have) / PAGE);
    const old = this.memory.buffer;
    this.memory.grow(pages);
    markStale(old);
    this.generation++;
  }
}
