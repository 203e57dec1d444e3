// Node only: what machine this is.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";

export function machineInfo() {
  let cpu = os.cpus()[0]?.model?.trim();
  if (existsSync("/proc/cpuinfo")) {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
    if (line) cpu = line.split(":")[1].trim();
  }
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
  };
}

/** Versions of the packages in the comparison, from their package.json files. */
export function packageVersions(root) {
  const read = (name) => {
    try {
      return JSON.parse(readFileSync(`${root}/node_modules/${name}/package.json`, "utf8")).version;
    } catch {
      return undefined;
    }
  };
  return {
    downhill: JSON.parse(readFileSync(`${root}/package.json`, "utf8")).version,
    "@tensorflow/tfjs": read("@tensorflow/tfjs"),
    "@tensorflow/tfjs-backend-wasm": read("@tensorflow/tfjs-backend-wasm"),
    fmin: read("fmin"),
    tinybench: read("tinybench"),
  };
}
