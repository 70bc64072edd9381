package org.autograd4j.benchmarks;

import java.util.List;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/**
 * A workload's step from core ops only: {@link CoreMlp}, {@link CoreMlp#crossEntropy}, and SGD or Adam written as
 * single float loops over the FLOAT32 parameters' {@link Tensor#floatArray()} (float state, as PyTorch keeps it: a
 * loop that converts between float and double per element does not vectorise and runs 10–30× slower).
 */
public final class CoreTrainer implements Trainer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final Workload workload;
    private final CoreMlp model;
    private final List<Tensor> params;
    private final float[][] m;
    private final float[][] v;
    private int t;

    /** A freshly initialised model (weights from {@link Workload#SEED}) and optimizer for {@code workload}. */
    public CoreTrainer(Workload workload) {
        this.workload = workload;
        this.model = new CoreMlp(workload.sizes, workload.activation, DType.FLOAT32, Workload.SEED);
        this.params = model.parameters();
        this.m = new float[params.size()][];
        this.v = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            m[i] = new float[(int) params.get(i).size()];
            v[i] = new float[(int) params.get(i).size()];
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
        float lr = (float) workload.lr;
        for (Tensor p : params) {
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            float[] w = p.floatArray();
            float[] d = g.floatArray();
            for (int i = 0; i < w.length; i++) {
                w[i] -= lr * d[i];
            }
            p.zeroGrad();
        }
    }

    private void adam() {
        t++;
        float step = (float) (workload.lr / (1 - Math.pow(BETA1, t)));
        float invBc2Sqrt = (float) (1 / Math.sqrt(1 - Math.pow(BETA2, t)));
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float eps = (float) EPS;
        for (int k = 0; k < params.size(); k++) {
            Tensor p = params.get(k);
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            float[] w = p.floatArray();
            float[] d = g.floatArray();
            float[] mk = m[k];
            float[] vk = v[k];
            for (int i = 0; i < w.length; i++) {
                mk[i] = b1 * mk[i] + (1 - b1) * d[i];
                vk[i] = b2 * vk[i] + (1 - b2) * d[i] * d[i];
                w[i] -= step * mk[i] / ((float) Math.sqrt(vk[i]) * invBc2Sqrt + eps);
            }
            p.zeroGrad();
        }
    }

    @Override
    public String describe() {
        return "core ops (CoreMlp) + manual " + (workload.adam ? "Adam" : "SGD") + " loop";
    }
}
