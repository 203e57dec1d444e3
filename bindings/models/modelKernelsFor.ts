import type { Backend } from "../backends/Backend";
import type { ModelKernels } from "./ModelKernels";
import { referenceModelKernels } from "./referenceModelKernels";
import { wasmModelKernels } from "./wasmModelKernels";

/**
 * The model kernels of a backend: the TypeScript reference on the `ts` backend, the
 * exports of assembly/models/ on `wasm-simd` and `wasm`.
 */
export function modelKernelsFor(backend: Backend): ModelKernels {
  return backend.name === "ts" ? referenceModelKernels : wasmModelKernels(backend);
}
