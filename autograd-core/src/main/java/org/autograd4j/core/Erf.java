package org.autograd4j.core;

/** The error function: {@code d/dx erf(x) = 2/√π · exp(-x²)}. What exact GELU needs. */
final class Erf extends Node {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private Erf(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Recorded.map("erf", x, Erf::value);
        return Node.recording(x) ? Node.attach(out, new Erf(x)) : out;
    }

    /**
     * erf to double precision. Below |x| = 3 the series {@code 2/√π e^{-x²} Σ 2ⁿ x^{2n+1} / (1·3···(2n+1))} has only
     * positive terms, so nothing cancels; above, erfc's continued fraction converges in a few dozen steps.
     */
    static double value(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double r;
        if (a < 3.0) {
            double term = a;
            double sum = a;
            double x2 = a * a;
            for (int n = 1; n < 200 && term > sum * 1e-17; n++) {
                term *= 2.0 * x2 / (2 * n + 1);
                sum += term;
            }
            r = TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
        } else if (a < 6.5) {
            r = 1.0 - erfcContinuedFraction(a);
        } else {
            r = 1.0;
        }
        return x < 0 ? -r : r;
    }

    /** erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), by the modified Lentz method. */
    private static double erfcContinuedFraction(double x) {
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double an = k / 2.0;
            d = x + an * d;
            d = d == 0 ? tiny : d;
            c = x + an / c;
            c = c == 0 ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        return new Tensor[] {gradOut.mul(x.mul(x).neg().exp().mul(TWO_OVER_SQRT_PI))};
    }
}
