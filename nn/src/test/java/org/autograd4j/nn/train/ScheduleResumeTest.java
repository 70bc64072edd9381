package org.autograd4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.io.Checkpoint;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.io.ModelIO;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.optim.AdamW;
import org.autograd4j.nn.optim.CosineAnnealingLr;
import org.autograd4j.nn.optim.LinearLr;
import org.autograd4j.nn.optim.LrScheduler;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.ParamGroup;
import org.autograd4j.nn.optim.SequentialLr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run checkpointed by {@link ModelCheckpoint} with {@link ModelCheckpoint.Saver#modelFile} (model, optimizer with
 * two groups, and a warm-up then cosine schedule stepped per batch) and resumed from the file alone continues exactly
 * as the uninterrupted run: same learning rates, same parameters, bit for bit.
 */
class ScheduleResumeTest {
    @TempDir
    Path dir;

    private static DataLoader loader() {
        Random rng = new Random(8);
        double[][] x = new double[12][];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i] = new double[] {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            y[i] = x[i][0] - 2 * x[i][2];
        }
        return DataLoader.builder(Dataset.of(x, y)).batchSize(4).dtype(DType.FLOAT64).build();
    }

    private static Optimizer optimizer(Module model) {
        List<Tensor> weights = model.namedParameters().entrySet().stream()
                .filter(e -> !e.getKey().endsWith("bias")).map(e -> e.getValue()).toList();
        List<Tensor> biases = model.namedParameters().entrySet().stream()
                .filter(e -> e.getKey().endsWith("bias")).map(e -> e.getValue()).toList();
        return AdamW.builder(ParamGroup.of(weights), ParamGroup.of(biases).weightDecay(0).lr(0.02)).lr(0.01)
                .build();
    }

    private static LrScheduler schedule(Optimizer opt) {
        return new SequentialLr(opt, List.of(new LinearLr(opt, 0.1, 1.0, 4), new CosineAnnealingLr(opt, 14, 1e-4)),
                List.of(4));
    }

    private static final Loss MSE = (out, y) -> Losses.mse(out.reshape(y.shape()), y);

    private static void fit(Module model, Optimizer opt, LrScheduler sched, int epochs, Callback... callbacks) {
        Trainer.fit(FitConfig.builder(model, MSE, opt, loader()).epochs(epochs)
                .lrScheduler(sched, StepInterval.BATCH).callbacks(callbacks).build());
    }

    @Test
    void aRunResumedFromItsCheckpointContinuesTheScheduleExactly() throws IOException {
        Module straight = Mlp.builder().sizes(3, 5, 1).hiddenActivation(Activation.TANH).seed(4)
                .build().to(DType.FLOAT64);
        Optimizer straightOpt = optimizer(straight);
        fit(straight, straightOpt, schedule(straightOpt), 5);

        Module first = Mlp.builder().sizes(3, 5, 1).hiddenActivation(Activation.TANH).seed(4)
                .build().to(DType.FLOAT64);
        Optimizer firstOpt = optimizer(first);
        LrScheduler firstSched = schedule(firstOpt);
        ModelCheckpoint checkpoint = ModelCheckpoint.builder(dir.resolve("ckpt-{epoch}.ag4j"),
                ModelCheckpoint.Saver.modelFile(first, firstOpt, firstSched)).saveBestOnly(false).build();
        fit(first, firstOpt, firstSched, 2, checkpoint);

        Checkpoint c = ModelIO.load(checkpoint.pathFor(2));
        assertNotNull(c.schedulerState());
        assertEquals("SequentialLr", c.schedulerState().type());
        Module resumed = c.model();
        Optimizer resumedOpt = optimizer(resumed);
        LrScheduler resumedSched = schedule(resumedOpt);
        resumedOpt.loadState(c.optimizerState());
        resumedSched.loadState(c.schedulerState());
        assertEquals(6, resumedSched.lastEpoch());
        fit(resumed, resumedOpt, resumedSched, 3);

        assertEquals(straightOpt.learningRate(0), resumedOpt.learningRate(0), 0);
        assertEquals(straightOpt.learningRate(1), resumedOpt.learningRate(1), 0);
        for (String name : straight.namedParameters().keySet()) {
            assertArrayEquals(straight.namedParameters().get(name).toDoubleArray(),
                    resumed.namedParameters().get(name).toDoubleArray(), 0, name);
        }
    }
}
