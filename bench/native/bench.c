// Native C reference kernels for the end-to-end workloads W1–W5 of bench/README.md,
// and a STREAM-like triad that measures memory bandwidth. Built and run by
// bench/src/native.mjs with:  gcc -O3 -march=native -fno-math-errno bench.c -lm
//
// Each kernel computes exactly what the workload defines (same update rules, same
// data generator, same evaluation point), in the straightforward way a careful C
// programmer writes it: row-major loops ordered for unit stride so GCC vectorizes them,
// reductions with eight partial sums (GCC will not reassociate a single sum without
// -ffast-math), no threads. Output: one JSON object on stdout.
//
// Usage: bench [--time MS] [--only W1,W3,...] [--no-triad]
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

// mulberry32, as in bench/src/harness.mjs `seeded`.
typedef struct { uint32_t a; } rng_t;
static double rng_next(rng_t *r) {
  r->a += 0x6d2b79f5u;
  uint32_t t = r->a;
  t = (t ^ (t >> 15)) * (t | 1u);
  t ^= t + (t ^ (t >> 7)) * (t | 61u);
  return (double)(t ^ (t >> 14)) / 4294967296.0;
}

static volatile double sink;

// Zeroed, 64-byte aligned blocks whose start offsets within a 4 KiB page differ from
// one allocation to the next: large blocks from malloc are all page-aligned plus the
// same header, and arrays sharing a page offset can suffer 4K aliasing (loads falsely
// waiting on stores), which made some runs of the same loop over 1.5x slower. The JS
// baselines stagger their arrays the same way (bench/src/plainLoops.mjs).
static unsigned stagger_count;
static void *xalloc(size_t bytes) {
  size_t shift = (size_t)(stagger_count++ % 13) * 320 % 4096;
  shift -= shift % 64;
  char *base = malloc(bytes + 2 * 4096 + sizeof(void *)); // room to align to a page, then shift < 4096
  if (!base) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
  uintptr_t start = ((uintptr_t)(base + sizeof(void *)) + 4095) & ~(uintptr_t)4095;
  char *p = (char *)(start + shift);
  ((void **)p)[-1] = base;
  memset(p, 0, bytes);
  return p;
}
static void xfree(void *p) {
  if (p) free(((void **)p)[-1]);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

typedef void (*job_fn)(void *);
typedef struct { double median, min, max; int samples, reps; } stats_t;

static double time_ms = 150; // least measuring time per job
static int min_samples = 7;

// Per-call times: samples of `reps` calls each, at least `time_ms` in total.
static stats_t measure(job_fn fn, void *ctx) {
  fn(ctx); // warm up (first touch, caches)
  double t0 = now_ms();
  fn(ctx);
  double once = now_ms() - t0;
  int reps = once >= 0.5 ? 1 : (int)ceil(0.5 / (once > 1e-6 ? once : 1e-6));
  int cap = 100000;
  double *samples = malloc(sizeof(double) * cap);
  int count = 0;
  double total = 0;
  while ((total < time_ms || count < min_samples) && count < cap) {
    double s = now_ms();
    for (int r = 0; r < reps; r++) fn(ctx);
    double e = now_ms() - s;
    samples[count++] = e / reps;
    total += e;
  }
  qsort(samples, count, sizeof(double), cmp_double);
  stats_t st = {
    count % 2 ? samples[count / 2] : 0.5 * (samples[count / 2 - 1] + samples[count / 2]),
    samples[0], samples[count - 1], count, reps,
  };
  free(samples);
  return st;
}

// ---------------------------------------------------------------- triad (bandwidth)
typedef struct { double *a, *b, *c; size_t n; } triad_t;
static void triad_run(void *p) {
  triad_t *t = p;
  double *restrict a = t->a;
  const double *restrict b = t->b, *restrict c = t->c;
  const double s = 3.0;
  for (size_t i = 0; i < t->n; i++) a[i] = b[i] + s * c[i];
  sink = a[t->n / 2];
}
/** Triad bandwidth in GB/s over three arrays of `footprint` bytes in all. */
static double triad_gbs(size_t footprint, stats_t *out) {
  triad_t t;
  t.n = footprint / 24;
  if (t.n < 1024) t.n = 1024;
  t.a = xalloc(t.n * 8);
  t.b = xalloc(t.n * 8);
  t.c = xalloc(t.n * 8);
  for (size_t i = 0; i < t.n; i++) { t.b[i] = 1.0 + i * 1e-9; t.c[i] = 2.0; }
  stats_t st = measure(triad_run, &t);
  xfree(t.a); xfree(t.b); xfree(t.c);
  if (out) *out = st;
  return 24.0 * t.n / (st.median * 1e6); // STREAM convention: 3 × 8 bytes per element
}

// ---------------------------------------------------------------- W1: Adam step
#define N1 1000000
typedef struct { void *p, *g, *m, *v; double b1t, b2t; } adam_t;
static void adam_f32(void *ctx) {
  adam_t *s = ctx;
  s->b1t *= 0.9; s->b2t *= 0.999;
  const float b1 = 0.9f, c1 = 0.1f, b2 = 0.999f, c2 = 0.001f, eps = 1e-8f;
  const float step = (float)(1e-3 / (1 - s->b1t)), bc2 = (float)sqrt(1 - s->b2t);
  float *restrict p = s->p, *restrict m = s->m, *restrict v = s->v;
  const float *restrict g = s->g;
  for (int i = 0; i < N1; i++) {
    float mi = b1 * m[i] + c1 * g[i];
    float vi = b2 * v[i] + c2 * (g[i] * g[i]);
    m[i] = mi; v[i] = vi;
    p[i] = p[i] - step * (mi / (sqrtf(vi) / bc2 + eps));
  }
}
static void adam_f64(void *ctx) {
  adam_t *s = ctx;
  s->b1t *= 0.9; s->b2t *= 0.999;
  const double b1 = 0.9, c1 = 0.1, b2 = 0.999, c2 = 0.001, eps = 1e-8;
  const double step = 1e-3 / (1 - s->b1t), bc2 = sqrt(1 - s->b2t);
  double *restrict p = s->p, *restrict m = s->m, *restrict v = s->v;
  const double *restrict g = s->g;
  for (int i = 0; i < N1; i++) {
    double mi = b1 * m[i] + c1 * g[i];
    double vi = b2 * v[i] + c2 * (g[i] * g[i]);
    m[i] = mi; v[i] = vi;
    p[i] = p[i] - step * (mi / (sqrt(vi) / bc2 + eps));
  }
}

// ---------------------------------------------------------------- W2: SGD momentum step
typedef struct { void *p, *g, *b; } sgd_t;
static void sgd_f32(void *ctx) {
  sgd_t *s = ctx;
  float *restrict p = s->p, *restrict b = s->b;
  const float *restrict g = s->g;
  for (int i = 0; i < N1; i++) {
    float bi = 0.9f * b[i] + g[i];
    b[i] = bi;
    p[i] = p[i] - 0.01f * bi;
  }
}
static void sgd_f64(void *ctx) {
  sgd_t *s = ctx;
  double *restrict p = s->p, *restrict b = s->b;
  const double *restrict g = s->g;
  for (int i = 0; i < N1; i++) {
    double bi = 0.9 * b[i] + g[i];
    b[i] = bi;
    p[i] = p[i] - 0.01 * bi;
  }
}

// ---------------------------------------------------------------- W3: logistic loss + gradient
#define D3 100
typedef struct { void *X, *y, *w, *grad; int rows; double loss; } logit_t;
static void logit_f32(void *ctx) {
  logit_t *s = ctx;
  const float *restrict X = s->X, *restrict y = s->y, *restrict w = s->w;
  float *restrict grad = s->grad;
  float acc[D3 + 1];
  memset(acc, 0, sizeof acc);
  double loss = 0;
  const float bias = w[D3];
  for (int r = 0; r < s->rows; r++) {
    const float *restrict row = X + (size_t)r * D3;
    float part[8] = {0};
    int j = 0;
    for (; j + 8 <= D3; j += 8)
      for (int k = 0; k < 8; k++) part[k] += row[j + k] * w[j + k];
    float z = bias;
    for (; j < D3; j++) z += row[j] * w[j];
    z += ((part[0] + part[1]) + (part[2] + part[3])) + ((part[4] + part[5]) + (part[6] + part[7]));
    loss += fmaxf(z, 0) - y[r] * z + log1pf(expf(-fabsf(z)));
    const float e = 1.0f / (1.0f + expf(-z)) - y[r];
    for (j = 0; j < D3; j++) acc[j] += e * row[j];
    acc[D3] += e;
  }
  const float inv = 1.0f / s->rows;
  for (int j = 0; j <= D3; j++) grad[j] = acc[j] * inv;
  s->loss = loss / s->rows;
}
static void logit_f64(void *ctx) {
  logit_t *s = ctx;
  const double *restrict X = s->X, *restrict y = s->y, *restrict w = s->w;
  double *restrict grad = s->grad;
  double acc[D3 + 1];
  memset(acc, 0, sizeof acc);
  double loss = 0;
  const double bias = w[D3];
  for (int r = 0; r < s->rows; r++) {
    const double *restrict row = X + (size_t)r * D3;
    double part[8] = {0};
    int j = 0;
    for (; j + 8 <= D3; j += 8)
      for (int k = 0; k < 8; k++) part[k] += row[j + k] * w[j + k];
    double z = bias;
    for (; j < D3; j++) z += row[j] * w[j];
    z += ((part[0] + part[1]) + (part[2] + part[3])) + ((part[4] + part[5]) + (part[6] + part[7]));
    loss += fmax(z, 0) - y[r] * z + log1p(exp(-fabs(z)));
    const double e = 1.0 / (1.0 + exp(-z)) - y[r];
    for (j = 0; j < D3; j++) acc[j] += e * row[j];
    acc[D3] += e;
  }
  const double inv = 1.0 / s->rows;
  for (int j = 0; j <= D3; j++) grad[j] = acc[j] * inv;
  s->loss = loss / s->rows;
}

// ---------------------------------------------------------------- W4: central differences
#define N4 100
static double ext_rosenbrock(const double *x) {
  double f = 0;
  for (int i = 0; i < N4; i += 2) {
    double a = 10 * (x[i + 1] - x[i] * x[i]), b = 1 - x[i];
    f += a * a + b * b;
  }
  return f;
}
typedef struct { double x[N4], g[N4]; } fd_t;
static void fd_run(void *ctx) {
  fd_t *s = ctx;
  const double cbrt_eps = 6.0554544523933395e-6; // ∛(2⁻⁵²)
  double xs[N4];
  memcpy(xs, s->x, sizeof xs);
  for (int i = 0; i < N4; i++) {
    const double xi = s->x[i];
    const double h0 = cbrt_eps * fmax(1.0, fabs(xi));
    const double xp = xi + h0, xm = xi - h0;
    xs[i] = xp;
    const double fp = ext_rosenbrock(xs);
    xs[i] = xm;
    const double fm = ext_rosenbrock(xs);
    xs[i] = xi;
    s->g[i] = (fp - fm) / (xp - xm);
  }
  sink = s->g[0];
}

// ---------------------------------------------------------------- W5: MLP training step
#define IN 784
#define HID 128
#define OUT 10
#define BATCH 64
#define NPARAM (IN * HID + HID + HID * OUT + OUT)
typedef struct {
  float *x;      // BATCH × IN
  int *label;    // BATCH
  float *params, *grads, *m, *v; // NPARAM each: W1 (IN×HID), b1, W2 (HID×OUT), b2
  float *h;      // BATCH × HID (post-ReLU)
  float *dh;     // BATCH × HID
  float *logits; // BATCH × OUT
  double b1t, b2t, loss;
} mlp_t;
static void mlp_step(void *ctx) {
  mlp_t *s = ctx;
  float *restrict W1 = s->params, *restrict B1 = W1 + IN * HID, *restrict W2 = B1 + HID, *restrict B2 = W2 + HID * OUT;
  float *restrict gW1 = s->grads, *restrict gB1 = gW1 + IN * HID, *restrict gW2 = gB1 + HID, *restrict gB2 = gW2 + HID * OUT;
  float *restrict h = s->h, *restrict dh = s->dh, *restrict logits = s->logits;
  const float *restrict x = s->x;
  // forward: h = relu(x W1 + b1)
  for (int b = 0; b < BATCH; b++) {
    float *restrict hb = h + b * HID;
    for (int j = 0; j < HID; j++) hb[j] = B1[j];
    const float *restrict xb = x + b * IN;
    for (int k = 0; k < IN; k++) {
      const float xv = xb[k];
      const float *restrict wk = W1 + k * HID;
      for (int j = 0; j < HID; j++) hb[j] += xv * wk[j];
    }
    for (int j = 0; j < HID; j++) hb[j] = hb[j] > 0 ? hb[j] : 0;
  }
  // logits = h W2 + b2; softmax cross-entropy; dlogits = (softmax − onehot)/BATCH
  double loss = 0;
  memset(gW2, 0, sizeof(float) * HID * OUT);
  memset(gB2, 0, sizeof(float) * OUT);
  for (int b = 0; b < BATCH; b++) {
    float *restrict lb = logits + b * OUT;
    const float *restrict hb = h + b * HID;
    for (int o = 0; o < OUT; o++) lb[o] = B2[o];
    for (int j = 0; j < HID; j++) {
      const float hv = hb[j];
      for (int o = 0; o < OUT; o++) lb[o] += hv * W2[j * OUT + o];
    }
    float mx = lb[0];
    for (int o = 1; o < OUT; o++) mx = lb[o] > mx ? lb[o] : mx;
    float sum = 0;
    for (int o = 0; o < OUT; o++) { lb[o] = expf(lb[o] - mx); sum += lb[o]; }
    loss += logf(sum) - logf(lb[s->label[b]]);
    const float inv = 1.0f / (sum * BATCH);
    for (int o = 0; o < OUT; o++) lb[o] *= inv; // softmax / BATCH
    lb[s->label[b]] -= 1.0f / BATCH;             // now dlogits
    for (int o = 0; o < OUT; o++) gB2[o] += lb[o];
    // gW2 += hᵀ dlogits; dh = dlogits W2ᵀ masked by ReLU
    float *restrict dhb = dh + b * HID;
    for (int j = 0; j < HID; j++) {
      const float hv = hb[j];
      float acc = 0;
      for (int o = 0; o < OUT; o++) {
        gW2[j * OUT + o] += hv * lb[o];
        acc += lb[o] * W2[j * OUT + o];
      }
      dhb[j] = hv > 0 ? acc : 0;
    }
  }
  s->loss = loss / BATCH;
  // gW1 = xᵀ dh; gB1 = Σ dh
  for (int j = 0; j < HID; j++) gB1[j] = 0;
  for (int b = 0; b < BATCH; b++)
    for (int j = 0; j < HID; j++) gB1[j] += dh[b * HID + j];
  for (int k = 0; k < IN; k++) {
    float *restrict gk = gW1 + k * HID;
    for (int j = 0; j < HID; j++) gk[j] = 0;
    for (int b = 0; b < BATCH; b++) {
      const float xv = x[b * IN + k];
      const float *restrict db = dh + b * HID;
      for (int j = 0; j < HID; j++) gk[j] += xv * db[j];
    }
  }
  // Adam (lr 1e-3) over every parameter
  s->b1t *= 0.9; s->b2t *= 0.999;
  const float step = (float)(1e-3 / (1 - s->b1t)), bc2 = (float)sqrt(1 - s->b2t);
  float *restrict p = s->params, *restrict m = s->m, *restrict v = s->v;
  const float *restrict g = s->grads;
  for (int i = 0; i < NPARAM; i++) {
    float mi = 0.9f * m[i] + 0.1f * g[i];
    float vi = 0.999f * v[i] + 0.001f * (g[i] * g[i]);
    m[i] = mi; v[i] = vi;
    p[i] = p[i] - step * (mi / (sqrtf(vi) / bc2 + 1e-8f));
  }
}

// ---------------------------------------------------------------- driver
static int first = 1;
static void emit(const char *id, const char *precision, const char *label, stats_t st, double bytes, double footprint, double flops, const char *extra) {
  printf("%s\n    {\"id\": \"%s\", \"precision\": \"%s\", \"label\": \"%s\", \"median\": %.6g, \"min\": %.6g, \"max\": %.6g, "
         "\"samples\": %d, \"reps\": %d, \"bytes\": %.0f, \"footprint\": %.0f, \"flops\": %.0f%s}",
         first ? "" : ",", id, precision, label, st.median, st.min, st.max, st.samples, st.reps, bytes, footprint, flops, extra ? extra : "");
  first = 0;
  fflush(stdout);
}

static int wanted(const char *only, const char *id) {
  if (!only) return 1;
  const char *p = strstr(only, id);
  return p != NULL;
}

int main(int argc, char **argv) {
  const char *only = NULL;
  int triad = 1;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--time") && i + 1 < argc) time_ms = atof(argv[++i]);
    else if (!strcmp(argv[i], "--samples") && i + 1 < argc) min_samples = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    else if (!strcmp(argv[i], "--no-triad")) triad = 0;
  }
  printf("{\n  \"results\": [");
  char extra[256];

  if (wanted(only, "W1") || wanted(only, "W2")) {
    for (int prec = 0; prec < 2; prec++) {
      size_t es = prec ? 8 : 4;
      void *p = xalloc(N1 * es), *g = xalloc(N1 * es), *m = xalloc(N1 * es), *v = xalloc(N1 * es);
      for (int i = 0; i < N1; i++) {
        if (prec) { ((double *)p)[i] = sin(i); ((double *)g)[i] = cos(i) * 1e-3; }
        else { ((float *)p)[i] = (float)sin(i); ((float *)g)[i] = (float)(cos(i) * 1e-3); }
      }
      const char *pn = prec ? "float64" : "float32";
      if (wanted(only, "W1")) {
        adam_t a = { p, g, m, v, 1, 1 };
        stats_t st = measure(prec ? adam_f64 : adam_f32, &a);
        emit("W1", pn, "Adam step, n = 1e6", st, 7.0 * es * N1, 4.0 * es * N1, 0, NULL);
      }
      if (wanted(only, "W2")) {
        sgd_t s = { p, g, m };
        stats_t st = measure(prec ? sgd_f64 : sgd_f32, &s);
        emit("W2", pn, "SGD-momentum step, n = 1e6", st, 5.0 * es * N1, 3.0 * es * N1, 0, NULL);
      }
      xfree(p); xfree(g); xfree(m); xfree(v);
    }
  }

  if (wanted(only, "W3")) {
    const int sizes[2] = { 10000, 100000 };
    for (int si = 0; si < 2; si++) {
      for (int prec = 0; prec < 2; prec++) {
        const int rows = sizes[si];
        size_t es = prec ? 8 : 4;
        void *X = xalloc((size_t)rows * D3 * es), *y = xalloc(rows * es), *w = xalloc((D3 + 1) * es), *grad = xalloc((D3 + 1) * es);
        // The data of bench/src/data.mjs `logisticData`: X uniform in [−1, 1) (seed 3),
        // true weights (seed 4), labels y = [u < σ(x·w*)] (seed 5); evaluation point w.
        rng_t rx = { 3 }, rw = { 4 }, ry = { 5 };
        double wstar[D3];
        for (int j = 0; j < D3; j++) wstar[j] = 2 * rng_next(&rw) - 1;
        for (size_t i = 0; i < (size_t)rows * D3; i++) {
          double val = 2 * rng_next(&rx) - 1;
          if (prec) ((double *)X)[i] = val; else ((float *)X)[i] = (float)val;
        }
        for (int r = 0; r < rows; r++) {
          double z = 0;
          for (int j = 0; j < D3; j++) z += (prec ? ((double *)X)[(size_t)r * D3 + j] : ((float *)X)[(size_t)r * D3 + j]) * wstar[j];
          double label = rng_next(&ry) < 1 / (1 + exp(-z)) ? 1 : 0;
          if (prec) ((double *)y)[r] = label; else ((float *)y)[r] = (float)label;
        }
        for (int j = 0; j <= D3; j++) {
          double val = j < D3 ? 0.01 * ((j % 11) - 5) : 0.1;
          if (prec) ((double *)w)[j] = val; else ((float *)w)[j] = (float)val;
        }
        logit_t s = { X, y, w, grad, rows, 0 };
        stats_t st = measure(prec ? logit_f64 : logit_f32, &s);
        snprintf(extra, sizeof extra, ", \"rows\": %d, \"loss\": %.10g", rows, s.loss);
        const double bytes = ((double)rows * D3 + rows) * es;
        emit("W3", prec ? "float64" : "float32", rows == 10000 ? "logistic loss+grad, 10,000 × 100" : "logistic loss+grad, 100,000 × 100",
             st, bytes, bytes, 4.0 * rows * D3, extra);
        xfree(X); xfree(y); xfree(w); xfree(grad);
      }
    }
  }

  if (wanted(only, "W4")) {
    fd_t s;
    for (int i = 0; i < N4; i++) s.x[i] = i % 2 ? 1.0 : -1.2;
    stats_t st = measure(fd_run, &s);
    snprintf(extra, sizeof extra, ", \"gradient0\": %.10g", s.g[0]);
    emit("W4", "float64", "central-difference gradient, ext. Rosenbrock n = 100", st, 0, 2.0 * N4 * 8, 0, extra);
  }

  if (wanted(only, "W5")) {
    mlp_t s;
    s.x = xalloc(sizeof(float) * BATCH * IN);
    s.label = xalloc(sizeof(int) * BATCH);
    s.params = xalloc(sizeof(float) * NPARAM);
    s.grads = xalloc(sizeof(float) * NPARAM);
    s.m = xalloc(sizeof(float) * NPARAM);
    s.v = xalloc(sizeof(float) * NPARAM);
    s.h = xalloc(sizeof(float) * BATCH * HID);
    s.dh = xalloc(sizeof(float) * BATCH * HID);
    s.logits = xalloc(sizeof(float) * BATCH * OUT);
    s.b1t = s.b2t = 1;
    // The data of bench/src/data.mjs `mlpData`: inputs uniform in [0, 1) (seed 11),
    // labels b mod 10, He-uniform weights (seed 12), zero biases.
    rng_t rx = { 11 }, rp = { 12 };
    for (int i = 0; i < BATCH * IN; i++) s.x[i] = (float)rng_next(&rx);
    for (int b = 0; b < BATCH; b++) s.label[b] = b % OUT;
    const double l1 = sqrt(6.0 / IN), l2 = sqrt(6.0 / HID);
    for (int i = 0; i < IN * HID; i++) s.params[i] = (float)((2 * rng_next(&rp) - 1) * l1);
    for (int i = 0; i < HID * OUT; i++) s.params[IN * HID + HID + i] = (float)((2 * rng_next(&rp) - 1) * l2);
    mlp_t probe = s;
    mlp_step(&probe); // the first step's loss, before timing moves the weights
    double first_loss = probe.loss;
    stats_t st = measure(mlp_step, &s);
    snprintf(extra, sizeof extra, ", \"loss\": %.10g", first_loss);
    const double flops = 2.0 * BATCH * IN * HID * 2 + 2.0 * BATCH * HID * OUT * 3;
    const double bytes = 4.0 * (BATCH * IN + 2.0 * IN * HID + 7.0 * NPARAM);
    emit("W5", "float32", "MLP 784-128-10 training step, batch 64", st, bytes, 4.0 * (BATCH * IN + 4.0 * NPARAM), flops, extra);
  }
  printf("\n  ]");

  if (triad) {
    // Bandwidth at the footprints the workloads touch, and from main memory.
    const double footprints[] = { 1.83e6, 4.04e6, 8.08e6, 12e6, 16e6, 24e6, 32e6, 40.4e6, 80.8e6, 384e6 };
    printf(",\n  \"triad\": [");
    for (size_t i = 0; i < sizeof footprints / sizeof footprints[0]; i++) {
      stats_t st;
      double gbs = triad_gbs((size_t)footprints[i], &st);
      printf("%s\n    {\"footprint\": %.0f, \"gbs\": %.4g, \"median\": %.6g}", i ? "," : "", footprints[i], gbs, st.median);
      fflush(stdout);
    }
    printf("\n  ]");
  }
  printf("\n}\n");
  return 0;
}
