package org.autograd4j.core.backend;

/** float64 ↔ float32 array conversions for the backend's tests (core's {@code Kernels} is not visible here). */
final class Floats {
    private Floats() {
    }

    /** The values rounded to float32. */
    static float[] narrow(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    /** The values as doubles (exact). */
    static double[] widen(float[] f) {
        double[] a = new double[f.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = f[i];
        }
        return a;
    }
}
