package org.autograd4j.core;

/**
 * {@code exp} over a range of an array, in passes that HotSpot's C2 compiles to vector instructions: the hot kernels
 * of small networks (sigmoid, log-softmax) spent most of their time in {@link Math#exp}, one call per element (about
 * 5 ns each on the 2-vCPU EPYC of issue 14), which no JIT vectorises.
 *
 * <p>How: {@code exp(x) = 2^k · exp(r)} with {@code k = round(x / ln 2)} (the 1.5·2^52 shift trick, so no conversion
 * to long is needed in the vector pass) and {@code r = x − k ln 2} in two parts (Cody–Waite), {@code |r| ≤ ln2/2};
 * {@code exp(r)} by its Taylor polynomial of degree 13 (truncation below 10^-17 relative, far under half an ulp);
 * a second, scalar pass adds {@code k} to the exponent bits and hands the arguments outside {@code [-708, 709]}
 * (overflow, subnormal results, infinities and NaN) to {@link Math#exp}. The result is within one
 * ulp of {@link Math#exp} (which is itself within one ulp of exp): float64 precision, the accuracy PyTorch's own
 * vectorised {@code exp} (SLEEF's {@code u10}) documents. Eager and captured execution run the same loops, so they
 * still agree bit for bit.
 */
final class ExpLoop {
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2^52: adding it rounds to an integer and leaves that integer in the low bits of the mantissa. */
    private static final double SHIFT = 0x1.8p52;
    /** The range where {@code 2^k} with the polynomial is a normal double; outside it, {@link Math#exp}. */
    private static final double LOW = -708.0;
    private static final double HIGH = 709.0;

    private ExpLoop() {
    }

    /**
     * {@code y[i] = exp(x[i])} for {@code i} in {@code [from, to)}.
     *
     * @param x the arguments; not written, and not the same array as {@code y}
     */
    static void exp(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = Math.min(Math.max(x[i], LOW), HIGH);
            y[i] = polynomial(v, (v * LOG2E + SHIFT) - SHIFT);
        }
        for (int i = from; i < to; i++) {
            y[i] = finish(x[i], y[i]);
        }
    }

    /**
     * {@code y[i] = exp(-|x[i]|)} for {@code i} in {@code [from, to)}: the exp that sigmoid needs, which never
     * overflows.
     *
     * @param x the arguments; not written, and not the same array as {@code y}
     */
    static void expNegAbs(double[] x, double[] y, int from, int to) {
        polynomialNegAbs(x, y, from, to);
        for (int i = from; i < to; i++) {
            y[i] = finish(-Math.abs(x[i]), y[i]);
        }
    }

    /**
     * The vector pass of {@link #expNegAbs}: {@code y[i] = exp(r)} of the reduced argument, which {@link #finish}
     * completes. For callers that fuse their own scalar work into the second pass.
     */
    static void polynomialNegAbs(double[] x, double[] y, int from, int to) {
        // one store per iteration: with a second array written (k) C2 assumed the two might overlap and did not
        // vectorise (measured 8 against 1.3 ns per element); so the second pass recomputes k, two flops
        for (int i = from; i < to; i++) {
            double v = Math.max(-Math.abs(x[i]), LOW);
            y[i] = polynomial(v, (v * LOG2E + SHIFT) - SHIFT);
        }
    }

    /**
     * {@code exp(v)} from {@code p}, what the vector pass left for {@code v}: {@code p · 2^k} inside the normal range,
     * {@link Math#exp} outside it (a branch taken almost never, so predicted).
     */
    static double finish(double v, double p) {
        if (v >= LOW && v <= HIGH) {
            double t = v * LOG2E + SHIFT;
            // k is in t's low mantissa bits (two's complement); shifted into the exponent field it adds k to p's
            return Double.longBitsToDouble(Double.doubleToRawLongBits(p) + (Double.doubleToRawLongBits(t) << 52));
        }
        return Math.exp(v);
    }

    /** {@code exp(v − k ln 2)}, {@code k} an integer in double. */
    private static double polynomial(double v, double k) {
        double r = (v - k * LN2_HI) - k * LN2_LO;
        double p = 1.0 / 6227020800.0;
        p = p * r + 1.0 / 479001600.0;
        p = p * r + 1.0 / 39916800.0;
        p = p * r + 1.0 / 3628800.0;
        p = p * r + 1.0 / 362880.0;
        p = p * r + 1.0 / 40320.0;
        p = p * r + 1.0 / 5040.0;
        p = p * r + 1.0 / 720.0;
        p = p * r + 1.0 / 120.0;
        p = p * r + 1.0 / 24.0;
        p = p * r + 1.0 / 6.0;
        p = p * r + 0.5;
        p = p * r + 1.0;
        return p * r + 1.0;
    }
}
