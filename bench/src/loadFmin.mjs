// fmin 0.0.4 ships a UMD build under "type": "module": imported as ESM it exports
// nothing and installs itself as globalThis.fmin instead (its source entry, index.js,
// uses extensionless imports that Node's ESM loader rejects). This works in Node and in
// the esbuild bundle alike.
import "fmin";

export const fmin = globalThis.fmin;
