// Runs the build when dist/ is missing or older than any source it is made from.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const output = join(root, "dist", "downhill.js");
const sources = ["assembly", "bindings", "asconfig.json", "tsconfig.json", "package.json", "scripts/build.mjs"];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let best = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "generated") continue; // written by the build itself
    best = Math.max(best, newest(join(path, entry)));
  }
  return best;
}

const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => join(root, s)).filter(existsSync).map(newest));
if (changedAt > builtAt || !existsSync(join(root, "bindings", "generated", "wasmBinaries.ts"))) {
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit" });
}
