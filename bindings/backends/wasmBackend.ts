import { DownhillError } from "../DownhillError";
import type { FloatArray, Precision } from "../FloatArray";
import { validate } from "../validate";
import type { Backend } from "./Backend";
import type {
  AdadeltaCoefficients, AdagradCoefficients, AdamaxCoefficients, AdamCoefficients, BackendName, KernelSet,
  LionCoefficients, NadamCoefficients, RmspropCoefficients, SgdCoefficients,
} from "./Kernels";
import { WasmHeap } from "./WasmHeap";

/** The functions assembly/index.ts exports: pointers are byte addresses, n counts elements. */
export interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  [name: string]: unknown;
}
type Ptr = number;
interface PrecisionExports {
  fill(x: Ptr, value: number, n: number): void;
  copy(source: Ptr, target: Ptr, n: number): void;
  scale(alpha: number, x: Ptr, n: number): void;
  axpy(alpha: number, x: Ptr, y: Ptr, n: number): void;
  multiply(x: Ptr, y: Ptr, out: Ptr, n: number): void;
  dot(x: Ptr, y: Ptr, n: number): number;
  squaredNorm(x: Ptr, n: number): number;
  maxAbs(x: Ptr, n: number): number;
  sgd(p: Ptr, g: Ptr, b: Ptr, n: number, lr: number, mu: number, omd: number, wd: number, flags: number): void;
  adam(
    p: Ptr, g: Ptr, m: Ptr, v: Ptr, vmax: Ptr, n: number,
    b1: number, c1: number, b2: number, c2: number,
    step: number, bc2: number, eps: number, wd: number, decay: number, flags: number,
  ): void;
  adagrad(p: Ptr, g: Ptr, sum: Ptr, n: number, lr: number, eps: number, wd: number): void;
  rmsprop(
    p: Ptr, g: Ptr, v: Ptr, gavg: Ptr, b: Ptr, n: number,
    lr: number, alpha: number, oneMinusAlpha: number, eps: number, wd: number, momentum: number, flags: number,
  ): void;
  adadelta(p: Ptr, g: Ptr, v: Ptr, u: Ptr, n: number, lr: number, rho: number, oneMinusRho: number, eps: number, wd: number): void;
  adamax(p: Ptr, g: Ptr, m: Ptr, u: Ptr, n: number, b1: number, c1: number, b2: number, step: number, eps: number, wd: number): void;
  nadam(
    p: Ptr, g: Ptr, m: Ptr, v: Ptr, n: number,
    b1: number, c1: number, b2: number, c2: number, bc2: number, gc: number, mc: number, eps: number, wd: number, decay: number, flags: number,
  ): void;
  lion(p: Ptr, g: Ptr, m: Ptr, n: number, lr: number, b1: number, c1: number, b2: number, c2: number, decay: number): void;
}

// Flag bits shared with assembly/sgd.ts and assembly/adam.ts.
const SGD_WEIGHT_DECAY = 1, SGD_MOMENTUM = 2, SGD_NESTEROV = 4, SGD_FIRST_STEP = 8;
const ADAM_L2 = 1, ADAM_DECOUPLED = 2, ADAM_AMSGRAD = 4;
const RMSPROP_WEIGHT_DECAY = 1, RMSPROP_CENTERED = 2, RMSPROP_MOMENTUM = 4;

/**
 * Wraps an instantiated kernel module (SIMD or scalar build of assembly/) as a
 * {@link Backend}: kernels that take typed arrays living in the module's memory, and
 * the allocator that makes such arrays.
 */
export function wasmBackend(name: BackendName, exports: KernelExports): Backend {
  const memory = exports.memory;
  const heap = new WasmHeap(memory, exports.heapBase());
  // memory.buffer is a slow accessor in V8; only the heap grows memory, so the buffer
  // changes exactly when heap.generation does.
  let buffer: ArrayBufferLike = memory.buffer;
  let bufferGeneration = heap.generation;
  const currentBuffer = (): ArrayBufferLike => {
    if (heap.generation !== bufferGeneration) {
      buffer = memory.buffer;
      bufferGeneration = heap.generation;
    }
    return buffer;
  };
  const records = new WeakMap<FloatArray, { address: number; length: number; precision: Precision }>();

  const pick = (suffix: "F64" | "F32"): PrecisionExports => {
    const get = (base: string) => exports[base + suffix] as never;
    return {
      fill: get("fill"), copy: get("copy"), scale: get("scale"), axpy: get("axpy"), multiply: get("multiply"), dot: get("dot"),
      squaredNorm: get("squaredNorm"), maxAbs: get("maxAbs"), sgd: get("sgd"), adam: get("adam"),
      adagrad: get("adagrad"), rmsprop: get("rmsprop"), adadelta: get("adadelta"), adamax: get("adamax"),
      nadam: get("nadam"), lion: get("lion"),
    };
  };

  /** Byte address of an array in this module's memory; throws when it lives elsewhere. */
  const address = (kernel: string, name: string, array: FloatArray): number => {
    if (array.buffer !== currentBuffer()) {
      validate.floatArray(kernel, name, array); // reports stale views precisely
      throw new DownhillError(
        "FOREIGN_MEMORY",
        `${kernel}: ${name} does not live in the ${backend.name} backend's memory. ` +
          `Allocate it with backend.vector(n) (or use an optimizer, which copies foreign arrays).`,
        name,
      );
    }
    return array.byteOffset;
  };
  const length = (kernel: string, a: FloatArray, b: FloatArray | null, name: string): void => {
    if (b === null || b.length !== a.length) {
      throw new DownhillError(
        "LENGTH_MISMATCH",
        `${kernel}: ${name} has length ${b === null ? "null" : b.length}, expected ${a.length}.`,
        name,
      );
    }
  };

  const createSet = <A extends FloatArray>(k: PrecisionExports): KernelSet<A> => ({
    fill(x, value) {
      k.fill(address("fill", "x", x), value, x.length);
    },
    copy(source, target) {
      length("copy", source, target, "target");
      k.copy(address("copy", "source", source), address("copy", "target", target), source.length);
    },
    scale(alpha, x) {
      k.scale(alpha, address("scale", "x", x), x.length);
    },
    axpy(alpha, x, y) {
      length("axpy", x, y, "y");
      k.axpy(alpha, address("axpy", "x", x), address("axpy", "y", y), y.length);
    },
    multiply(x, y, out) {
      length("multiply", x, y, "y");
      length("multiply", x, out, "out");
      k.multiply(address("multiply", "x", x), address("multiply", "y", y), address("multiply", "out", out), out.length);
    },
    dot(x, y) {
      length("dot", x, y, "y");
      return k.dot(address("dot", "x", x), address("dot", "y", y), x.length);
    },
    squaredNorm(x) {
      return k.squaredNorm(address("squaredNorm", "x", x), x.length);
    },
    maxAbs(x) {
      return k.maxAbs(address("maxAbs", "x", x), x.length);
    },
    sgd(params, grads, buffer, c: SgdCoefficients) {
      length("sgd", params, grads, "grads");
      const useMomentum = c.momentum !== 0;
      if (useMomentum) length("sgd", params, buffer, "buffer");
      const flags =
        (c.weightDecay !== 0 ? SGD_WEIGHT_DECAY : 0) |
        (useMomentum ? SGD_MOMENTUM : 0) |
        (c.nesterov ? SGD_NESTEROV : 0) |
        (c.firstStep ? SGD_FIRST_STEP : 0);
      k.sgd(
        address("sgd", "params", params), address("sgd", "grads", grads),
        useMomentum ? address("sgd", "buffer", buffer!) : 0, params.length,
        c.learningRate, c.momentum, c.oneMinusDampening, c.weightDecay, flags,
      );
    },
    adam(params, grads, m, v, vmax, c: AdamCoefficients) {
      length("adam", params, grads, "grads");
      length("adam", params, m, "m");
      length("adam", params, v, "v");
      if (c.amsgrad) length("adam", params, vmax, "vmax");
      const flags =
        (!c.decoupled && c.weightDecay !== 0 ? ADAM_L2 : 0) | (c.decoupled ? ADAM_DECOUPLED : 0) | (c.amsgrad ? ADAM_AMSGRAD : 0);
      k.adam(
        address("adam", "params", params), address("adam", "grads", grads),
        address("adam", "m", m), address("adam", "v", v),
        c.amsgrad ? address("adam", "vmax", vmax!) : 0, params.length,
        c.beta1, c.oneMinusBeta1, c.beta2, c.oneMinusBeta2,
        c.stepSize, c.biasCorrection2Sqrt, c.epsilon, c.weightDecay, c.decay, flags,
      );
    },
    adagrad(params, grads, sum, c: AdagradCoefficients) {
      length("adagrad", params, grads, "grads");
      length("adagrad", params, sum, "sum");
      k.adagrad(
        address("adagrad", "params", params), address("adagrad", "grads", grads), address("adagrad", "sum", sum),
        params.length, c.learningRate, c.epsilon, c.weightDecay,
      );
    },
    rmsprop(params, grads, v, gradAverage, buffer, c: RmspropCoefficients) {
      length("rmsprop", params, grads, "grads");
      length("rmsprop", params, v, "v");
      const useMomentum = c.momentum !== 0;
      if (c.centered) length("rmsprop", params, gradAverage, "gradAverage");
      if (useMomentum) length("rmsprop", params, buffer, "buffer");
      const flags =
        (c.weightDecay !== 0 ? RMSPROP_WEIGHT_DECAY : 0) | (c.centered ? RMSPROP_CENTERED : 0) | (useMomentum ? RMSPROP_MOMENTUM : 0);
      k.rmsprop(
        address("rmsprop", "params", params), address("rmsprop", "grads", grads), address("rmsprop", "v", v),
        c.centered ? address("rmsprop", "gradAverage", gradAverage!) : 0,
        useMomentum ? address("rmsprop", "buffer", buffer!) : 0, params.length,
        c.learningRate, c.alpha, c.oneMinusAlpha, c.epsilon, c.weightDecay, c.momentum, flags,
      );
    },
    adadelta(params, grads, v, u, c: AdadeltaCoefficients) {
      length("adadelta", params, grads, "grads");
      length("adadelta", params, v, "v");
      length("adadelta", params, u, "u");
      k.adadelta(
        address("adadelta", "params", params), address("adadelta", "grads", grads),
        address("adadelta", "v", v), address("adadelta", "u", u), params.length,
        c.learningRate, c.rho, c.oneMinusRho, c.epsilon, c.weightDecay,
      );
    },
    adamax(params, grads, m, u, c: AdamaxCoefficients) {
      length("adamax", params, grads, "grads");
      length("adamax", params, m, "m");
      length("adamax", params, u, "u");
      k.adamax(
        address("adamax", "params", params), address("adamax", "grads", grads),
        address("adamax", "m", m), address("adamax", "u", u), params.length,
        c.beta1, c.oneMinusBeta1, c.beta2, c.stepSize, c.epsilon, c.weightDecay,
      );
    },
    nadam(params, grads, m, v, c: NadamCoefficients) {
      length("nadam", params, grads, "grads");
      length("nadam", params, m, "m");
      length("nadam", params, v, "v");
      const flags = (!c.decoupled && c.weightDecay !== 0 ? ADAM_L2 : 0) | (c.decoupled ? ADAM_DECOUPLED : 0);
      k.nadam(
        address("nadam", "params", params), address("nadam", "grads", grads),
        address("nadam", "m", m), address("nadam", "v", v), params.length,
        c.beta1, c.oneMinusBeta1, c.beta2, c.oneMinusBeta2, c.biasCorrection2,
        c.gradientCoefficient, c.momentumCoefficient, c.epsilon, c.weightDecay, c.decay, flags,
      );
    },
    lion(params, grads, m, c: LionCoefficients) {
      length("lion", params, grads, "grads");
      length("lion", params, m, "m");
      k.lion(
        address("lion", "params", params), address("lion", "grads", grads), address("lion", "m", m), params.length,
        c.learningRate, c.beta1, c.oneMinusBeta1, c.beta2, c.oneMinusBeta2, c.decay,
      );
    },
  });

  const view = (address: number, length: number, precision: Precision): FloatArray =>
    precision === "float32"
      ? new Float32Array(memory.buffer, address, length)
      : new Float64Array(memory.buffer, address, length);

  const backend: Backend = {
    name,
    kernels: { float64: createSet<Float64Array>(pick("F64")), float32: createSet<Float32Array>(pick("F32")) },
    vector(length: number, precision: Precision = "float64") {
      validate.number("vector", "length", length, { min: 0 });
      if (!Number.isInteger(length)) {
        throw new DownhillError("INVALID_OPTION", `vector: length must be a whole number, got ${length}.`, "length");
      }
      if (precision !== "float64" && precision !== "float32") {
        throw new DownhillError("INVALID_OPTION", `vector: precision must be "float64" or "float32", got ${String(precision)}.`, "precision");
      }
      const bytes = length * (precision === "float32" ? 4 : 8);
      const at = heap.allocate(bytes);
      const array = view(at, length, precision);
      array.fill(0); // a reused block may hold old values
      records.set(array, { address: at, length, precision });
      return array as never;
    },
    free(vector) {
      const record = records.get(vector);
      if (record) {
        heap.release(record.address);
        records.delete(vector);
      }
    },
    refresh<A extends FloatArray>(vector: A): A {
      if (vector.buffer === currentBuffer()) return vector;
      const record = records.get(vector);
      if (!record) {
        throw new DownhillError(
          "FOREIGN_MEMORY",
          `refresh: the array was not made by this backend's vector().`,
          "vector",
        );
      }
      // The old view keeps its record: whoever else holds it can still refresh or free it.
      const fresh = view(record.address, record.length, record.precision);
      records.set(fresh, record);
      return fresh as A;
    },
    owns(array) {
      return array.buffer === currentBuffer();
    },
    get generation() {
      return heap.generation;
    },
    address(array, argument) {
      return address("address", argument, array);
    },
    exports,
  };
  return backend;
}
