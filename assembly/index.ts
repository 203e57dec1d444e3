// downhill's WebAssembly kernels. Pointer-and-number functions only: the host
// owns allocation (see bindings/backends/WasmHeap.ts); nothing here allocates.

export * from "./vector";
export * from "./sgd";
export * from "./adam";
export * from "./adagrad";
export * from "./rmsprop";
export * from "./adadelta";
export * from "./adamax";
export * from "./nadam";
export * from "./lion";
export * from "./landscapes";

/** First free byte after static data: the host's heap starts here. */
export function heapBase(): usize {
  return __heap_base;
}
export * from "./models/dense";
export * from "./models/activations";
export * from "./models/batchNorm";
export * from "./models/losses";
export * from "./models/factorization";
