package org.autograd4j.nn.optim;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.Tensor;

/**
 * Gradient clipping, as PyTorch's {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. Call it between
 * {@code backward()} and {@link Optimizer#step()}:
 *
 * <pre>{@code
 * loss.backward();
 * double norm = GradClip.clipGradNorm(model.parameters(), 1.0, 2.0);
 * optimizer.step();
 * }</pre>
 *
 * <p><b>Note (aliasing).</b> Gradients are replaced through {@link Tensor#setGrad}, never scaled in place: the tape may
 * hand the same gradient storage to several leaves (the two inputs of an addition), and scaling it in place would
 * clip it twice. Parameters whose {@code grad()} is null are ignored.
 */
public final class GradClip {
    private GradClip() {
    }

    /**
     * {@link #clipGradNorm(List, double, double)} with the Euclidean norm ({@code normType = 2}).
     *
     * @param params the parameters whose gradients are scaled; those without a gradient are skipped
     * @param maxNorm the largest total norm allowed, at least 0
     * @return the total norm before clipping; 0 if no parameter has a gradient
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2.0, false);
    }

    /**
     * Scales all gradients together so that their total norm is at most {@code maxNorm}: the total norm {@code n} is
     * the {@code normType}-norm of all gradient elements taken as one vector (the largest magnitude for infinity), and
     * every gradient is multiplied by {@code min(1, maxNorm / (n + 1e-6))}. A non-finite norm is not an error here
     * (the gradients become NaN), as in PyTorch's default.
     *
     * @param params the parameters whose gradients are scaled; those without a gradient are skipped
     * @param maxNorm the largest total norm allowed, at least 0
     * @param normType a positive order {@code p}, or {@link Double#POSITIVE_INFINITY}
     * @return the total norm before clipping; 0 if no parameter has a gradient
     * @throws IllegalArgumentException if {@code maxNorm} is negative or NaN, or {@code normType} is not positive
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm, double normType) {
        return clipGradNorm(params, maxNorm, normType, false);
    }

    /**
     * As {@link #clipGradNorm(List, double, double)}, optionally failing instead of clipping when the total norm is
     * NaN or infinite (PyTorch's {@code error_if_nonfinite}).
     *
     * @param params the parameters whose gradients are scaled; those without a gradient are skipped
     * @param maxNorm the largest total norm allowed, at least 0
     * @param normType a positive order {@code p}, or {@link Double#POSITIVE_INFINITY}
     * @param errorIfNonfinite throw rather than clip when the total norm is NaN or infinite
     * @return the total norm before clipping; 0 if no parameter has a gradient
     * @throws IllegalStateException if {@code errorIfNonfinite} and the total norm is not finite; gradients untouched
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm, double normType,
            boolean errorIfNonfinite) {
        if (!(maxNorm >= 0)) {
            throw new IllegalArgumentException("clipGradNorm: maxNorm must be >= 0, got " + maxNorm);
        }
        if (!(normType > 0)) {
            throw new IllegalArgumentException("clipGradNorm: normType must be > 0 or infinity, got " + normType);
        }
        List<Tensor> withGrad = withGrad("clipGradNorm", params);
        if (withGrad.isEmpty()) {
            return 0.0;
        }
        double[] norms = new double[withGrad.size()];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = norm(withGrad.get(i).grad().toDoubleArray(), normType);
        }
        double total = norm(norms, normType);
        if (errorIfNonfinite && !Double.isFinite(total)) {
            throw new IllegalStateException("clipGradNorm: the total norm of order " + normType
                    + " of the gradients is " + total + "; they cannot be clipped");
        }
        double coef = Math.min(maxNorm / (total + 1e-6), 1.0);
        if (coef != 1.0) {
            try (Autograd.Scope scope = Autograd.noGrad()) {
                List<Tensor> grads = new ArrayList<>(withGrad.size());
                for (Tensor p : withGrad) {
                    grads.add(p.grad());
                }
                for (int i = 0; i < grads.size(); i++) {
                    withGrad.get(i).setGrad(grads.get(i).mul(coef));
                }
            }
        }
        return total;
    }

    /**
     * Clamps every gradient element to {@code [-clip, clip]}.
     *
     * @param params the parameters whose gradients are clamped; those without a gradient are skipped
     * @param clip the largest magnitude allowed, at least 0
     * @throws IllegalArgumentException if {@code clip} is negative or NaN
     */
    public static void clipGradValue(List<Tensor> params, double clip) {
        if (!(clip >= 0)) {
            throw new IllegalArgumentException("clipGradValue: clip must be >= 0, got " + clip);
        }
        try (Autograd.Scope scope = Autograd.noGrad()) {
            for (Tensor p : withGrad("clipGradValue", params)) {
                p.setGrad(p.grad().clamp(-clip, clip));
            }
        }
    }

    /**
     * The {@code p}-norm of {@code v}: {@code (sum |v_i|^p)^(1/p)}, or {@code max |v_i|}
     * for infinity (NaN if any value is NaN). Sums run in four interleaved partial sums, for speed; the order of
     * additions differs from a left-to-right sum only in the last bits, as PyTorch's vectorized sums do too.
     */
    static double norm(double[] v, double p) {
        if (p == Double.POSITIVE_INFINITY) {
            double max = 0;
            for (double x : v) {
                double a = Math.abs(x);
                max = a > max || Double.isNaN(a) ? a : max;
            }
            return max;
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = v.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += term(v[j], p);
            s1 += term(v[j + 1], p);
            s2 += term(v[j + 2], p);
            s3 += term(v[j + 3], p);
        }
        for (; j < n; j++) {
            s0 += term(v[j], p);
        }
        double sum = (s0 + s1) + (s2 + s3);
        return p == 2 ? Math.sqrt(sum) : p == 1 ? sum : Math.pow(sum, 1 / p);
    }

    private static double term(double x, double p) {
        return p == 2 ? x * x : p == 1 ? Math.abs(x) : Math.pow(Math.abs(x), p);
    }

    private static List<Tensor> withGrad(String op, List<Tensor> params) {
        if (params == null) {
            throw new IllegalArgumentException(op + ": parameter list is null");
        }
        List<Tensor> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (p == null) {
                throw new IllegalArgumentException(op + ": parameter " + i + " is null");
            }
            if (p.grad() != null) {
                out.add(p);
            }
        }
        return out;
    }
}
