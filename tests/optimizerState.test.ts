import { describe, expect, it } from "vitest";
import {
  adadelta, adagrad, adam, adamax, adamw, DownhillError, lion, loadBackend, nadam, rmsprop, sgd, type Backend, type Optimizer,
} from "../bindings/index";
import { firstDifference } from "./support/random";

const factories: Record<string, (backend: Backend) => Optimizer> = {
  sgd: (backend) => sgd({ learningRate: 0.01, momentum: 0.9, nesterov: true, backend }),
  adam: (backend) => adam({ learningRate: 0.01, amsgrad: true, backend }),
  adamw: (backend) => adamw({ learningRate: 0.01, backend }),
  adagrad: (backend) => adagrad({ learningRate: 0.1, initialAccumulatorValue: 0.1, backend }),
  rmsprop: (backend) => rmsprop({ learningRate: 0.01, centered: true, momentum: 0.5, backend }),
  adadelta: (backend) => adadelta({ backend }),
  adamax: (backend) => adamax({ backend }),
  nadam: (backend) => nadam({ backend }),
  lion: (backend) => lion({ learningRate: 1e-3, weightDecay: 0.1, backend }),
};

/** ∇ of the extended Rosenbrock function, so every step sees a new gradient. */
function gradient(x: Float64Array | Float32Array, g: Float64Array | Float32Array): void {
  for (let i = 0; i < x.length; i += 2) {
    g[i] = -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
    g[i + 1] = 200 * (x[i + 1] - x[i] * x[i]);
  }
}

function run(opt: Optimizer, x: Float64Array | Float32Array, steps: number): void {
  const g = x instanceof Float32Array ? new Float32Array(x.length) : new Float64Array(x.length);
  for (let t = 0; t < steps; t++) {
    gradient(x, g);
    opt.step(x, g);
  }
}

for (const backendName of ["wasm-simd", "ts"] as const) {
  describe(`optimizer state saves and restores exactly (${backendName})`, async () => {
    const backend = await loadBackend(backendName);
    for (const [name, make] of Object.entries(factories)) {
      for (const precision of ["float64", "float32"] as const) {
        it(`${name} (${precision}): save after 7 steps, restore into a fresh optimizer, continue = uninterrupted 15 steps`, () => {
          const start = Array.from({ length: 10 }, (_, i) => (i % 2 ? 1 : -1.2));
          const make64 = () => (precision === "float64" ? Float64Array.from(start) : Float32Array.from(start));
          const straight = make64();
          run(make(backend), straight, 15);

          const resumed = make64();
          const first = make(backend);
          run(first, resumed, 7);
          const saved = structuredClone(first.state());
          expect(saved.steps).toBe(7);
          const second = make(backend);
          second.loadState(saved);
          expect(second.steps).toBe(7);
          run(second, resumed, 8);
          expect(firstDifference(resumed, straight)).toBe(-1);
        });
      }
    }
  });
}

describe("bad saved state is rejected and the current state kept", () => {
  const expectInvalid = (fn: () => void, argument?: string) => {
    try {
      fn();
      expect.unreachable("expected INVALID_STATE");
    } catch (error) {
      expect(error).toBeInstanceOf(DownhillError);
      expect((error as DownhillError).code).toBe("INVALID_STATE");
      if (argument) expect((error as DownhillError).argument).toBe(argument);
    }
  };

  it("rejects another optimizer's state, other options, other versions and corrupted arrays", async () => {
    const backend = await loadBackend("ts");
    const source = adam({ learningRate: 0.01, backend });
    const x = new Float64Array([1, 2, 3, 4]);
    run(source, x, 3);
    const saved = source.state();
    const target = adam({ learningRate: 0.01, backend });
    const y = new Float64Array([1, 2, 3, 4]);
    run(target, y, 2);
    const before = structuredClone(target.state());

    expectInvalid(() => sgd({ backend }).loadState(saved));
    expectInvalid(() => adam({ beta2: 0.99, backend }).loadState(saved), "beta2");
    expectInvalid(() => target.loadState({ ...saved, version: 99 }));
    expectInvalid(() => target.loadState({ ...saved, format: "something else" }));
    expectInvalid(() => target.loadState({ ...saved, arrays: { m: saved.arrays.m, v: new Float64Array(3) } }), "v");
    expectInvalid(() => target.loadState({ ...saved, arrays: { m: new Float32Array(4), v: saved.arrays.v } }), "m");
    expectInvalid(() => target.loadState({ ...saved, scalars: { beta1Power: NaN, beta2Power: 1 } }), "beta1Power");
    expectInvalid(() => target.loadState({ ...saved, steps: -1 }));
    expectInvalid(() => target.loadState(null as never));
    expect(target.state()).toEqual(before);
  });

  it("a state saved before the first step restores to an empty optimizer", () => {
    const opt = adam();
    const fresh = adam();
    expect(() => fresh.loadState(opt.state())).not.toThrow();
    expect(fresh.steps).toBe(0);
  });
});
