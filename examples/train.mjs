// npm start, part 2: train models on embedded data with downhill's fused WebAssembly
// forward/backward passes, showing the loss of every epoch on a progress bar.
//
//   1. softmax regression on Fisher's iris (150 × 4, 3 classes), float64;
//   2. a small ReLU network on the two-spirals problem (200 points), float32.
//
// The progress bar is cli-progress (a devDependency; the library itself has no
// dependencies). Without a terminal (CI logs) it prints a line every 10% instead.
import cliProgress from "cli-progress";
import {
  adam, currentBackend, evaluate, init, iris, mlp, softmaxRegression, standardize, train, twoSpirals,
} from "downhill";

await init();
const interactive = Boolean(process.stdout.isTTY);

/** Trains with a bar showing epoch, loss and accuracy; returns the history. */
function trainWithProgress(label, model, options) {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(34)} {bar} {value}/{total} epochs | loss {loss} | accuracy {accuracy}`,
      barsize: 24,
      hideCursor: true,
      fps: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const every = Math.max(1, Math.round(options.epochs / 10));
  if (interactive) bar.start(options.epochs, 0, { loss: "—", accuracy: "—" });
  const history = train(model, {
    ...options,
    onEpoch: ({ epoch, loss, accuracy }) => {
      const payload = { loss: loss.toFixed(4), accuracy: accuracy === undefined ? "—" : accuracy.toFixed(3) };
      if (interactive) bar.update(epoch, payload);
      else if (epoch % every === 0 || epoch === 1) console.log(`${label}  epoch ${String(epoch).padStart(4)}  loss ${payload.loss}  accuracy ${payload.accuracy}`);
    },
  });
  if (interactive) {
    bar.stop();
    const marks = history.loss.map((loss, i) => [i + 1, loss]).filter(([epoch]) => epoch === 1 || epoch % every === 0);
    console.log(`  loss by epoch: ${marks.map(([epoch, loss]) => `${epoch}: ${loss.toFixed(4)}`).join(", ")}`);
  }
  return history;
}

console.log(`\ndownhill: training models (backend ${currentBackend().name})\n`);

// 1. Softmax regression on iris, standardized features, L2 1e-3.
{
  const { x, y } = iris();
  const features = standardize(x, { columns: 4 }).x;
  const model = softmaxRegression({ inputs: 4, classes: 3, l2: 1e-3 });
  const history = trainWithProgress("softmax regression, iris", model, {
    x: features, y, optimizer: adam({ learningRate: 0.05 }), batchSize: 16, epochs: 100, seed: 1,
  });
  const { accuracy, loss } = evaluate(model, { x: features, y });
  console.log(
    `  → training accuracy ${(100 * accuracy).toFixed(1)}%, loss ${loss.toFixed(4)}, ` +
      `${history.steps} Adam steps in ${history.elapsed.toFixed(0)} ms\n`,
  );
  model.free();
}

// 2. A 2-32-32-2 ReLU network on the two spirals, float32.
{
  const { x, y } = twoSpirals({ points: 100, turns: 2, seed: 1 });
  const net = mlp({ layers: [2, 32, 32, 2], activation: "relu", precision: "float32", seed: 1 });
  const history = trainWithProgress("MLP 2-32-32-2 (ReLU), two spirals", net, {
    x, y, optimizer: adam({ learningRate: 0.01 }), batchSize: 32, epochs: 300, seed: 2,
  });
  const { accuracy, loss } = evaluate(net, { x, y });
  console.log(
    `  → training accuracy ${(100 * accuracy).toFixed(1)}%, loss ${loss.toFixed(4)}, ` +
      `${history.steps} Adam steps in ${history.elapsed.toFixed(0)} ms (${((1000 * history.elapsed) / history.steps).toFixed(0)} µs a step)\n`,
  );
  net.free();
}
