// npm start: downhill's main job. Each part prints its own table.
import { init } from "downhill";
import { leastSquares } from "./leastSquares.mjs";
import { classicProblems } from "./classicProblems.mjs";

const { backend } = await init();
console.log(`downhill — gradient descent with a WebAssembly-SIMD core (default backend: ${backend})\n`);
await leastSquares();
await classicProblems();
await import("./train.mjs"); // part 3: models and training on embedded data, with progress bars in a terminal
