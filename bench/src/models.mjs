// The plug for W3 and W5: downhill's models (issue 4: `logisticRegression` and `mlp`,
// bindings/models/). While bindings/index.ts does not export them, W3 and W5 run only
// for the peers (plain loops, TensorFlow.js, native C) and the report says downhill's
// rows are missing — never a stub. When they are exported, these adapters drive them
// through the public Model API, as a user would:
//   batch = model.prepare({ x, y });                                    // W3, once
//   loss = model.valueAndGradient(model.parameters, grads, batch);      // W3, timed
//   model.valueAndGradient(...); optimizer.step(model.parameters, grads) // W5
import { driver, fnDriver } from "./harness.mjs";
import { MLP, mlpData } from "./data.mjs";

/** Which model workloads downhill can run now, and why not. */
export function modelSupport(dh) {
  const logisticRegression = typeof dh.logisticRegression === "function";
  const mlp = typeof dh.mlp === "function";
  return {
    logisticRegression,
    mlp,
    note:
      logisticRegression && mlp
        ? ""
        : `downhill does not export ${[!logisticRegression && "logisticRegression", !mlp && "mlp"].filter(Boolean).join(" or ")} yet (issue 4)`,
  };
}

/** Copies `values` into the model's parameter block `name` (checking its shape). */
function setBlock(model, name, values, shape) {
  const block = model.blocks.find((b) => b.name === name);
  if (!block || block.length !== values.length || (shape && block.shape.join("×") !== shape.join("×"))) {
    throw new Error(`model block ${name} is not ${shape?.join("×") ?? values.length} (blocks: ${model.blocks.map((b) => `${b.name} ${b.shape.join("×")}`).join(", ")})`);
  }
  model.parameters.set(values, block.offset);
}

/**
 * W3 on one backend: `{ run(reps), loss(), done() }`; `run` evaluates the mean logistic
 * loss and its gradient at the data's evaluation point (w, b) `reps` times.
 */
export function prepareLogistic(dh, backend, data, precision) {
  const model = dh.logisticRegression({ inputs: data.d, precision, backend });
  setBlock(model, "weights", data.w.subarray(0, data.d));
  setBlock(model, "bias", data.w.subarray(data.d));
  // The data are checked and copied into the backend's memory once (`model.prepare`), as
  // TensorFlow.js keeps its tensors resident; builds without prepare pass { x, y } per call.
  const batch = typeof model.prepare === "function" ? model.prepare({ x: data.X, y: data.y }) : { x: data.X, y: data.y };
  // One call with arrays outside the backend's memory (copied in and out) sizes the
  // model's work space first, so the memory growth it causes happens before our vectors exist.
  const Ctor = precision === "float32" ? Float32Array : Float64Array;
  model.valueAndGradient(Ctor.from(model.parameters), new Ctor(model.parameterCount), batch);
  // Parameters and gradient in vectors of the backend's memory: the zero-copy path.
  const vectors = [backend.vector(model.parameterCount, precision), backend.vector(model.parameterCount, precision)];
  vectors[0].set(model.parameters);
  const live = () => vectors.map((v, k) => (vectors[k] = backend.refresh(v))); // live views, whatever grew since
  const [params, grads] = live();
  return {
    run: driver(model, "valueAndGradient", params, grads, batch),
    loss: () => model.valueAndGradient(...live(), batch),
    done() {
      for (const v of live()) backend.free(v);
      batch.free?.();
      model.free();
    },
  };
}

/**
 * W5 on one backend: `{ run(reps), firstLoss, done() }`; one call = forward, loss,
 * backward (`valueAndGradient`) and an Adam step on all parameters, float32, with the
 * weights of bench/src/data.mjs `mlpData` (the same as the C kernel and TensorFlow.js).
 */
export function prepareMlp(dh, backend) {
  const { inputs, hidden, outputs } = MLP;
  const d = mlpData();
  const model = dh.mlp({ layers: [inputs, hidden, outputs], activation: "relu", precision: "float32", backend });
  setBlock(model, "layer1.weights", d.W1, [inputs, hidden]);
  setBlock(model, "layer1.bias", d.b1, [hidden]);
  setBlock(model, "layer2.weights", d.W2, [hidden, outputs]);
  setBlock(model, "layer2.bias", d.b2, [outputs]);
  const batch = { x: d.x, y: Float32Array.from(d.labels) };
  // Size the work space first, with foreign arrays (see prepareLogistic).
  model.valueAndGradient(Float32Array.from(model.parameters), new Float32Array(model.parameterCount), batch);
  const vectors = [backend.vector(model.parameterCount, "float32"), backend.vector(model.parameterCount, "float32")];
  vectors[0].set(model.parameters);
  const live = () => vectors.map((v, k) => (vectors[k] = backend.refresh(v))); // live views, whatever grew since
  const optimizer = dh.adam({ learningRate: 1e-3, backend });
  const step = (params, g) => {
    const loss = model.valueAndGradient(params, g, batch);
    optimizer.step(params, g);
    return loss;
  };
  const firstLoss = step(...live()); // sizes the work space and Adam's state
  return {
    run: fnDriver(step, ...live()),
    firstLoss,
    done() {
      optimizer.reset();
      for (const v of live()) backend.free(v);
      model.free();
    },
  };
}
