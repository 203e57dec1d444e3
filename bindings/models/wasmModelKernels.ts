import type { Backend } from "../backends/Backend";
import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";
import type { FactorizationLayout, ModelKernelSet, ModelKernels } from "./ModelKernels";

type Ptr = number;
/** The model exports of assembly/models/, one precision (suffix F64 or F32 stripped). */
interface ModelExports {
  matmul(a: Ptr, b: Ptr, bias: Ptr, c: Ptr, m: number, p: number, n: number): void;
  matmulTransposedA(a: Ptr, b: Ptr, c: Ptr, m: number, p: number, n: number): void;
  transpose(a: Ptr, t: Ptr, rows: number, cols: number): void;
  columnSums(a: Ptr, s: Ptr, m: number, n: number): void;
  gatherRows(source: Ptr, indices: Ptr, target: Ptr, count: number, width: number): void;
  activate(z: Ptr, out: Ptr, count: number, kind: number): void;
  activateBackward(a: Ptr, d: Ptr, out: Ptr, count: number, kind: number): void;
  batchNormForward(
    z: Ptr, gamma: Ptr, beta: Ptr, out: Ptr, xhat: Ptr, mean: Ptr, variance: Ptr, invStd: Ptr, m: number, n: number, epsilon: number,
  ): void;
  batchNormBackward(dy: Ptr, xhat: Ptr, gamma: Ptr, invStd: Ptr, dz: Ptr, dgamma: Ptr, dbeta: Ptr, m: number, n: number): void;
  batchNormInference(
    z: Ptr, gamma: Ptr, beta: Ptr, runningMean: Ptr, runningVariance: Ptr, out: Ptr, m: number, n: number, epsilon: number,
  ): void;
  loss(kind: number, outputs: Ptr, targets: Ptr, scale: Ptr, grad: Ptr, m: number, c: number, delta: number, invCount: number): number;
  factorizationForward(
    pairs: Ptr, p: Ptr, q: Ptr, userBias: Ptr, itemBias: Ptr, globalBias: Ptr, out: Ptr, m: number, rank: number,
  ): void;
  factorizationBackward(
    pairs: Ptr, delta: Ptr, p: Ptr, q: Ptr, dp: Ptr, dq: Ptr, dUserBias: Ptr, dItemBias: Ptr, dGlobalBias: Ptr, m: number, rank: number,
  ): void;
  axpy(alpha: number, x: Ptr, y: Ptr, n: number): void;
  squaredNorm(x: Ptr, n: number): number;
  fill(x: Ptr, value: number, n: number): void;
  firstNonFinite(x: Ptr, n: number): number;
}

const NAMES = [
  "matmul", "matmulTransposedA", "transpose", "columnSums", "gatherRows", "activate", "activateBackward",
  "batchNormForward", "batchNormBackward", "batchNormInference", "loss", "factorizationForward",
  "factorizationBackward", "axpy", "squaredNorm", "fill", "firstNonFinite",
] as const;

const cache = new WeakMap<Backend, ModelKernels>();

/**
 * The model kernels of a WebAssembly backend: thin wrappers that turn typed arrays
 * (which must live in the backend's memory) into byte addresses and call the exports
 * of assembly/models/ through `backend.exports`. Memoized per backend.
 *
 * @throws DownhillError `BACKEND_UNAVAILABLE` when the backend has no exports or
 * address(), or its module lacks the model kernels.
 */
export function wasmModelKernels(backend: Backend): ModelKernels {
  let kernels = cache.get(backend);
  if (kernels) return kernels;
  const exports = backend.exports;
  const address = backend.address?.bind(backend);
  if (!exports || !address) {
    throw new DownhillError("BACKEND_UNAVAILABLE", `models: the ${backend.name} backend has no WebAssembly exports.`, "backend");
  }
  const pick = (suffix: "F64" | "F32"): ModelExports => {
    const picked: Record<string, unknown> = {};
    for (const name of NAMES) {
      const f = exports[name + suffix];
      if (typeof f !== "function") {
        throw new DownhillError(
          "BACKEND_UNAVAILABLE",
          `models: the ${backend.name} module has no export ${name + suffix}; rebuild with node scripts/build.mjs.`,
          "backend",
        );
      }
      picked[name] = f;
    }
    return picked as unknown as ModelExports;
  };
  kernels = { float64: createSet<Float64Array>(pick("F64"), address, 8), float32: createSet<Float32Array>(pick("F32"), address, 4) };
  cache.set(backend, kernels);
  return kernels;
}

function createSet<A extends FloatArray>(
  k: ModelExports,
  address: (array: FloatArray, argument: string) => number,
  bytes: number,
): ModelKernelSet<A> {
  const at = (array: FloatArray, offset: number, name: string): number => address(array, name) + offset * bytes;
  return {
    matmul(a, b, bOffset, bias, biasOffset, c, m, p, n) {
      k.matmul(at(a, 0, "a"), at(b, bOffset, "b"), bias ? at(bias, biasOffset, "bias") : 0, at(c, 0, "c"), m, p, n);
    },
    matmulTransposedA(a, b, c, cOffset, m, p, n) {
      k.matmulTransposedA(at(a, 0, "a"), at(b, 0, "b"), at(c, cOffset, "c"), m, p, n);
    },
    transpose(a, aOffset, t, rows, cols) {
      k.transpose(at(a, aOffset, "a"), at(t, 0, "t"), rows, cols);
    },
    columnSums(a, s, sOffset, m, n) {
      k.columnSums(at(a, 0, "a"), at(s, sOffset, "s"), m, n);
    },
    gatherRows(source, indices, target, count, width) {
      k.gatherRows(at(source, 0, "source"), address(indices, "indices"), at(target, 0, "target"), count, width);
    },
    activate(kind, z, out, count) {
      k.activate(at(z, 0, "z"), at(out, 0, "out"), count, kind);
    },
    activateBackward(kind, a, d, out, count) {
      k.activateBackward(at(a, 0, "a"), at(d, 0, "d"), at(out, 0, "out"), count, kind);
    },
    batchNormForward(z, params, gammaOffset, betaOffset, out, xhat, mean, variance, invStd, m, n, epsilon) {
      k.batchNormForward(
        at(z, 0, "z"), at(params, gammaOffset, "params"), at(params, betaOffset, "params"), at(out, 0, "out"),
        at(xhat, 0, "xhat"), at(mean, 0, "mean"), at(variance, 0, "variance"), at(invStd, 0, "invStd"), m, n, epsilon,
      );
    },
    batchNormBackward(dy, xhat, params, gammaOffset, invStd, dz, grads, gammaGradOffset, betaGradOffset, m, n) {
      k.batchNormBackward(
        at(dy, 0, "dy"), at(xhat, 0, "xhat"), at(params, gammaOffset, "params"), at(invStd, 0, "invStd"), at(dz, 0, "dz"),
        at(grads, gammaGradOffset, "grads"), at(grads, betaGradOffset, "grads"), m, n,
      );
    },
    batchNormInference(z, params, gammaOffset, betaOffset, runningMean, runningVariance, out, m, n, epsilon) {
      k.batchNormInference(
        at(z, 0, "z"), at(params, gammaOffset, "params"), at(params, betaOffset, "params"),
        at(runningMean, 0, "runningMean"), at(runningVariance, 0, "runningVariance"), at(out, 0, "out"), m, n, epsilon,
      );
    },
    loss(kind, outputs, targets, scale, grad, m, c, delta) {
      return k.loss(
        kind, at(outputs, 0, "outputs"), at(targets, 0, "targets"), scale ? at(scale, 0, "scale") : 0,
        grad ? at(grad, 0, "grad") : 0, m, c, delta, 1 / m,
      );
    },
    factorizationForward(pairs, params, layout: FactorizationLayout, out, m) {
      const base = address(params, "params");
      k.factorizationForward(
        at(pairs, 0, "pairs"), base + layout.userFactors * bytes, base + layout.itemFactors * bytes,
        layout.biases ? base + layout.userBias * bytes : 0, layout.biases ? base + layout.itemBias * bytes : 0,
        layout.biases ? base + layout.globalBias * bytes : 0, at(out, 0, "out"), m, layout.rank,
      );
    },
    factorizationBackward(pairs, delta, params, grads, layout: FactorizationLayout, m) {
      const base = address(params, "params"), g = address(grads, "grads");
      k.factorizationBackward(
        at(pairs, 0, "pairs"), at(delta, 0, "delta"), base + layout.userFactors * bytes, base + layout.itemFactors * bytes,
        g + layout.userFactors * bytes, g + layout.itemFactors * bytes,
        layout.biases ? g + layout.userBias * bytes : 0, layout.biases ? g + layout.itemBias * bytes : 0,
        layout.biases ? g + layout.globalBias * bytes : 0, m, layout.rank,
      );
    },
    addScaled(alpha, x, xOffset, y, yOffset, count) {
      k.axpy(alpha, at(x, xOffset, "x"), at(y, yOffset, "y"), count);
    },
    squaredNorm(x, offset, count) {
      return k.squaredNorm(at(x, offset, "x"), count);
    },
    fill(x, value) {
      k.fill(at(x, 0, "x"), value, x.length);
    },
    firstNonFinite(x, count) {
      return k.firstNonFinite(at(x, 0, "x"), count);
    },
  };
}
