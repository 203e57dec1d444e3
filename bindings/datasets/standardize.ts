import { DownhillError } from "../DownhillError";
import { checkData, type MatrixInput } from "../training/checkData";
import { validate } from "../validate";

/** Options of {@link standardize}. */
export interface StandardizeOptions {
  /** Values per row. Required. */
  columns: number;
  /** Column means to subtract (e.g. from the training set). Default: this data's. */
  mean?: ArrayLike<number>;
  /** Column scales to divide by. Default: this data's standard deviations (1 for a constant column). */
  scale?: ArrayLike<number>;
}

/** What {@link standardize} returns. */
export interface Standardized {
  /** (x − mean)/scale, row-major, a new array. */
  x: Float64Array;
  mean: Float64Array;
  scale: Float64Array;
}

/**
 * Standardizes the columns of a matrix: x′_ij = (x_ij − μ_j)/σ_j, with the column
 * means μ and (population) standard deviations σ of this data unless given — give the
 * training set's `mean` and `scale` to transform test data the same way. Gradient
 * descent converges far faster on standardized features: the condition number of the
 * least-squares problem no longer includes the features' scales.
 *
 * @example
 * ```ts
 * const train = standardize(xTrain, { columns: 2 });
 * const test = standardize(xTest, { columns: 2, mean: train.mean, scale: train.scale });
 * ```
 */
export function standardize(x: MatrixInput, options: StandardizeOptions): Standardized {
  const where = "standardize";
  const o = validate.options(where, options, ["columns", "mean", "scale"]);
  const columns = o.columns;
  if (typeof columns !== "number" || !Number.isInteger(columns) || columns < 1) {
    throw new DownhillError("INVALID_OPTION", `${where}: columns must be a whole number ≥ 1, got ${String(columns)}.`, "columns");
  }
  const { rows, data } = checkData.matrix(where, "x", x, columns, "float64");
  const given = (name: "mean" | "scale") => {
    if (o[name] === undefined) return undefined;
    const { rows: count, data: v } = checkData.matrix(where, name, o[name], 1, "float64");
    if (count !== columns) throw new DownhillError("LENGTH_MISMATCH", `${where}: ${name} has ${count} values, expected ${columns}.`, name);
    return v as Float64Array;
  };
  let mean = given("mean");
  if (!mean) {
    mean = new Float64Array(columns);
    for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) mean[j] += data[i * columns + j];
    for (let j = 0; j < columns; j++) mean[j] /= rows;
  }
  let scale = given("scale");
  if (!scale) {
    scale = new Float64Array(columns);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) {
        const d = data[i * columns + j] - mean[j];
        scale[j] += d * d;
      }
    }
    for (let j = 0; j < columns; j++) scale[j] = Math.sqrt(scale[j] / rows) || 1;
  }
  for (let j = 0; j < columns; j++) {
    if (!(scale[j] > 0)) throw new DownhillError("INVALID_DATA", `${where}: scale[${j}] is ${scale[j]}; scales must be > 0.`, "scale");
  }
  const out = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) out[i * columns + j] = (data[i * columns + j] - mean[j]) / scale[j];
  return { x: out, mean: Float64Array.from(mean), scale: Float64Array.from(scale) };
}
