// The "plain TS loop" baseline: what a user writes by hand without downhill. Ordinary
// JavaScript on typed arrays, with no Math.fround: for Float32Array the arithmetic runs
// in float64 and is rounded only when stored, which is much cheaper than the TS
// backend's exact float32 emulation (a Math.fround after every operation, to match
// WebAssembly bit for bit). Comparing float32 results with this loop is the honest
// ratio; comparing with the TS backend flatters WebAssembly.
//
// Each precision has its own copy of each loop (not one generic function), as a user
// with one precision would have: one function fed both array types turns polymorphic.
//
// The baselines' arrays come from `staggeredArrays`: one buffer, each array starting at
// a different offset within a 4 KiB page. Separately allocated large typed arrays are
// all page-aligned, and a streaming loop over arrays that share a page offset can hit
// 4K aliasing: the same Adam loop measured 6.6 ms or 11.3 ms from run to run depending
// on where the arrays landed. downhill's heap packs its vectors back to back (16-byte
// alignment), which staggers them, so without this the baseline would be unlucky at
// random. bench/native/bench.c staggers its arrays the same way.

/**
 * `count` typed arrays of length n carved from one ArrayBuffer at staggered offsets
 * (64-byte aligned, never the same offset modulo 4096 for count ≤ 12).
 */
export function staggeredArrays(Ctor, n, count) {
  const bytes = n * Ctor.BYTES_PER_ELEMENT;
  const starts = [];
  let offset = 0;
  for (let k = 0; k < count; k++) {
    const page = offset + ((4096 - (offset % 4096)) % 4096);
    starts.push(page + ((k * 320) % 4096) - (((k * 320) % 4096) % 64));
    offset = starts[k] + bytes;
  }
  const buffer = new ArrayBuffer(offset);
  return starts.map((start) => new Ctor(buffer, start, n));
}

/** An allocator that hands out staggered arrays, `count` at most. */
export function arena(Ctor, n, count) {
  const arrays = staggeredArrays(Ctor, n, count);
  return () => {
    if (!arrays.length) throw new Error("arena exhausted");
    return arrays.shift();
  };
}

/** Adam (PyTorch's rule, no weight decay) on Float64Arrays. */
export function plainAdam64(n, { learningRate = 1e-3, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = {}, alloc = () => new Float64Array(n)) {
  const m = alloc();
  const v = alloc();
  let beta1t = 1;
  let beta2t = 1;
  return {
    step(p, g) {
      beta1t *= beta1;
      beta2t *= beta2;
      const stepSize = learningRate / (1 - beta1t);
      const bc2 = Math.sqrt(1 - beta2t);
      const c1 = 1 - beta1;
      const c2 = 1 - beta2;
      for (let i = 0; i < p.length; i++) {
        const gi = g[i];
        const mi = beta1 * m[i] + c1 * gi;
        const vi = beta2 * v[i] + c2 * gi * gi;
        m[i] = mi;
        v[i] = vi;
        p[i] -= (stepSize * mi) / (Math.sqrt(vi) / bc2 + epsilon);
      }
    },
  };
}

/** Adam on Float32Arrays: the same loop, a separate function. */
export function plainAdam32(n, { learningRate = 1e-3, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = {}, alloc = () => new Float32Array(n)) {
  const m = alloc();
  const v = alloc();
  let beta1t = 1;
  let beta2t = 1;
  return {
    step(p, g) {
      beta1t *= beta1;
      beta2t *= beta2;
      const stepSize = learningRate / (1 - beta1t);
      const bc2 = Math.sqrt(1 - beta2t);
      const c1 = 1 - beta1;
      const c2 = 1 - beta2;
      for (let i = 0; i < p.length; i++) {
        const gi = g[i];
        const mi = beta1 * m[i] + c1 * gi;
        const vi = beta2 * v[i] + c2 * gi * gi;
        m[i] = mi;
        v[i] = vi;
        p[i] -= (stepSize * mi) / (Math.sqrt(vi) / bc2 + epsilon);
      }
    },
  };
}

/** SGD with momentum μ (PyTorch's rule: b ← g on the first step, then b ← μb + g; p ← p − ηb). */
export function plainSgd64(n, { learningRate = 0.01, momentum = 0.9 } = {}, alloc = () => new Float64Array(n)) {
  const b = alloc();
  let first = true;
  return {
    step(p, g) {
      if (first) {
        for (let i = 0; i < p.length; i++) {
          b[i] = g[i];
          p[i] -= learningRate * g[i];
        }
        first = false;
        return;
      }
      for (let i = 0; i < p.length; i++) {
        const bi = momentum * b[i] + g[i];
        b[i] = bi;
        p[i] -= learningRate * bi;
      }
    },
  };
}

/** SGD with momentum on Float32Arrays. */
export function plainSgd32(n, { learningRate = 0.01, momentum = 0.9 } = {}, alloc = () => new Float32Array(n)) {
  const b = alloc();
  let first = true;
  return {
    step(p, g) {
      if (first) {
        for (let i = 0; i < p.length; i++) {
          b[i] = g[i];
          p[i] -= learningRate * g[i];
        }
        first = false;
        return;
      }
      for (let i = 0; i < p.length; i++) {
        const bi = momentum * b[i] + g[i];
        b[i] = bi;
        p[i] -= learningRate * bi;
      }
    },
  };
}

/** Σ xᵢyᵢ, the loop a user writes. */
export function plainDot(x, y) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/** y ← y + αx, the loop a user writes. */
export function plainAxpy(alpha, x, y) {
  for (let i = 0; i < x.length; i++) y[i] += alpha * x[i];
}

/**
 * W3 by hand: mean logistic loss and its gradient over dense row-major rows, one pass
 * (each row's margin, then its contribution to the gradient while the row is hot).
 * w has d + 1 entries: d weights, then the bias. Returns the loss; writes grad.
 */
export function plainLogistic64(X, y, rows, d, w, grad) {
  grad.fill(0);
  let loss = 0;
  const bias = w[d];
  for (let r = 0; r < rows; r++) {
    const o = r * d;
    let z = bias;
    for (let j = 0; j < d; j++) z += X[o + j] * w[j];
    // log(1 + e^z) − y·z, stably
    loss += Math.max(z, 0) - y[r] * z + Math.log1p(Math.exp(-Math.abs(z)));
    const e = 1 / (1 + Math.exp(-z)) - y[r];
    for (let j = 0; j < d; j++) grad[j] += e * X[o + j];
    grad[d] += e;
  }
  const inv = 1 / rows;
  for (let j = 0; j <= d; j++) grad[j] *= inv;
  return loss * inv;
}

/** W3 by hand on Float32Arrays (float64 arithmetic, float32 storage). */
export function plainLogistic32(X, y, rows, d, w, grad) {
  grad.fill(0);
  let loss = 0;
  const bias = w[d];
  for (let r = 0; r < rows; r++) {
    const o = r * d;
    let z = bias;
    for (let j = 0; j < d; j++) z += X[o + j] * w[j];
    loss += Math.max(z, 0) - y[r] * z + Math.log1p(Math.exp(-Math.abs(z)));
    const e = 1 / (1 + Math.exp(-z)) - y[r];
    for (let j = 0; j < d; j++) grad[j] += e * X[o + j];
    grad[d] += e;
  }
  const inv = 1 / rows;
  for (let j = 0; j <= d; j++) grad[j] *= inv;
  return loss * inv;
}
