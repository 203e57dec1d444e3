import { describe, expect, it } from "vitest";
import { WasmHeap } from "../bindings/backends/WasmHeap";
import { isStaleView } from "../bindings/backends/staleBuffers";

describe("WasmHeap", () => {
  it("hands out 16-byte aligned, non-overlapping blocks above the heap base", () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const heap = new WasmHeap(memory, 100);
    const a = heap.allocate(8), b = heap.allocate(24), c = heap.allocate(1);
    expect([a % 16, b % 16, c % 16]).toEqual([0, 0, 0]);
    expect(a).toBeGreaterThanOrEqual(100);
    expect(b).toBeGreaterThanOrEqual(a + 16);
    expect(c).toBeGreaterThanOrEqual(b + 32);
    expect(heap.allocatedBytes).toBe(16 + 32 + 16);
  });

  it("reuses freed blocks and coalesces neighbours", () => {
    const heap = new WasmHeap(new WebAssembly.Memory({ initial: 1 }), 0);
    const a = heap.allocate(64), b = heap.allocate(64), c = heap.allocate(64);
    heap.allocate(16); // keeps c from being the top block
    heap.release(a);
    heap.release(b);
    expect(heap.allocate(128)).toBe(a); // a and b merged into one 128-byte block
    heap.release(c);
    heap.release(c); // double free is ignored
    expect(heap.allocate(64)).toBe(c);
  });

  it("grows memory generously when needed and marks the old buffer stale", () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const heap = new WasmHeap(memory, 0);
    const first = heap.allocate(1024);
    const view = new Float64Array(memory.buffer, first, 128);
    view[0] = 42;
    const big = heap.allocate(1 << 20);
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(64 << 20); // at least 64 MiB, room for 8 more such blocks
    expect(isStaleView(view)).toBe(true);
    expect(new Float64Array(memory.buffer, first, 128)[0]).toBe(42);
    const before = memory.buffer;
    heap.allocate(1 << 20); // fits in the headroom: no growth
    expect(memory.buffer).toBe(before);
    expect(big).toBeGreaterThan(first);
  });
});
