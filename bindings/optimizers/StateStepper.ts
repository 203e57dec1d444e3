import { DownhillError } from "../DownhillError";
import { precisionOf, type FloatArray, type Precision } from "../FloatArray";
import type { Backend } from "../backends/Backend";
import type { KernelSet } from "../backends/Kernels";
import { currentBackend } from "../init";
import { validate } from "../validate";
import { referenceKernels } from "../backends/referenceKernels";

/**
 * Below this many parameters a step runs the TypeScript reference kernels even on a
 * WebAssembly backend: they give the same bits (the parity tests prove it), and for tiny
 * vectors the cost of calling into WebAssembly outweighs its faster loop.
 */
export const SMALL_PROBLEM = 64;
import { isStaleView } from "../backends/staleBuffers";

/**
 * The machinery every stepper shares: argument checks, sizing the state on the first
 * step, and moving arrays that do not live in the backend's memory in and out of
 * scratch vectors. An optimizer supplies only its update. Problems smaller than
 * {@link SMALL_PROBLEM} run on the reference kernels (the same bits, less overhead).
 *
 * All checks run before anything is written, so a call that throws leaves the
 * caller's arrays untouched.
 */
export class StateStepper {
  /** Optimizer state vectors (moments, buffers), in the backend's memory. */
  state: FloatArray[] = [];
  private backend: Backend | undefined;
  /** Length the state was sized for, or −1 before the first step. */
  length = -1;
  /** Precision the state was sized for. */
  precision: Precision = "float64";
  private scratchParams: FloatArray | undefined;
  /** The arrays of the last successful check (skipped when the same ones come again). */
  private lastParams: FloatArray | undefined;
  private lastGrads: FloatArray | undefined;
  /** The backend's memory generation when the state views were last made live. */
  private stateGeneration = -1;
  private scratchGrads: FloatArray | undefined;

  constructor(
    private readonly optimizer: string,
    private readonly backendOption: Backend | undefined,
    private readonly stateCount: number,
    private readonly initialize?: (state: FloatArray[]) => void,
  ) {}

  /** True before the first step (and after `reset`). */
  get empty(): boolean {
    return this.length < 0;
  }

  /**
   * Validates `params` and `grads`, sizes the state on first use, then calls `update`
   * with arrays the kernels can use in place, and copies the result back if needed.
   */
  run(
    params: FloatArray,
    grads: FloatArray,
    update: (kernels: KernelSet<FloatArray>, params: FloatArray, grads: FloatArray, state: FloatArray[]) => void,
  ): void {
    // The same two arrays as last time, still of the right length (a detached view has
    // length 0), need no new checks: the hot loop stays cheap.
    if (params !== this.lastParams || grads !== this.lastGrads || params.length !== this.length || this.length <= 0) {
      this.check(params, grads);
      this.lastParams = params;
      this.lastGrads = grads;
    }
    const backend = this.backend!;
    const precision = this.precision;
    const state = this.state;
    if (this.length < SMALL_PROBLEM) {
      // Tiny problems: the TypeScript reference kernels compute the same bits without the
      // cost of a WebAssembly call, on the caller's arrays directly.
      this.liveState();
      update(referenceKernels[precision] as KernelSet<FloatArray>, params, grads, state);
      return;
    }
    const direct = backend.owns(params) && backend.owns(grads);
    if (!direct && !this.scratchParams) {
      // Arrays from elsewhere are copied through scratch vectors, made on first need.
      this.scratchParams = backend.vector(this.length, precision);
      this.scratchGrads = backend.vector(this.length, precision);
    }
    // Any allocation may have grown memory: work on live views only.
    this.liveState();
    const kernels = backend.kernels[precision] as KernelSet<FloatArray>;
    if (direct) {
      update(kernels, params, grads, state);
      return;
    }
    const p = (this.scratchParams = backend.refresh(this.scratchParams!));
    const g = (this.scratchGrads = backend.refresh(this.scratchGrads!));
    p.set(params);
    g.set(grads);
    update(kernels, p, g, state);
    params.set(p);
  }

  /** Rebuilds the state views if memory has grown since they were made. */
  private liveState(): void {
    const backend = this.backend!;
    if (backend.generation === this.stateGeneration) return;
    const state = this.state;
    for (let k = 0; k < state.length; k++) state[k] = backend.refresh(state[k]);
    this.stateGeneration = backend.generation;
  }

  /** Every check of `run`, and sizing the state on the first step. Throws before any write. */
  private check(params: FloatArray, grads: FloatArray): void {
    const where = `${this.optimizer}.step`;
    validate.floatArray(where, "params", params);
    validate.floatArray(where, "grads", grads);
    const precision = precisionOf(params);
    if (precisionOf(grads) !== precision) {
      throw new DownhillError(
        "PRECISION_MISMATCH",
        `${where}: grads is a ${grads.constructor.name} but params is a ${params.constructor.name}; pass both in the same precision.`,
        "grads",
      );
    }
    if (grads.length !== params.length) {
      throw new DownhillError("LENGTH_MISMATCH", `${where}: grads has length ${grads.length}, params has ${params.length}; they must match.`, "grads");
    }
    if (this.length < 0) {
      this.allocate(params.length, precision);
      // Allocation may have grown WebAssembly memory and detached the caller's views.
      if (isStaleView(params) || isStaleView(grads)) {
        throw new DownhillError(
          "STALE_VIEW",
          `${where}: the optimizer's state did not fit in WebAssembly memory, and growing it detached ` +
            `params and grads. Call refresh() on your vectors and step again; to avoid this, allocate ` +
            `parameter vectors after the optimizer's first step, or free vectors you no longer need.`,
          isStaleView(params) ? "params" : "grads",
        );
      }
    } else if (params.length !== this.length || precision !== this.precision) {
      throw new DownhillError(
        precision !== this.precision ? "PRECISION_MISMATCH" : "LENGTH_MISMATCH",
        `${where}: this optimizer's state holds ${this.length} ${this.precision} values (sized by its first step), ` +
          `but params is a ${params.constructor.name} of length ${params.length}. Use one optimizer per parameter vector, or call reset().`,
        "params",
      );
    }
  }

  /** Frees the state; the next step sizes it anew. */
  reset(): void {
    if (this.backend) {
      for (const v of this.state) this.backend.free(v);
      if (this.scratchParams) this.backend.free(this.scratchParams);
      if (this.scratchGrads) this.backend.free(this.scratchGrads);
    }
    this.state = [];
    this.scratchParams = this.scratchGrads = undefined;
    this.lastParams = this.lastGrads = undefined;
    this.stateGeneration = -1;
    this.length = -1;
  }

  /** Sizes the state (zeros, then the optimizer's `initialize`) for `length` values. */
  allocate(length: number, precision: Precision): void {
    const backend = (this.backend ??= this.backendOption ?? currentBackend());
    this.state = Array.from({ length: this.stateCount }, () => backend.vector(length, precision));
    this.state = this.state.map((v) => backend.refresh(v));
    this.initialize?.(this.state);
    this.length = length;
    this.precision = precision;
  }
}
