import { beforeAll, describe, expect, it } from "vitest";
import { adam, adamw, DownhillError, init, loadBackend, refresh, sgd, vector, type Optimizer } from "../bindings/index";

/** Asserts that fn throws a DownhillError with this code naming this argument. */
function expectError(fn: () => unknown, code: string, argument?: string): DownhillError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a DownhillError").toBeInstanceOf(DownhillError);
  const error = caught as DownhillError;
  expect(error.code).toBe(code);
  if (argument !== undefined) {
    expect(error.argument).toBe(argument);
    expect(error.message).toContain(argument);
  }
  return error;
}

beforeAll(async () => {
  await init();
});

describe("hyperparameters are validated when the optimizer is made", () => {
  const invalid: Array<[string, () => unknown, string]> = [
    ["negative learning rate", () => adam({ learningRate: -1e-3 }), "learningRate"],
    ["zero learning rate", () => sgd({ learningRate: 0 }), "learningRate"],
    ["NaN learning rate", () => adamw({ learningRate: NaN }), "learningRate"],
    ["infinite learning rate", () => sgd({ learningRate: Infinity }), "learningRate"],
    ["a string learning rate", () => adam({ learningRate: "0.1" as never }), "learningRate"],
    ["beta1 of 1", () => adam({ beta1: 1 }), "beta1"],
    ["negative beta2", () => adam({ beta2: -0.1 }), "beta2"],
    ["NaN beta2", () => adamw({ beta2: NaN }), "beta2"],
    ["negative epsilon", () => adam({ epsilon: -1e-8 }), "epsilon"],
    ["infinite epsilon", () => adam({ epsilon: Infinity }), "epsilon"],
    ["negative weight decay", () => sgd({ weightDecay: -1 }), "weightDecay"],
    ["negative momentum", () => sgd({ momentum: -0.9 }), "momentum"],
    ["NaN momentum", () => sgd({ momentum: NaN }), "momentum"],
    ["dampening above 1", () => sgd({ momentum: 0.9, dampening: 2 }), "dampening"],
    ["nesterov without momentum", () => sgd({ nesterov: true }), "nesterov"],
    ["nesterov with dampening", () => sgd({ momentum: 0.9, dampening: 0.1, nesterov: true }), "nesterov"],
    ["a non-boolean amsgrad", () => adam({ amsgrad: 1 as never }), "amsgrad"],
  ];
  for (const [what, make, argument] of invalid) {
    it(`rejects ${what} with INVALID_OPTION naming ${argument}`, () => expectError(make, "INVALID_OPTION", argument));
  }

  it("rejects unknown option names and suggests the right one", () => {
    const error = expectError(() => adam({ lr: 0.1 } as never), "UNKNOWN_OPTION", "lr");
    expect(error.message).toContain("learningRate");
    expectError(() => sgd({ learningrate: 0.1 } as never), "UNKNOWN_OPTION", "learningrate");
    expectError(() => adamw({ decoupledWeightDecay: false } as never), "UNKNOWN_OPTION", "decoupledWeightDecay");
  });

  it("rejects positional hyperparameters", () => {
    expectError(() => adam(0.001 as never), "WRONG_TYPE", "options");
    expectError(() => sgd([0.1] as never), "WRONG_TYPE", "options");
  });

  it("learningRate can be changed between steps, and is validated", () => {
    const opt = sgd({ learningRate: 0.1 });
    opt.learningRate = 0.05;
    expect(opt.learningRate).toBe(0.05);
    expectError(() => (opt.learningRate = -1), "INVALID_OPTION", "learningRate");
    expect(opt.learningRate).toBe(0.05);
  });
});

for (const name of ["wasm-simd", "wasm", "ts"] as const) {
  describe(`step() rejects bad arrays and leaves every input untouched (${name})`, async () => {
    const backend = await loadBackend(name);
    const makers: Array<[string, () => Optimizer]> = [
      ["adam", () => adam({ amsgrad: true, backend })],
      ["sgd", () => sgd({ momentum: 0.9, backend })],
    ];
    for (const [label, make] of makers) {
      it(`${label}: wrong lengths, types and precisions throw typed errors`, () => {
        const params = new Float64Array([1, 2, 3]);
        const grads = new Float64Array([0.1, 0.2]);
        const snapshot = (a: ArrayLike<number>) => Array.from(a);
        const before = [snapshot(params), snapshot(grads)];
        const opt = make();
        expectError(() => opt.step(params, grads), "LENGTH_MISMATCH", "grads");
        expectError(() => opt.step([1, 2, 3] as never, grads), "WRONG_TYPE", "params");
        expectError(() => opt.step(params, new Int32Array(3) as never), "WRONG_TYPE", "grads");
        expectError(() => opt.step(params, new Float32Array(3)), "PRECISION_MISMATCH", "grads");
        expect([snapshot(params), snapshot(grads)]).toEqual(before);
        expect(opt.steps).toBe(0);

        // The first good step sizes the state; a later step of another size is refused.
        const g3 = new Float64Array([0.1, 0.2, 0.3]);
        opt.step(params, g3);
        const afterOne = snapshot(params);
        expectError(() => opt.step(new Float64Array(4), new Float64Array(4)), "LENGTH_MISMATCH", "params");
        expectError(() => opt.step(new Float32Array(3), new Float32Array(3)), "PRECISION_MISMATCH", "params");
        expect(snapshot(params)).toEqual(afterOne);
        expect(snapshot(g3)).toEqual([0.1, 0.2, 0.3]);
        expect(opt.steps).toBe(1);

        // reset() forgets the size.
        opt.reset();
        opt.step(new Float32Array(4), new Float32Array(4));
        expect(opt.steps).toBe(1);
      });
    }
  });
}

describe("downhill vectors and stale views", () => {
  it("a view detached by memory growth is reported, and refresh() recovers the data", async () => {
    await init({ backend: "wasm-simd" });
    const params = vector(8);
    params.set([1, 2, 3, 4, 5, 6, 7, 8]);
    const grads = vector(8);
    grads.fill(0.5);
    // A large allocation forces WebAssembly memory to grow, detaching older views.
    const big = vector(1 << 22);
    const opt = sgd({ learningRate: 0.1 });
    expectError(() => opt.step(params, grads), "STALE_VIEW", "params");
    const live = refresh(params);
    expect(Array.from(live)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(refresh(params) === params).toBe(false); // refreshing the same stale view again works too
    expect(Array.from(refresh(params))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expectError(() => opt.step(live, grads), "STALE_VIEW", "grads");
    opt.step(live, refresh(grads));
    expect(live[0]).toBeCloseTo(0.95, 15);
    expect(refresh(big).length).toBe(1 << 22);
  });

  it("kernels refuse arrays that do not live in their backend's memory", async () => {
    const backend = await loadBackend("wasm");
    const x = new Float64Array(4);
    expectError(() => backend.kernels.float64.dot(x, backend.vector(4)), "FOREIGN_MEMORY", "x");
    expectError(() => backend.kernels.float64.axpy(1, backend.vector(4), backend.vector(5)), "LENGTH_MISMATCH", "y");
  });

  it("vector() validates its length and precision", () => {
    expectError(() => vector(-1), "INVALID_OPTION", "length");
    expectError(() => vector(2.5), "INVALID_OPTION", "length");
    expectError(() => vector(3, "float16" as never), "INVALID_OPTION", "precision");
  });
});

describe("init() validates its options", () => {
  it("rejects an unknown backend and unknown options", async () => {
    await expect(init({ backend: "gpu" as never })).rejects.toMatchObject({ code: "INVALID_OPTION", argument: "backend" });
    await expect(init({ threads: 4 } as never)).rejects.toMatchObject({ code: "UNKNOWN_OPTION", argument: "threads" });
  });
});
