// Transcendental functions in the precision of T: AssemblyScript's own Math (f64) and
// Mathf (f32), ports of musl — never the host's Math, so every engine gives the same
// bits. Helpers only: nothing here is exported from the module.

/** e^x in T's own precision: Math.exp for f64, Mathf.exp for f32. */
// @ts-ignore: decorator
@inline export function expT<T>(x: T): T {
  if (sizeof<T>() == 8) return <T>Math.exp(<f64>x);
  return <T>Mathf.exp(<f32>x);
}

/** log(x) in T's precision. */
// @ts-ignore: decorator
@inline export function logT<T>(x: T): T {
  if (sizeof<T>() == 8) return <T>Math.log(<f64>x);
  return <T>Mathf.log(<f32>x);
}

/** log(1 + x) in T's precision. */
// @ts-ignore: decorator
@inline export function log1pT<T>(x: T): T {
  if (sizeof<T>() == 8) return <T>Math.log1p(<f64>x);
  return <T>Mathf.log1p(<f32>x);
}

/** tanh(x) in T's precision. */
// @ts-ignore: decorator
@inline export function tanhT<T>(x: T): T {
  if (sizeof<T>() == 8) return <T>Math.tanh(<f64>x);
  return <T>Mathf.tanh(<f32>x);
}

/** The logistic function 1/(1 + e^−z), written so that e^x never overflows. */
// @ts-ignore: decorator
@inline export function sigmoidT<T>(z: T): T {
  if (z >= <T>0) return <T>1 / (<T>1 + expT<T>(-z));
  const e = expT<T>(z);
  return e / (<T>1 + e);
}
