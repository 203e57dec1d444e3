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

/** `gcc --version`'s first line, or null without gcc. */
export function gccVersion() {
  const r = spawnSync("gcc", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.split("\n")[0] : null;
}

/** Compiles (cached by the source's hash) and returns the binary's path, or null without gcc. */
export function buildNative() {
  const version = gccVersion();
  if (!version) return null;
  const hash = createHash("sha256").update(readFileSync(source)).update(NATIVE_FLAGS.join(" ")).update(version).digest("hex").slice(0, 12);
  const binary = join(buildDir, `bench-${hash}`);
  if (!existsSync(binary)) {
    mkdirSync(buildDir, { recursive: true });
    execFileSync("gcc", [...NATIVE_FLAGS, "-o", binary, source, "-lm"], { stdio: "inherit" });
  }
  return binary;
}

/**
 * Runs the native kernels. Returns `{ compiler, flags, results, triad }` (times in ms),
 * or null when gcc is missing.
 * @param {{ time?: number, samples?: number, only?: string[], triad?: boolean }} options
 */
export function runNative({ time = 150, samples = 7, only, triad = true } = {}) {
  const binary = buildNative();
  if (!binary) return null;
  const args = ["--time", String(time), "--samples", String(samples)];
  if (only) args.push("--only", only.join(","));
  if (!triad) args.push("--no-triad");
  const out = execFileSync(binary, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  return { compiler: gccVersion(), flags: NATIVE_FLAGS.join(" "), ...JSON.parse(out) };
}
