// Node only: builds bench/native/bench.c with gcc (when present) and runs it.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, "..", "native", "bench.c");
const buildDir = join(here, "..", ".build");
export const NATIVE_FLAGS = ["-O3", "-march=native", "-fno-math-errno"];
/**
 * The same C at WebAssembly SIMD's width: 128-bit SSE vectors, no FMA (WebAssembly has
 * neither 256-bit vectors nor, without relaxed SIMD, fused multiply-add). The distance
 * from downhill to this build is what better code could win; the distance from this
 * build to the -march=native one is the price of 128-bit SIMD.
 */
export const NATIVE_128_FLAGS = ["-O3", "-march=native", "-mno-avx", "-mno-avx2", "-mno-fma", "-mno-avx512f", "-fno-math-errno"];

/** `gcc --version`'s first line, or null without gcc. */
export function gccVersion() {
  const r = spawnSync("gcc", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.split("\n")[0] : null;
}

/** Compiles (cached by the source's hash) and returns the binary's path, or null without gcc. */
export function buildNative(flags = NATIVE_FLAGS) {
  const version = gccVersion();
  if (!version) return null;
  const hash = createHash("sha256").update(readFileSync(source)).update(flags.join(" ")).update(version).digest("hex").slice(0, 12);
  const binary = join(buildDir, `bench-${hash}`);
  if (!existsSync(binary)) {
    mkdirSync(buildDir, { recursive: true });
    execFileSync("gcc", [...flags, "-o", binary, source, "-lm"], { stdio: "inherit" });
  }
  return binary;
}

/**
 * Runs the native kernels. Returns `{ compiler, flags, results, triad }` (times in ms),
 * or null when gcc is missing.
 * @param {{ time?: number, samples?: number, only?: string[], triad?: boolean }} options
 */
export function runNative({ time = 150, samples = 7, only, triad = true, width128 = true } = {}) {
  const run = (flags, extra) => {
    const binary = buildNative(flags);
    const args = ["--time", String(time), "--samples", String(samples), ...extra];
    if (only) args.push("--only", only.join(","));
    return JSON.parse(execFileSync(binary, args, { encoding: "utf8", maxBuffer: 1 << 24 }));
  };
  if (!gccVersion()) return null;
  const main = run(NATIVE_FLAGS, triad ? [] : ["--no-triad"]);
  const result = { compiler: gccVersion(), flags: NATIVE_FLAGS.join(" "), ...main };
  if (width128 && process.arch === "x64") {
    result.sse = { flags: NATIVE_128_FLAGS.join(" "), results: run(NATIVE_128_FLAGS, ["--no-triad"]).results };
  }
  return result;
}
