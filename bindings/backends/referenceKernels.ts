import type { Kernels } from "./Kernels";
import { referenceFloat32 } from "./referenceFloat32";
import { referenceFloat64 } from "./referenceFloat64";

/**
 * The pure-TypeScript kernels: the specification every other backend must reproduce
 * bit for bit (element-wise kernels), and the fallback where WebAssembly is
 * unavailable. See {@link referenceFloat64} and {@link referenceFloat32}.
 */
export const referenceKernels: Kernels = {
  float64: referenceFloat64,
  float32: referenceFloat32,
};
