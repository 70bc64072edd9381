package org.autograd4j.benchmarks;

import java.util.IdentityHashMap;
import java.util.Map;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.CapturedStep;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.Sgd;

/**
 * A workload's step as a user of nn writes it: {@link Mlp} (converted to float32), {@link Losses#crossEntropy} on
 * class indices, {@link Sgd} or {@link Adam}; {@code zeroGrad, forward, loss, backward, step}.
 */
public final class NnTrainer implements Trainer {
    private final Mlp model;
    private final Optimizer optimizer;
    private final boolean adam;
    /** The captured step (forward, loss, backward), or null for eager steps. */
    private final CapturedStep captured;
    /** Each batch's labels as a tensor, the captured step's second input (made once per batch, outside the timing). */
    private final Map<Data.Batch, Tensor> labels = new IdentityHashMap<>();

    /** A freshly initialised model (seed {@link Workload#SEED}) and optimizer for {@code w}, stepping eagerly. */
    public NnTrainer(Workload w) {
        this(w, false);
    }

    /**
     * A freshly initialised model and optimizer for {@code w}.
     *
     * @param capture whether the step is captured on its first run and replayed after ({@code Autograd.capture})
     */
    public NnTrainer(Workload w, boolean capture) {
        Activation hidden = switch (w.activation) {
            case SIGMOID -> Activation.SIGMOID;
            case RELU -> Activation.RELU;
            case TANH -> Activation.TANH;
        };
        model = Mlp.builder().sizes(w.sizes).hiddenActivation(hidden).seed(Workload.SEED).build();
        model.to(DType.FLOAT32);
        adam = w.adam;
        optimizer = w.adam ? Adam.builder(model.parameters()).lr(w.lr).build()
                : Sgd.builder(model.parameters()).lr(w.lr).build();
        captured = !capture ? null : Autograd.capture(in -> {
            Tensor loss = Losses.crossEntropy().compute(model.forward(in[0]), in[1]);
            loss.backward();
            return loss;
        });
    }

    @Override
    public double step(Data.Batch batch) {
        if (captured != null) {
            Tensor y = labels.computeIfAbsent(batch, b -> {
                double[] v = new double[b.labels().length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = b.labels()[i];
                }
                return Tensor.of(v, v.length);
            });
            optimizer.zeroGrad();
            double loss = captured.run(batch.x(), y).item();
            optimizer.step();
            return loss;
        }
        optimizer.zeroGrad();
        Tensor loss = Losses.crossEntropy(model.forward(batch.x()), batch.labels());
        loss.backward();
        optimizer.step();
        return loss.item();
    }

    /** The model, for {@link StepProfile}. */
    Mlp model() {
        return model;
    }

    /** The optimizer, for {@link StepProfile}. */
    Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public String describe() {
        return "nn (Mlp, Losses.crossEntropy, " + (adam ? "Adam" : "Sgd") + (captured != null ? ", captured" : "")
                + ")";
    }
}
