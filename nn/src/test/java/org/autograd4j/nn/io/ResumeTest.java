package org.autograd4j.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.RmsProp;
import org.autograd4j.nn.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run saved to a file with {@link ModelIO} and resumed in a model and optimizer rebuilt from that file alone
 * continues exactly as the uninterrupted run: same parameters, bit for bit.
 */
class ResumeTest {
    private static final int BEFORE = 7;
    private static final int AFTER = 5;

    @TempDir
    Path dir;

    @Test
    void adamRunResumedFromAFileContinuesExactly() throws IOException {
        check(params -> Adam.builder(params).lr(0.01).weightDecay(1e-3).amsgrad(true).build());
    }

    @Test
    void sgdWithNesterovMomentumResumedFromAFileContinuesExactly() throws IOException {
        check(params -> Sgd.builder(params).lr(0.05).momentum(0.9).nesterov(true).build());
    }

    @Test
    void rmsPropResumedFromAFileContinuesExactly() throws IOException {
        check(params -> RmsProp.builder(params).lr(0.01).momentum(0.5).centered(true).build());
    }

    private void check(Function<List<Tensor>, Optimizer> optimizer) throws IOException {
        Random rng = new Random(3);
        Tensor x = Tensor.randn(rng, 16, 4);
        Tensor y = Tensor.rand(rng, 16).mul(3).add(-0.5).clamp(0, 2).reshape(16);
        double[] labels = y.toDoubleArray();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Math.floor(labels[i]);
        }
        Tensor target = Tensor.of(labels, 16);

        Module straight = Mlp.builder().sizes(4, 8, 3).hiddenActivation(Activation.TANH).seed(11).build();
        Optimizer straightOpt = optimizer.apply(straight.parameters());
        train(straight, straightOpt, x, target, BEFORE + AFTER);

        Module first = Mlp.builder().sizes(4, 8, 3).hiddenActivation(Activation.TANH).seed(11).build();
        Optimizer firstOpt = optimizer.apply(first.parameters());
        train(first, firstOpt, x, target, BEFORE);
        Path file = dir.resolve("run.ag4j");
        ModelIO.save(file, first, firstOpt);

        Checkpoint loaded = ModelIO.load(file);
        assertNotNull(loaded.optimizerState());
        Module resumed = loaded.model();
        Optimizer resumedOpt = optimizer.apply(resumed.parameters());
        resumedOpt.loadState(loaded.optimizerState());
        train(resumed, resumedOpt, x, target, AFTER);

        Map<String, Tensor> expected = straight.namedParameters();
        Map<String, Tensor> actual = resumed.namedParameters();
        assertArrayEquals(expected.keySet().toArray(), actual.keySet().toArray());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name).toDoubleArray(), actual.get(name).toDoubleArray(), 0.0, name);
        }
    }

    private static void train(Module model, Optimizer opt, Tensor x, Tensor target, int steps) {
        Loss loss = Losses.crossEntropy();
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad();
            loss.compute(model.forward(x), target).backward();
            opt.step();
        }
    }
}
