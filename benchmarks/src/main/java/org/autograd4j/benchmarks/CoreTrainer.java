package org.autograd4j.benchmarks;

import java.util.List;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/**
 * A workload's step from core ops only: {@link CoreMlp}, {@link CoreMlp#crossEntropy}, and SGD or Adam written as
 * single loops over the FLOAT32 parameters' {@link Tensor#floatArray()}, computed in double and rounded once.
 */
public final class CoreTrainer implements Trainer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final Workload workload;
    private final CoreMlp model;
    private final List<Tensor> params;
    private final double[][] m;
    private final double[][] v;
    private int t;

    /** A freshly initialised model (weights from {@link Workload#SEED}) and optimizer for {@code workload}. */
    public CoreTrainer(Workload workload) {
        this.workload = workload;
        this.model = new CoreMlp(workload.sizes, workload.activation, DType.FLOAT32, Workload.SEED);
        this.params = model.parameters();
        this.m = new double[params.size()][];
        this.v = new double[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            m[i] = new double[(int) params.get(i).size()];
            v[i] = new double[(int) params.get(i).size()];
        }
    }

    @Override
    public double step(Data.Batch batch) {
        Tensor loss = CoreMlp.crossEntropy(model.forward(batch.x()), batch.oneHot());
        loss.backward();
        update();
        return loss.item();
    }

    /** The optimizer step on the current gradients, which it then clears (for {@link StepProfile}). */
    void update() {
        if (workload.adam) {
            adam();
        } else {
            sgd();
        }
    }

    /** The model's parameters, for {@link StepProfile}. */
    List<Tensor> parameters() {
        return params;
    }

    private void sgd() {
        double lr = workload.lr;
        for (Tensor p : params) {
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            float[] w = p.floatArray();
            float[] d = g.floatArray();
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (w[i] - lr * d[i]);
            }
            p.zeroGrad();
        }
    }

    private void adam() {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        double step = workload.lr / c1;
        for (int k = 0; k < params.size(); k++) {
            Tensor p = params.get(k);
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            float[] w = p.floatArray();
            float[] d = g.floatArray();
            double[] mk = m[k];
            double[] vk = v[k];
            for (int i = 0; i < w.length; i++) {
                mk[i] = BETA1 * mk[i] + (1 - BETA1) * d[i];
                vk[i] = BETA2 * vk[i] + (1 - BETA2) * d[i] * d[i];
                w[i] = (float) (w[i] - step * mk[i] / (Math.sqrt(vk[i] / c2) + EPS));
            }
            p.zeroGrad();
        }
    }

    @Override
    public String describe() {
        return "core ops (CoreMlp) + manual " + (workload.adam ? "Adam" : "SGD") + " loop";
    }
}
