// Minimal type declarations for the parts of d3 the page uses (the packages ship no types).
declare module "d3-contour" {
  export interface ContourMultiPolygon {
    type: "MultiPolygon";
    value: number;
    coordinates: number[][][][];
  }
  export interface Contours {
    (values: ArrayLike<number>): ContourMultiPolygon[];
    size(size: [number, number]): Contours;
    thresholds(thresholds: number[] | number): Contours;
    smooth(smooth: boolean): Contours;
  }
  export function contours(): Contours;
}

declare module "d3-scale" {
  export interface ContinuousScale {
    (value: number): number;
    domain(): number[];
    domain(domain: number[]): this;
    range(range: number[]): this;
    ticks(count?: number): number[];
    invert(value: number): number;
    clamp(clamp: boolean): this;
    nice(): this;
  }
  export interface SequentialScale<Output> {
    (value: number): Output;
    domain(domain: number[]): this;
    clamp(clamp: boolean): this;
  }
  export function scaleLinear(): ContinuousScale;
  export function scaleLog(): ContinuousScale & { base(base: number): ContinuousScale };
  export function scaleSequentialLog<Output = string>(interpolator: (t: number) => Output): SequentialScale<Output>;
  export function scaleSequential<Output = string>(interpolator: (t: number) => Output): SequentialScale<Output>;
}

declare module "d3-scale-chromatic" {
  export const schemeTableau10: readonly string[];
  export const schemeSet1: readonly string[];
  export function interpolateViridis(t: number): string;
  export function interpolateCividis(t: number): string;
  export function interpolateBlues(t: number): string;
  export function interpolateYlGnBu(t: number): string;
  export function interpolateGnBu(t: number): string;
  export function interpolatePuBu(t: number): string;
  export function interpolateRdBu(t: number): string;
  export function interpolateMagma(t: number): string;
  export function interpolateGreys(t: number): string;
}
