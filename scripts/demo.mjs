// The interactive loss-landscape page: bundles demo/ with esbuild into demo/dist/
// (static files that work from any static host) and serves them on 127.0.0.1.
//
//   node scripts/demo.mjs               build, then serve on a free port and print the URL
//   node scripts/demo.mjs --port 8080   serve on a chosen port (PORT=8080 works too)
//   node scripts/demo.mjs --build-only  build demo/dist/ and exit
//   node scripts/demo.mjs --out DIR     build into DIR instead of demo/dist/ (the tests use a temporary folder)
//
// The page imports downhill from bindings/index.ts, so it always shows the current
// source. The WebAssembly kernels are inlined from bindings/generated/, which
// `npm run build` writes; when it is missing or stale, this script runs the build first.
import * as esbuild from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const demoDir = join(root, "demo");
const defaultOutDir = join(demoDir, "dist");

/** Bundles the page into `outDir` (default demo/dist/) and returns that folder. */
export async function buildDemo({ quiet = false, outDir = defaultOutDir } = {}) {
  const started = performance.now();
  // Rebuilds the kernels (bindings/generated/) when missing or older than their sources.
  execFileSync(process.execPath, [join(root, "scripts", "ensure-built.mjs")], { stdio: "inherit" });
  // Overwrites its own four files only, so --out can point anywhere safely.
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(demoDir, "src", "main.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: join(outDir, "main.js"),
    minify: true,
    sourcemap: true,
    legalComments: "none",
    logLevel: quiet ? "error" : "warning",
  });
  for (const file of ["index.html", "style.css"]) copyFileSync(join(demoDir, file), join(outDir, file));
  if (!quiet) console.log(`demo built in ${((performance.now() - started) / 1000).toFixed(1)} s → ${shown(outDir)}/`);
  return outDir;
}

function shown(path) {
  const rel = relative(process.cwd(), path);
  return rel === "" ? "." : rel.startsWith("..") ? path : rel;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serves `dir` on 127.0.0.1 (port 0: a free port). Resolves to { server, url }. */
export function serveStatic(dir, port = 0) {
  const base = resolve(dir);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end("forbidden");
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolvePromise({ server, url: `http://127.0.0.1:${address.port}/` });
    });
  });
}

function parseArguments(argv) {
  const options = { buildOnly: false, port: Number(process.env.PORT ?? 0), outDir: defaultOutDir };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--build-only") options.buildOnly = true;
    else if (arg === "--port") options.port = Number(argv[++i]);
    else if (arg.startsWith("--port=")) options.port = Number(arg.slice("--port=".length));
    else if (arg === "--out") options.outDir = resolve(argv[++i] ?? "");
    else if (arg.startsWith("--out=")) options.outDir = resolve(arg.slice("--out=".length));
    else throw new Error(`demo: unknown argument ${arg} (use --port N, --out DIR or --build-only)`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error(`demo: --port must be an integer in [0, 65535], got ${options.port}`);
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArguments(process.argv.slice(2));
  await buildDemo({ outDir: options.outDir });
  if (!options.buildOnly) {
    const { url } = await serveStatic(options.outDir, options.port);
    console.log(`downhill demo: ${url}`);
    console.log("(Ctrl-C to stop)");
  }
}
