// One training step of a 784-128-10 ReLU MLP, batch 64, softmax cross-entropy, float32:
// forward + backward (model.valueAndGradient) + Adam (optimizer.step), on each backend.
// Also the same step inside train() (gather by kernel, no per-step checks).
// Usage: node bench/mlpStep.mjs [--steps N]   (after npm run build)
import { adam, loadBackend, mlp, seededRandom, train } from "../dist/downhill.js";

const argSteps = process.argv.indexOf("--steps");
const STEPS = argSteps > 0 ? Number(process.argv[argSteps + 1]) : 400;
const [INPUTS, HIDDEN, OUTPUTS, BATCH] = [784, 128, 10, 64];

const random = seededRandom({ seed: 11 });
const x = Float32Array.from({ length: BATCH * INPUTS }, () => random.uniform());
const y = Float32Array.from({ length: BATCH }, (_, b) => b % OUTPUTS);

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const rows = [];
for (const name of ["wasm-simd", "wasm", "ts"]) {
  const backend = await loadBackend(name);
  const steps = name === "ts" ? Math.max(10, STEPS / 20) : STEPS;
  const model = mlp({ layers: [INPUTS, HIDDEN, OUTPUTS], activation: "relu", precision: "float32", seed: 12, backend });
  const optimizer = adam({ learningRate: 1e-3, backend });
  const batch = { x, y };
  // Size the work space and Adam's state, then keep live views.
  let grads = backend.vector(model.parameterCount, "float32");
  model.valueAndGradient(model.parameters, grads, batch);
  grads = backend.refresh(grads);
  try {
    optimizer.step(model.parameters, grads);
  } catch {
    grads = backend.refresh(grads);
    optimizer.step(model.parameters, grads);
  }
  const samples = [];
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    for (let s = 0; s < steps; s++) {
      const params = model.parameters;
      model.valueAndGradient(params, grads, batch);
      optimizer.step(params, grads);
    }
    samples.push((performance.now() - t0) / steps);
  }
  const direct = median(samples);

  // The same step inside train(): 50 batches of 64 per epoch.
  const big = { x: new Float32Array(50 * BATCH * INPUTS), y: new Float32Array(50 * BATCH) };
  for (let k = 0; k < 50; k++) {
    big.x.set(x, k * BATCH * INPUTS);
    big.y.set(y, k * BATCH);
  }
  const epochs = name === "ts" ? 1 : Math.max(1, Math.round(STEPS / 50));
  train(model, { ...big, optimizer, batchSize: BATCH, epochs: 1 }); // warm-up
  const history = train(model, { ...big, optimizer, batchSize: BATCH, epochs });
  const inTrain = history.elapsed / history.steps;
  rows.push({ backend: name, direct, inTrain });
  model.free();
  backend.free(grads);
  optimizer.reset();
}

console.log(`MLP ${INPUTS}-${HIDDEN}-${OUTPUTS} ReLU, batch ${BATCH}, softmax cross-entropy, float32, Adam: ms per step (median of 5 rounds)`);
console.log("backend     valueAndGradient+step   inside train()   vs ts");
const ts = rows.find((r) => r.backend === "ts").direct;
for (const r of rows) {
  console.log(`${r.backend.padEnd(10)}  ${r.direct.toFixed(3).padStart(21)}   ${r.inTrain.toFixed(3).padStart(14)}   ${(ts / r.direct).toFixed(1).padStart(4)}×`);
}
