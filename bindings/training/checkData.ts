import { DownhillError } from "../DownhillError";
import type { FloatArray, Precision } from "../FloatArray";

/** What the targets of a loss hold, for c outputs per sample. */
export type TargetKind = "values" | "probabilities" | "binary" | "classes";

/** A matrix as downhill accepts it: rows of numbers, or one flat row-major array. */
export type MatrixInput = ArrayLike<number> | ArrayLike<ArrayLike<number>>;

/**
 * Checks and converts training data. Every function reads its input only, never
 * modifies it, and throws a DownhillError naming the argument: `WRONG_TYPE` for
 * something that is not an array, `LENGTH_MISMATCH` for a shape that does not fit,
 * `INVALID_DATA` for NaN, ±Infinity, labels out of range, or no samples.
 */
export const checkData = {
  /**
   * A rows×columns matrix, as an array of rows or a flat row-major array (plain array
   * or typed array), copied into a new array of the given precision.
   */
  matrix(where: string, name: string, value: unknown, columns: number, precision: Precision): { rows: number; data: FloatArray } {
    const Type = precision === "float32" ? Float32Array : Float64Array;
    if (!isArrayLike(value)) {
      throw new DownhillError(
        "WRONG_TYPE",
        `${where}: ${name} must be an array of rows or a flat row-major array (number[] or a typed array), got ${describe(value)}.`,
        name,
      );
    }
    const first = value.length > 0 ? (value as ArrayLike<unknown>)[0] : undefined;
    let data: FloatArray;
    let rows: number;
    if (first !== undefined && typeof first === "object") {
      const table = value as ArrayLike<unknown>;
      rows = table.length;
      data = new Type(rows * columns);
      for (let i = 0; i < rows; i++) {
        const row = table[i];
        if (!isArrayLike(row)) {
          throw new DownhillError("WRONG_TYPE", `${where}: ${name}[${i}] must be an array of ${columns} numbers, got ${describe(row)}.`, name);
        }
        if (row.length !== columns) {
          throw new DownhillError(
            "LENGTH_MISMATCH",
            `${where}: ${name}[${i}] has ${row.length} values, but the model expects ${columns} per sample.`,
            name,
          );
        }
        for (let j = 0; j < columns; j++) data[i * columns + j] = toNumber(where, name, row[j], i, j, columns);
      }
    } else {
      const flat = value as ArrayLike<unknown>;
      if (flat.length % columns !== 0) {
        throw new DownhillError(
          "LENGTH_MISMATCH",
          `${where}: ${name} is a flat array of ${flat.length} values, not a whole number of rows of ${columns}. ` +
            `Pass rows (an array of arrays) or a row-major array of length samples × ${columns}.`,
          name,
        );
      }
      rows = flat.length / columns;
      data = new Type(flat.length);
      for (let i = 0; i < flat.length; i++) data[i] = toNumber(where, name, flat[i], Math.floor(i / columns), i % columns, columns);
    }
    if (rows === 0) throw new DownhillError("INVALID_DATA", `${where}: ${name} has no samples.`, name);
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i])) {
        const at = columns === 1 ? `[${Math.floor(i / columns)}]` : `[${Math.floor(i / columns)}][${i % columns}]`;
        throw new DownhillError(
          "INVALID_DATA",
          `${where}: ${name}${at} is ${data[i]}${precision === "float32" && isFiniteSource(value, i, columns) ? " in float32 (too large)" : ""}; every value must be finite.`,
          name,
        );
      }
    }
    return { rows, data };
  },

  /**
   * Targets of `rows` samples for a loss: values or probabilities (rows×c), binary labels
   * 0/1 (rows) or class labels 0…c−1 (rows).
   */
  targets(
    where: string, name: string, value: unknown, kind: TargetKind, c: number, rows: number, precision: Precision, against = "x",
  ): FloatArray {
    const width = kind === "values" || kind === "probabilities" ? c : 1;
    const { rows: count, data } = checkData.matrix(where, name, value, width, precision);
    if (count !== rows) {
      throw new DownhillError("LENGTH_MISMATCH", `${where}: ${name} has ${count} samples but ${against} has ${rows}; give one target per sample.`, name);
    }
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (kind === "values" || (kind === "probabilities" && v >= 0 && v <= 1) || (kind === "binary" && (v === 0 || v === 1))) continue;
      if (kind === "classes" && Number.isInteger(v) && v >= 0 && v < c) continue;
      const at = width === 1 ? `[${i}]` : `[${Math.floor(i / width)}][${i % width}]`;
      if (kind === "probabilities" && !(v >= 0 && v <= 1)) {
        throw new DownhillError("INVALID_DATA", `${where}: ${name}${at} is ${v}; binary cross-entropy targets must lie in [0, 1].`, name);
      }
      if (kind === "binary" && v !== 0 && v !== 1) {
        throw new DownhillError("INVALID_DATA", `${where}: ${name}${at} is ${v}; binary labels must be 0 or 1.`, name);
      }
      if (kind === "classes" && !(Number.isInteger(v) && v >= 0 && v < c)) {
        throw new DownhillError(
          "INVALID_DATA",
          `${where}: ${name}${at} is ${v}; class labels must be whole numbers from 0 to ${c - 1} (the model has ${c} outputs).`,
          name,
        );
      }
    }
    return data;
  },

  /** Per-sample weights: rows finite numbers ≥ 0 with a positive sum. */
  weights(where: string, name: string, value: unknown, rows: number, against = "x"): Float64Array {
    const { rows: count, data } = checkData.matrix(where, name, value, 1, "float64");
    if (count !== rows) throw new DownhillError("LENGTH_MISMATCH", `${where}: ${name} has ${count} values but ${against} has ${rows} samples.`, name);
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      if (data[i] < 0) throw new DownhillError("INVALID_DATA", `${where}: ${name}[${i}] is ${data[i]}; weights must be ≥ 0.`, name);
      sum += data[i];
    }
    if (!(sum > 0)) throw new DownhillError("INVALID_DATA", `${where}: ${name} are all 0; at least one weight must be positive.`, name);
    return data as Float64Array;
  },

  /** Group ids: rows finite numbers (any ids, e.g. molecule numbers). */
  groups(where: string, name: string, value: unknown, rows: number, against = "x"): Float64Array {
    const { rows: count, data } = checkData.matrix(where, name, value, 1, "float64");
    if (count !== rows) throw new DownhillError("LENGTH_MISMATCH", `${where}: ${name} has ${count} values but ${against} has ${rows} samples.`, name);
    return data as Float64Array;
  },
};

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return (
    Array.isArray(value) ||
    (ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array))
  );
}

function toNumber(where: string, name: string, v: unknown, row: number, column: number, columns: number): number {
  if (typeof v !== "number") {
    const at = columns === 1 ? `[${row}]` : `[${row}][${column}]`;
    throw new DownhillError("WRONG_TYPE", `${where}: ${name}${at} must be a number, got ${describe(v)}.`, name);
  }
  return v;
}

function isFiniteSource(value: ArrayLike<unknown>, i: number, columns: number): boolean {
  const first = value.length > 0 ? value[0] : undefined;
  const v = first !== undefined && typeof first === "object"
    ? (value[Math.floor(i / columns)] as ArrayLike<unknown>)[i % columns]
    : value[i];
  return typeof v === "number" && Number.isFinite(v);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an Array";
  if (typeof value === "object") return `a ${(value as object).constructor?.name ?? "object"}`;
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}
