import { init } from "../../bindings/index";
import { byId } from "./controls";
import { LandscapeApp } from "./landscapeApp";
import { NetworkPanel } from "./networkPanel";

const BACKEND_NAMES: Record<string, string> = {
  "wasm-simd": "WebAssembly with SIMD",
  wasm: "WebAssembly (no SIMD)",
  ts: "the pure-TypeScript backend",
};

async function main(): Promise<void> {
  const { backend } = await init();
  byId("backend").textContent = BACKEND_NAMES[backend] ?? backend;
  const app = new LandscapeApp();
  new NetworkPanel(() => app.settings());
  byId("app").setAttribute("aria-busy", "false");
  document.documentElement.dataset.ready = "true";
}

main().catch((error: unknown) => {
  console.error(error);
  const message = document.createElement("p");
  message.className = "status";
  message.setAttribute("role", "alert");
  message.textContent = `The page failed to start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.prepend(message);
});
