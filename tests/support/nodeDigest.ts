// A vitest browser command: runs the fixed computation in the Node process with the
// built bundle, so a browser test can compare its own result with Node's.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runFixedComputation, type FixedResult } from "./fixedComputation.ts";

const bundle = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "downhill.js")).href;

export async function nodeDigest(_context: unknown, backend: "wasm-simd" | "wasm" | "ts"): Promise<FixedResult> {
  const lib = await import(/* @vite-ignore */ bundle);
  return runFixedComputation(lib, backend);
}
