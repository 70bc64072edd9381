package org.autograd4j.nn.optim;

import java.util.List;
import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * The Adam update shared by {@link Adam} (weight decay as an L2 term in the gradient) and {@link AdamW} (decoupled
 * weight decay). On a parameter's step {@code t}: {@code m = beta1 * m + (1 - beta1) * g},
 * {@code v = beta2 * v + (1 - beta2) * g²}, with amsgrad {@code vMax = max(vMax, v)} used in place of {@code v}, and
 * {@code p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)}.
 *
 * <p>See the note on amsgrad in {@link Adam}.
 */
abstract class AdamBase extends BaseOptimizer {
    /** The hyper-parameters other than the learning rate; build them with {@link #of}, which checks them. */
    record Options(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        static Options of(String op, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
            Check.unitInterval(op, "beta1", beta1);
            Check.unitInterval(op, "beta2", beta2);
            Check.nonNegative(op, "eps", eps);
            Check.nonNegative(op, "weightDecay", weightDecay);
            return new Options(beta1, beta2, eps, weightDecay, amsgrad);
        }
    }

    /** Per-parameter state: step count, first and second moments, and (amsgrad only) the maximum second moment. */
    private static final class Slot {
        long step;
        double[] expAvg;
        double[] expAvgSq;
        double[] maxExpAvgSq;
    }

    /** True for AdamW: {@code p *= 1 - lr * weightDecay} before the step instead of adding the L2 term to g. */
    private final boolean decoupled;
    private Options options;
    private Slot[] slots;

    AdamBase(String name, List<Tensor> params, double lr, Options options, boolean decoupled) {
        super(name, params, lr);
        this.options = options;
        this.decoupled = decoupled;
        this.slots = new Slot[this.params.size()];
        for (int i = 0; i < slots.length; i++) {
            int n = this.params.get(i).array().length;
            Slot s = new Slot();
            s.expAvg = new double[n];
            s.expAvgSq = new double[n];
            s.maxExpAvgSq = options.amsgrad ? new double[n] : null;
            slots[i] = s;
        }
    }

    /** Applies the update the class comment states; parameters without a gradient are skipped. */
    @Override
    public final void step() {
        Options o = options;
        double lr = this.lr;
        double shrink = decoupled ? 1 - lr * o.weightDecay : 1;
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            Tensor grad = p.grad();
            if (grad == null) {
                continue;
            }
            Slot s = slots[i];
            s.step++;
            double stepSize = lr / (1 - Math.pow(o.beta1, s.step));
            double invBc2Sqrt = 1 / Math.sqrt(1 - Math.pow(o.beta2, s.step));
            double[] x = p.array();
            double[] g = withWeightDecay(grad.array(), x, decoupled ? 0 : o.weightDecay);
            if (s.maxExpAvgSq == null) {
                update(x, g, s, o, stepSize, invBc2Sqrt, shrink);
            } else {
                updateAmsgrad(x, g, s, o, stepSize, invBc2Sqrt, shrink);
            }
            p.modifiedInPlace();
        }
    }

    /**
     * One fused loop. {@code sqrt(v) * invBc2Sqrt} stands for PyTorch's {@code sqrt(v) / sqrt(1 - beta2^t)}: a multiply
     * instead of a second division (the slowest operation here), equal to within an ulp. {@code shrink} is 1 for Adam,
     * and {@code x * 1} is exactly {@code x}.
     */
    private static void update(double[] x, double[] g, Slot s, Options o, double stepSize, double invBc2Sqrt,
            double shrink) {
        double b1 = o.beta1;
        double c1 = 1 - b1;
        double b2 = o.beta2;
        double c2 = 1 - b2;
        double eps = o.eps;
        double[] m = s.expAvg;
        double[] v = s.expAvgSq;
        for (int j = 0; j < x.length; j++) {
            double gj = g[j];
            double mj = b1 * m[j] + c1 * gj;
            double vj = b2 * v[j] + c2 * (gj * gj);
            m[j] = mj;
            v[j] = vj;
            x[j] = x[j] * shrink - stepSize * (mj / (Math.sqrt(vj) * invBc2Sqrt + eps));
        }
    }

    /** As {@link #update}, with the running maximum of the raw second moment in the denominator. */
    private static void updateAmsgrad(double[] x, double[] g, Slot s, Options o, double stepSize, double invBc2Sqrt,
            double shrink) {
        double b1 = o.beta1;
        double c1 = 1 - b1;
        double b2 = o.beta2;
        double c2 = 1 - b2;
        double eps = o.eps;
        double[] m = s.expAvg;
        double[] v = s.expAvgSq;
        double[] vMax = s.maxExpAvgSq;
        for (int j = 0; j < x.length; j++) {
            double gj = g[j];
            double mj = b1 * m[j] + c1 * gj;
            double vj = b2 * v[j] + c2 * (gj * gj);
            m[j] = mj;
            v[j] = vj;
            double top = Math.max(vMax[j], vj);
            vMax[j] = top;
            x[j] = x[j] * shrink - stepSize * (mj / (Math.sqrt(top) * invBc2Sqrt + eps));
        }
    }

    @Override
    final void exportState(Map<String, Double> hyper, Map<String, double[]> buffers) {
        hyper.put("beta1", options.beta1);
        hyper.put("beta2", options.beta2);
        hyper.put("eps", options.eps);
        hyper.put("weight_decay", options.weightDecay);
        hyper.put("amsgrad", flag(options.amsgrad));
        for (int i = 0; i < slots.length; i++) {
            Slot s = slots[i];
            buffers.put(i + ".step", new double[] {s.step});
            buffers.put(i + ".exp_avg", s.expAvg.clone());
            buffers.put(i + ".exp_avg_sq", s.expAvgSq.clone());
            if (s.maxExpAvgSq != null) {
                buffers.put(i + ".max_exp_avg_sq", s.maxExpAvgSq.clone());
            }
        }
    }

    @Override
    final Runnable importState(StateReader in) {
        Options o = Options.of(name, in.hyper("beta1"), in.hyper("beta2"), in.hyper("eps"), in.hyper("weight_decay"),
                in.flag("amsgrad"));
        Slot[] loaded = new Slot[params.size()];
        for (int i = 0; i < loaded.length; i++) {
            Slot s = new Slot();
            s.step = in.step(i);
            s.expAvg = in.buffer(i, "exp_avg");
            s.expAvgSq = in.buffer(i, "exp_avg_sq");
            s.maxExpAvgSq = o.amsgrad ? in.buffer(i, "max_exp_avg_sq") : null;
            loaded[i] = s;
        }
        return () -> {
            options = o;
            slots = loaded;
        };
    }
}
