/**
 * L-BFGS-B: bound-constrained limited-memory BFGS (Byrd, Lu, Nocedal & Zhu 1995, with
 * the Morales–Nocedal 2011 correction). The entry point is {@link lbfgsbMinimize}; the
 * building blocks are exported for testing and reuse.
 *
 * @example
 * ```ts
 * import { lbfgsbMinimize } from "./lbfgsb";
 * const r = lbfgsbMinimize((x, g) => { g[0] = 2 * (x[0] - 3); return (x[0] - 3) ** 2; },
 *                          new Float64Array([0]), { upper: 1 });
 * // r.x = [1], r.activeBounds = 1
 * ```
 * @packageDocumentation
 */
export {
  lbfgsbMinimize,
  type LbfgsbOptions,
  type LbfgsbResult,
  type LbfgsbIterationInfo,
} from "./lbfgsbMinimize";
export { CompactLbfgsMatrix } from "./CompactLbfgsMatrix";
export { CauchyPoint } from "./cauchyPoint";
export { SubspaceMinimizer } from "./subspaceMinimization";
export { MoreThuenteLineSearch, type LineSearchTask } from "./lineSearch";
export { resolveBounds, type ResolvedBounds } from "./bounds";
