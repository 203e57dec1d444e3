import { DownhillError } from "../DownhillError";
import type { FloatArray } from "../FloatArray";
import type { Loss } from "../losses/Loss";
import { sampleScales } from "../losses/sampleScales";
import type { ModelBase } from "../models/ModelBase";
import { checkData } from "./checkData";

/** Data checked and converted to a model's precision, row-major, ready to copy into a work space. */
export interface PreparedData {
  rows: number;
  /** rows × model.inputs. */
  x: FloatArray;
  /** rows × targetWidth. */
  y: FloatArray;
  /** Values per sample in y: model.outputs for values, 1 for labels. */
  targetWidth: number;
  /** Per-sample scales from weights and groups, or null. */
  scale: FloatArray | null;
}

/**
 * Checks { x, y, weights, groups } against a model and a loss and converts them to the
 * model's precision (fresh arrays; the caller's are only read). Errors name the argument
 * with `prefix` (e.g. "validation.x").
 */
export function prepareData(where: string, model: ModelBase, loss: Loss, data: object, prefix = ""): PreparedData {
  const d = data as Record<string, unknown>;
  if (d.x === undefined) throw new DownhillError("WRONG_TYPE", `${where}: ${prefix}x is missing: pass the inputs as x.`, `${prefix}x`);
  if (d.y === undefined) throw new DownhillError("WRONG_TYPE", `${where}: ${prefix}y is missing: pass the targets as y.`, `${prefix}y`);
  const { rows, data: x } = checkData.matrix(where, `${prefix}x`, d.x, model.inputs, model.precision);
  model.checkInputs(where, `${prefix}x`, x, rows);
  const kind = loss.targetKind(model.outputs);
  const y = checkData.targets(where, `${prefix}y`, d.y, kind, model.outputs, rows, model.precision, `${prefix}x`);
  const weights = d.weights === undefined ? null : checkData.weights(where, `${prefix}weights`, d.weights, rows, `${prefix}x`);
  const groups = d.groups === undefined ? null : checkData.groups(where, `${prefix}groups`, d.groups, rows, `${prefix}x`);
  const scale = sampleScales(where, weights, groups, rows, model.precision, { weights: `${prefix}weights`, groups: `${prefix}groups` });
  return { rows, x, y, targetWidth: kind === "values" || kind === "probabilities" ? model.outputs : 1, scale };
}
