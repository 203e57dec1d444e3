import { DownhillError } from "./DownhillError";
import type { Backend } from "./backends/Backend";
import type { BackendName } from "./backends/Kernels";
import { tsBackend } from "./backends/tsBackend";
import { wasmBackend, type KernelExports } from "./backends/wasmBackend";
import { scalarWasmBase64, simdWasmBase64 } from "./generated/wasmBinaries";
import { validate } from "./validate";

const BACKENDS: readonly BackendName[] = ["wasm-simd", "wasm", "ts"];

/** Options of {@link init}. */
export interface InitOptions {
  /**
   * Force one backend instead of the fastest available. `init` rejects with a
   * `BACKEND_UNAVAILABLE` DownhillError when the forced backend cannot run here.
   */
  backend?: BackendName;
}

/** What {@link init} resolves to. */
export interface InitResult {
  /** The backend now used by default: `"wasm-simd"`, `"wasm"` or `"ts"`. */
  backend: BackendName;
}

const loaded = new Map<BackendName, Promise<Backend>>();
let current: Backend | undefined;

/**
 * Loads downhill's compute core and makes it the default for every optimizer.
 * Call it once and await it; everything afterwards is synchronous.
 *
 * Without options it picks the fastest backend this engine can run:
 * `wasm-simd` when `WebAssembly.validate` accepts the real SIMD binary, else `wasm`
 * (the scalar build of the same kernels), else `ts` (pure TypeScript). Compilation
 * is asynchronous (browsers refuse large synchronous compiles on the main thread)
 * and memoized: calling `init` again costs nothing.
 *
 * @example
 * ```ts
 * import { init } from "downhill";
 * const { backend } = await init();            // "wasm-simd" on Node 20 and current browsers
 * await init({ backend: "ts" });               // force the pure-TS reference
 * ```
 */
export async function init(options?: InitOptions): Promise<InitResult> {
  const o = validate.options("init", options, ["backend"]);
  let name: BackendName;
  if (o.backend !== undefined) {
    if (!BACKENDS.includes(o.backend as BackendName)) {
      throw new DownhillError(
        "INVALID_OPTION",
        `init: backend must be one of ${BACKENDS.map((b) => `"${b}"`).join(", ")}, got ${JSON.stringify(o.backend)}.`,
        "backend",
      );
    }
    name = o.backend as BackendName;
  } else {
    name = fastestAvailable();
  }
  current = await loadBackend(name);
  return { backend: current.name };
}

/**
 * Loads one backend (memoized) without changing the default, for code that runs
 * several side by side, such as parity tests and benchmarks. Pass the result as the
 * `backend` option of an optimizer.
 */
export function loadBackend(name: BackendName): Promise<Backend> {
  let promise = loaded.get(name);
  if (!promise) {
    promise = instantiate(name);
    loaded.set(name, promise);
    promise.catch(() => loaded.delete(name)); // a failure may be retried
  }
  return promise;
}

/**
 * The backend chosen by the last {@link init}. Throws `NOT_INITIALIZED` before that.
 */
export function currentBackend(): Backend {
  if (!current) {
    throw new DownhillError(
      "NOT_INITIALIZED",
      "downhill is not initialized: call `await init()` once before using optimizers or vectors.",
    );
  }
  return current;
}

function fastestAvailable(): BackendName {
  if (typeof WebAssembly !== "object") return "ts";
  if (WebAssembly.validate(binary("wasm-simd"))) return "wasm-simd";
  if (WebAssembly.validate(binary("wasm"))) return "wasm";
  return "ts";
}

async function instantiate(name: BackendName): Promise<Backend> {
  if (name === "ts") return tsBackend;
  if (typeof WebAssembly !== "object") {
    throw new DownhillError("BACKEND_UNAVAILABLE", `init: backend "${name}" needs WebAssembly, which this engine lacks. Use { backend: "ts" }.`, "backend");
  }
  const bytes = binary(name);
  if (!WebAssembly.validate(bytes)) {
    throw new DownhillError(
      "BACKEND_UNAVAILABLE",
      `init: this engine cannot run the "${name}" binary` +
        (name === "wasm-simd" ? " (no WebAssembly SIMD support). Use { backend: \"wasm\" } or omit backend." : ". Use { backend: \"ts\" }."),
      "backend",
    );
  }
  const module = await WebAssembly.compile(bytes);
  const instance = await WebAssembly.instantiate(module, {});
  return wasmBackend(name, instance.exports as unknown as KernelExports);
}

const decoded = new Map<BackendName, Uint8Array<ArrayBuffer>>();

/** The inlined binary of a WebAssembly backend, decoded from base64 on first use. */
function binary(name: BackendName): Uint8Array<ArrayBuffer> {
  let bytes = decoded.get(name);
  if (!bytes) {
    const text = atob(name === "wasm-simd" ? simdWasmBase64 : scalarWasmBase64);
    bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    decoded.set(name, bytes);
  }
  return bytes;
}
