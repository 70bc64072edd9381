package org.autograd4j.benchmarks;

import java.util.List;
import java.util.function.Supplier;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.Tensor;

/**
 * The numerical-gradient oracle at its cheapest: central differences with step
 * {@link org.autograd4j.core.GradCheck#EPS}, perturbing each parameter in place and re-running the forward pass with
 * recording off — exactly 2P forward passes and nothing else, so autodiff is compared with the best an oracle can do.
 * ({@code GradCheck.check} does the same differences but records its forward passes and also runs autodiff, so it is
 * slower.)
 */
public final class Oracle {
    private Oracle() {
    }

    /**
     * The gradient of {@code loss} with respect to each of {@code params}, by central differences.
     *
     * @param loss   recomputes the scalar loss from the current parameter values
     * @param params float64 leaves the loss reads (their values are restored afterwards)
     * @return one array per parameter, in its row-major order
     */
    public static double[][] centralDifferences(Supplier<Tensor> loss, List<Tensor> params) {
        double eps = org.autograd4j.core.GradCheck.EPS;
        double[][] grads = new double[params.size()][];
        try (Autograd.Scope scope = Autograd.noGrad()) {
            for (int k = 0; k < params.size(); k++) {
                double[] w = params.get(k).array();
                double[] g = new double[w.length];
                for (int i = 0; i < w.length; i++) {
                    double saved = w[i];
                    w[i] = saved + eps;
                    double plus = loss.get().item();
                    w[i] = saved - eps;
                    double minus = loss.get().item();
                    w[i] = saved;
                    g[i] = (plus - minus) / (2 * eps);
                }
                grads[k] = g;
            }
        }
        return grads;
    }

    /** The same gradients by one recorded forward pass and {@code backward()}; the leaves' grads are replaced. */
    public static double[][] autodiff(Supplier<Tensor> loss, List<Tensor> params) {
        for (Tensor p : params) {
            p.zeroGrad();
        }
        loss.get().backward();
        double[][] grads = new double[params.size()][];
        for (int k = 0; k < params.size(); k++) {
            grads[k] = params.get(k).grad().array();
        }
        return grads;
    }
}
