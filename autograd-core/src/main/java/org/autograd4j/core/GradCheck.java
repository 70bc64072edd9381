package org.autograd4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The numerical oracle: compares the gradients autodiff computes with central differences in float64, with PyTorch's
 * {@code gradcheck} tolerances by default (eps 1e-6, atol 1e-5, rtol 1e-3).
 *
 * <pre>{@code
 * Tensor w = Tensor.randn(new Random(1), 3, 2).requiresGrad(true);
 * GradCheck.Result r = GradCheck.check(in -> in.get(0).tanh().sum(), List.of(w));
 * if (!r.passed()) System.out.println(r);
 * }</pre>
 *
 * <p>Only the inputs that require a gradient are checked; they are copied to FLOAT64 first (the others too, except
 * INT64 ones, such as indices, which stay INT64 constants; an INT64 output is refused: it has no gradient). A
 * non-scalar output is projected on a fixed random vector (a vector-Jacobian product), which catches any wrong Jacobian
 * entry with probability one. {@code f} must be deterministic.
 */
public final class GradCheck {
    /** PyTorch's default step. */
    public static final double EPS = 1e-6;
    /** PyTorch's default absolute tolerance. */
    public static final double ATOL = 1e-5;
    /** PyTorch's default relative tolerance. */
    public static final double RTOL = 1e-3;

    private GradCheck() {
    }

    /**
     * The outcome of a check: whether every element was within {@code atol + rtol * |numerical|}, and the worst one.
     *
     * @param passed     every element within tolerance
     * @param maxAbsError the largest |analytic - numerical|
     * @param maxRelError the largest |analytic - numerical| / max(|numerical|, atol)
     * @param worst      where the worst element is and its two values, for the message
     */
    public record Result(boolean passed, double maxAbsError, double maxRelError, String worst) {
        /**
         * Throws an {@link AssertionError} describing the worst element unless the check passed.
         *
         * @return this result, when it passed
         * @throws AssertionError if it did not
         */
        public Result orThrow() {
            if (!passed) {
                throw new AssertionError("gradcheck failed: " + this);
            }
            return this;
        }

        @Override
        public String toString() {
            return (passed ? "passed" : "FAILED") + ": max abs error " + maxAbsError + ", max rel error "
                    + maxRelError + "; worst " + worst;
        }
    }

    /**
     * First-order check with the default tolerances.
     *
     * @param f the function, taking the inputs in order and returning a tensor of any shape
     * @param inputs the points to check at; those with {@code requiresGrad()} are differentiated, in float64
     * @return the errors and whether every element was within {@code atol + rtol · |numerical|}
     */
    public static Result check(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        return check(f, inputs, EPS, ATOL, RTOL);
    }

    /**
     * First-order check.
     *
     * @param f      the function, taking the inputs in order
     * @param inputs the points to check at; those with {@code requiresGrad()} are differentiated
     * @param eps the central-difference step, greater than 0 (default {@link #EPS})
     * @param atol the absolute tolerance, at least 0 (default {@link #ATOL})
     * @param rtol the tolerance relative to the numerical value, at least 0 (default {@link #RTOL})
     * @return the errors and whether every element was within {@code atol + rtol · |numerical|}
     */
    public static Result check(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, double eps, double atol,
            double rtol) {
        if (!(eps > 0) || !(atol >= 0) || !(rtol >= 0)) {
            throw new IllegalArgumentException("gradcheck: needs eps > 0, atol >= 0, rtol >= 0, got eps=" + eps
                    + ", atol=" + atol + ", rtol=" + rtol);
        }
        List<Tensor> xs = new ArrayList<>();
        List<Integer> checked = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Tensor in = inputs.get(i);
            // INT64 inputs (indices) stay INT64: constants, they never require a gradient
            Tensor copy = new Tensor(in.toDoubleArray(), in.shape, in.dtype == DType.INT64 ? DType.INT64
                    : DType.FLOAT64);
            if (in.requiresGrad) {
                copy.requiresGrad(true);
                checked.add(i);
            }
            xs.add(copy);
        }
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("gradcheck: no input requires a gradient; mark the inputs to check"
                    + " with requiresGrad(true)");
        }
        // One evaluation, recorded: f may itself differentiate (a gradient penalty calls Autograd.grad inside), which
        // a probe under noGrad would break.
        Tensor out = f.apply(xs);
        double[] v = projection(out);
        Tensor projected = project(out, v);
        List<Tensor> wrt = new ArrayList<>();
        for (int i : checked) {
            wrt.add(xs.get(i));
        }
        List<Tensor> analytic = Autograd.grad(projected, wrt, null, false, false, true);
        double maxAbs = 0;
        double maxRel = 0;
        double worstExcess = Double.NEGATIVE_INFINITY;
        String worst = "none";
        boolean passed = true;
        for (int c = 0; c < wrt.size(); c++) {
            double[] x = wrt.get(c).data;
            double[] a = analytic.get(c).values();
            for (int e = 0; e < x.length; e++) {
                double saved = x[e];
                x[e] = saved + eps;
                double plus = project(f.apply(xs), v).item();
                x[e] = saved - eps;
                double minus = project(f.apply(xs), v).item();
                x[e] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double err = Math.abs(a[e] - numeric);
                boolean ok = err <= atol + rtol * Math.abs(numeric) || (Double.isNaN(a[e]) && Double.isNaN(numeric));
                double excess = err - (atol + rtol * Math.abs(numeric));
                if (Double.isNaN(err) && !ok) {
                    excess = Double.POSITIVE_INFINITY;
                }
                passed &= ok;
                maxAbs = Math.max(maxAbs, err);
                maxRel = Math.max(maxRel, err / Math.max(Math.abs(numeric), atol));
                if (excess > worstExcess) {
                    worstExcess = excess;
                    worst = "input " + checked.get(c) + " (shape " + Shapes.str(x.length == 0 ? new int[0]
                            : wrt.get(c).shape) + ") element " + e + ": analytic " + a[e] + ", numerical " + numeric;
                }
            }
        }
        return new Result(passed, maxAbs, maxRel, worst);
    }

    /**
     * Second-order check with the default tolerances.
     *
     * @param f the function, taking the inputs in order and returning a tensor of any shape
     * @param inputs the points to check at; those with {@code requiresGrad()} are differentiated, in float64
     * @return the errors and whether every element was within {@code atol + rtol · |numerical|}
     */
    public static Result checkSecondOrder(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        return checkSecondOrder(f, inputs, EPS, ATOL, RTOL);
    }

    /**
     * Second-order check: the gradient of {@code Σ_i <∇_i f, u_i>} (fixed random {@code u_i}), computed by
     * differentiating the graph that {@code createGraph} builds, against central differences of the first-order
     * gradients. It checks every backward formula's own derivative (Hessian-vector products).
     *
     * @param f the function, taking the inputs in order and returning a tensor of any shape
     * @param inputs the points to check at; those with {@code requiresGrad()} are differentiated, in float64
     * @param eps the central-difference step, greater than 0 (default {@link #EPS})
     * @param atol the absolute tolerance, at least 0 (default {@link #ATOL})
     * @param rtol the tolerance relative to the numerical value, at least 0 (default {@link #RTOL})
     * @return the errors and whether every element was within {@code atol + rtol · |numerical|}
     */
    public static Result checkSecondOrder(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, double eps,
            double atol, double rtol) {
        Function<List<Tensor>, Tensor> gradientProjection = xs -> {
            List<Tensor> wrt = new ArrayList<>();
            for (Tensor x : xs) {
                if (x.requiresGrad) {
                    wrt.add(x);
                }
            }
            Tensor out = f.apply(xs);
            Tensor scalar = project(out, projection(out));
            List<Tensor> grads = Autograd.grad(scalar, wrt, null, true, true, true);
            Random rng = new Random(7);
            Tensor total = Tensor.scalar(0.0);
            for (Tensor g : grads) {
                total = total.add(g.mul(Tensor.randn(rng, g.shape())).sum());
            }
            return total;
        };
        return check(gradientProjection, inputs, eps, atol, rtol);
    }

    /** A fixed random vector of the output's size (1 for a scalar), so non-scalar outputs reduce to a scalar. */
    private static double[] projection(Tensor out) {
        if (out.length() == 1) {
            return new double[] {1.0};
        }
        Random rng = new Random(42);
        double[] v = new double[out.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static Tensor project(Tensor out, double[] v) {
        if (out.dtype == DType.INT64) {
            throw new IllegalArgumentException("gradcheck: f returned an INT64 tensor (shape " + Shapes.str(out.shape)
                    + "), which carries no gradient; return a floating point tensor");
        }
        if (out.length() != v.length) {
            throw new IllegalArgumentException("gradcheck: f returned shape " + Shapes.str(out.shape)
                    + " for one input and " + v.length + " elements for another; f must be deterministic");
        }
        Tensor weights = new Tensor(v.clone(), out.shape, DType.FLOAT64);
        return out.to(DType.FLOAT64).mul(weights).sum();
    }
}
