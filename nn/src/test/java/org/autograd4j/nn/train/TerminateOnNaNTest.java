package org.autograd4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.train.Fakes.GradientDescent;
import org.autograd4j.nn.train.Fakes.LinearModel;
import org.junit.jupiter.api.Test;

/** Divergence: TerminateOnNaN stops at the first non-finite loss or parameter; no best epoch is ever a NaN one. */
class TerminateOnNaNTest {
    /** y = 2 x0 - 3 x1 + 1 on 64 points, in batches of 8 (8 batches per epoch), not shuffled. */
    private static DataLoader data() {
        Random rng = new Random(1);
        double[][] x = new double[64][];
        double[] y = new double[64];
        for (int i = 0; i < 64; i++) {
            x[i] = new double[] {rng.nextGaussian(), rng.nextGaussian()};
            y[i] = 2 * x[i][0] - 3 * x[i][1] + 1;
        }
        return DataLoader.builder(Dataset.of(x, y)).batchSize(8).dtype(DType.FLOAT64).build();
    }

    /** A loss that is the MSE, except NaN from the {@code nanFrom}-th call on (counting from 1). */
    private static org.autograd4j.nn.Loss nanFrom(int nanFrom) {
        int[] calls = {0};
        return (p, t) -> {
            Tensor mse = Fakes.MSE.compute(p, t);
            return ++calls[0] >= nanFrom ? mse.mul(Double.NaN) : mse;
        };
    }

    @Test
    void aNaNLossStopsTrainingAtItsEpochAndBatch() {
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        TerminateOnNaN nan = new TerminateOnNaN();
        // 8 batches per epoch, no validation: call 19 is epoch 3, batch 3.
        History h = Trainer.fit(model, nanFrom(19), new GradientDescent(model.parameters(), 0.01), data(), null, 10,
                nan);
        TerminateOnNaN.Divergence d = nan.divergence().orElseThrow();
        assertEquals(3, d.epoch());
        assertEquals(OptionalInt.of(3), d.batch());
        assertEquals("training diverged: the loss is NaN at epoch 3, batch 3", d.message());
        assertEquals(2, h.epochs(), "only the complete epochs are recorded");
        assertEquals(OptionalInt.of(3), h.stoppedEpoch());
        for (double v : h.get("loss")) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void anInfiniteParameterStopsTrainingAndIsNamed() {
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        TerminateOnNaN nan = new TerminateOnNaN();
        // The largest double as learning rate: the first step overflows the weights to ±Infinity (the loss was finite).
        Trainer.fit(model, Fakes.MSE, new GradientDescent(model.parameters(), Double.MAX_VALUE), data(), null, 5,
                nan);
        TerminateOnNaN.Divergence d = nan.divergence().orElseThrow();
        assertEquals(1, d.epoch());
        assertEquals(OptionalInt.of(1), d.batch());
        assertTrue(d.what().startsWith("parameter "), d.what());
        assertTrue(Double.isInfinite(d.value()) || Double.isNaN(d.value()), "value " + d.value());
    }

    @Test
    void aNonFiniteValidationLossStopsAfterTheEpoch() {
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        TerminateOnNaN nan = new TerminateOnNaN();
        // Training batches are calls 1..8 of every epoch, validation calls 9..16: call 9 is epoch 1's validation.
        History h = Trainer.fit(model, nanFrom(9), new GradientDescent(model.parameters(), 0.01), data(), data(), 5,
                nan);
        TerminateOnNaN.Divergence d = nan.divergence().orElseThrow();
        assertEquals("training diverged: val_loss is NaN at epoch 1", d.message());
        assertEquals(OptionalInt.of(1), h.stoppedEpoch());
    }

    @Test
    void aHealthyRunIsNotStoppedAndTheCallbackIsReusable() {
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        TerminateOnNaN nan = new TerminateOnNaN();
        Trainer.fit(model, nanFrom(1), new GradientDescent(model.parameters(), 0.01), data(), null, 2, nan);
        assertTrue(nan.divergence().isPresent());
        LinearModel fresh = new LinearModel(2, 1, 2, DType.FLOAT64);
        History h = Trainer.fit(fresh, Fakes.MSE, new GradientDescent(fresh.parameters(), 0.01), data(), null, 4,
                nan);
        assertFalse(nan.divergence().isPresent(), "a new run starts afresh");
        assertEquals(4, h.epochs());
        assertFalse(h.stoppedEpoch().isPresent());
    }

    @Test
    void earlyStoppingNeverRestoresANaNEpochAndRestoresTheLastFiniteBest() {
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        EarlyStopping stop = EarlyStopping.builder().monitor("loss").patience(50).restoreBestWeights(true).build();
        // Every epoch's loss is NaN: no epoch is best, nothing is restored.
        Trainer.fit(model, nanFrom(1), new GradientDescent(model.parameters(), 0.01), data(), null, 3, stop);
        assertEquals(0, stop.bestEpoch());

        LinearModel fresh = new LinearModel(2, 1, 2, DType.FLOAT64);
        TerminateOnNaN nan = new TerminateOnNaN();
        // Epochs 1 and 2 are finite; the loss turns NaN in epoch 3: the weights after epoch 2 come back.
        AtomicReference<Map<String, Tensor>> afterEpoch2 = new AtomicReference<>();
        Callback snapshot = new Callback() {
            @Override
            public boolean onEpochEnd(int epoch, EpochLogs logs) {
                if (epoch == 2) {
                    afterEpoch2.set(fresh.stateDict());
                }
                return false;
            }
        };
        Trainer.fit(fresh, nanFrom(20), new GradientDescent(fresh.parameters(), 0.01), data(), null, 10, snapshot,
                stop, nan);
        assertEquals(2, stop.bestEpoch());
        assertEquals(3, nan.divergence().orElseThrow().epoch());
        for (Map.Entry<String, Tensor> e : fresh.stateDict().entrySet()) {
            assertArrayEquals(afterEpoch2.get().get(e.getKey()).toDoubleArray(),
                    e.getValue().toDoubleArray(), 0.0, e.getKey());
        }
    }

    @Test
    void anInfiniteMonitoredValueIsNeverTheBestEpoch() {
        EarlyStopping stop = EarlyStopping.builder().monitor("val_loss").patience(5).build();
        stop.onTrainBegin(null, 5);
        stop.onEpochEnd(1, Fakes.logs("val_loss", Double.POSITIVE_INFINITY));
        stop.onEpochEnd(2, Fakes.logs("val_loss", Double.NaN));
        assertEquals(0, stop.bestEpoch());
        stop.onEpochEnd(3, Fakes.logs("val_loss", 4.0));
        assertEquals(3, stop.bestEpoch());
    }

    @Test
    void modelCheckpointNeverSavesNaNWeightsAsTheBest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        java.util.List<Integer> saved = new java.util.ArrayList<>();
        int[] epoch = {0};
        ModelCheckpoint best = ModelCheckpoint.builder(dir.resolve("best.ag4j"), p -> saved.add(epoch[0]))
                .monitor("val_loss").saveBestOnly(true).build();
        best.onTrainBegin(model, 3);
        model.fill(Double.NaN);
        epoch[0] = 1;
        best.onEpochEnd(1, Fakes.logs("val_loss", 0.5));
        model.fill(0.25);
        epoch[0] = 2;
        best.onEpochEnd(2, Fakes.logs("val_loss", 0.9));
        assertEquals(java.util.List.of(2), saved);
        assertEquals(2, best.bestEpoch());
    }

    @Test
    void clipGradNormOfNaNIsAnError() {
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FitConfig.builder(model,
                Fakes.MSE, new GradientDescent(model.parameters(), 0.1), data()).clipGradNorm(Double.NaN).build());
        assertEquals("FitConfig: clipGradNorm must be a positive finite number, got NaN", e.getMessage());
    }
}
