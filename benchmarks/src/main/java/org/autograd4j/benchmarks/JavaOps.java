package org.autograd4j.benchmarks;

/**
 * The plain-Java baseline of {@link OpBench}: straightforward loops over {@code float[]}, each returning a new array,
 * with the loop orders that let HotSpot vectorise them.
 */
final class JavaOps {
    private JavaOps() {
    }

    static float[] add(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    static float[] mul(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    static float[] sigmoid(float[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (1.0 / (1.0 + Math.exp(-a[i])));
        }
        return out;
    }

    /** g · s · (1 − s). */
    static float[] sigmoidBackward(float[] g, float[] s) {
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = g[i] * s[i] * (1f - s[i]);
        }
        return out;
    }

    static float sum(float[] a) {
        float s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    static float[] filled(int n, float v) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    /** a[m×k] · b[k×n], i-p-j order. */
    static float[] matmul(float[] a, float[] b, int m, int k, int n) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float v = a[i * k + p];
                int bo = p * n;
                int co = i * n;
                for (int j = 0; j < n; j++) {
                    c[co + j] += v * b[bo + j];
                }
            }
        }
        return c;
    }

    /**
     * a[m×k] · b[n×k]ᵀ: b is transposed into a temporary first, so the product runs in the vectorisable i-p-j order
     * (dot products would be a float reduction, which HotSpot does not vectorise).
     */
    static float[] matmulTransB(float[] a, float[] b, int m, int k, int n) {
        float[] bt = new float[k * n];
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < k; p++) {
                bt[p * n + j] = b[j * k + p];
            }
        }
        return matmul(a, bt, m, k, n);
    }

    /** a[m×k]ᵀ · b[m×n] → [k×n], accumulating row i of b into row p of c. */
    static float[] matmulTransA(float[] a, float[] b, int m, int k, int n) {
        float[] c = new float[k * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float v = a[i * k + p];
                int bo = i * n;
                int co = p * n;
                for (int j = 0; j < n; j++) {
                    c[co + j] += v * b[bo + j];
                }
            }
        }
        return c;
    }
}
