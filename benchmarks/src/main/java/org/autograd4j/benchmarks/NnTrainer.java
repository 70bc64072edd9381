package org.autograd4j.benchmarks;

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

    /** A freshly initialised model (seed {@link Workload#SEED}) and optimizer for {@code w}. */
    public NnTrainer(Workload w) {
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
    }

    @Override
    public double step(Data.Batch batch) {
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
        return "nn (Mlp, Losses.crossEntropy, " + (adam ? "Adam" : "Sgd") + ")";
    }
}
