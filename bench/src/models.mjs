// The plug for W3 and W5: downhill's models (issue 4: `logisticRegression`, `mlp` in
// bindings/models/) are being built alongside this harness. Until bindings/index.ts
// exports them, W3 and W5 run only for the peers (plain loops, TensorFlow.js, native C)
// and the report says that downhill's rows are missing — never a stub.

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

/**
 * W3 on one backend: returns `{ run(reps), loss(), done() }`, where `run` evaluates the
 * mean logistic loss and its gradient at the data's evaluation point `reps` times.
 */
export function prepareLogistic(dh, backend, data, precision) {
  throw new Error(`W3: no adapter for downhill's logisticRegression API yet (${backend.name}, ${precision}, ${data.rows} rows)`);
}

/** W5 on one backend: `{ run(reps), firstLoss, done() }`, one training step per call. */
export function prepareMlp(dh, backend) {
  throw new Error(`W5: no adapter for downhill's mlp API yet (${backend.name})`);
}
