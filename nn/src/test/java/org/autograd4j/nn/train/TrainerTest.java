package org.autograd4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.data.Splits;
import org.autograd4j.nn.metrics.Metric;
import org.autograd4j.nn.train.Fakes.GradientDescent;
import org.autograd4j.nn.train.Fakes.LinearModel;
import org.autograd4j.nn.train.Fakes.RecordingScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    @TempDir
    Path dir;

    /** y = 2 x0 - 3 x1 + 1, exactly, on 64 random points. */
    private static Dataset line() {
        Random rng = new Random(1);
        double[][] x = new double[64][];
        double[] y = new double[64];
        for (int i = 0; i < 64; i++) {
            x[i] = new double[] {rng.nextGaussian(), rng.nextGaussian()};
            y[i] = 2 * x[i][0] - 3 * x[i][1] + 1;
        }
        return Dataset.of(x, y);
    }

    private static DataLoader loader(Dataset d, int batch) {
        return DataLoader.builder(d).batchSize(batch).shuffle(true).seed(3).dtype(DType.FLOAT64).build();
    }

    @Test
    void linearRegressionLossFallsAndHistoryHasOneEntryPerEpoch() throws IOException {
        Splits.TrainTest s = Splits.trainTestSplit(line(), 0.25, 7, false);
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        History h = Trainer.fit(FitConfig.builder(model, Fakes.MSE, new GradientDescent(model.parameters(), 0.1),
                loader(s.train(), 8)).validation(loader(s.test(), 5)).epochs(25).metrics(Metric.mse(), Metric.r2())
                .build());
        assertEquals(List.of("loss", "val_loss", "mse", "val_mse", "r2", "val_r2"), h.names());
        assertEquals(25, h.epochs());
        for (String name : h.names()) {
            assertEquals(25, h.get(name).length, name);
        }
        double[] loss = h.get("loss");
        assertTrue(loss[24] < 1e-3 * loss[0], "loss " + loss[0] + " -> " + loss[24]);
        assertTrue(h.last("val_loss") < 1e-3 && h.last("val_r2") > 0.999);
        assertArrayEquals(h.get("val_loss"), h.get("val_mse"), 1e-12, "val_loss is the mean over validation rows");
        assertArrayEquals(new double[] {2, -3}, model.weight.toDoubleArray(), 0.02);
        assertFalse(h.stoppedEpoch().isPresent());
        Path csv = dir.resolve("history.csv");
        h.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(26, lines.size());
        assertEquals("epoch,loss,val_loss,mse,val_mse,r2,val_r2,seconds", lines.get(0));
        assertEquals(String.valueOf(loss[0]), lines.get(1).split(",")[1]);
    }

    @Test
    void classifierReachesFullAccuracyAndLogsIt() {
        Random rng = new Random(4);
        double[][] x = new double[60][];
        int[] y = new int[60];
        for (int i = 0; i < 60; i++) {
            y[i] = i % 2;
            x[i] = new double[] {rng.nextGaussian() * 0.3 + (y[i] == 0 ? -2 : 2), rng.nextGaussian() * 0.3};
        }
        Splits.TrainTest s = Splits.trainTestSplit(Dataset.of(x, y), 0.3, 1, true);
        LinearModel model = new LinearModel(2, 2, 5, DType.FLOAT32);
        History h = Trainer.fit(FitConfig.builder(model, Fakes.CROSS_ENTROPY,
                new GradientDescent(model.parameters(), 0.5), DataLoader.of(s.train(), 16))
                .validation(DataLoader.of(s.test(), 16)).epochs(10).metrics(Metric.accuracy()).build());
        assertEquals(1.0, h.last("accuracy"));
        assertEquals(1.0, h.last("val_accuracy"));
        assertEquals(List.of("loss", "val_loss", "accuracy", "val_accuracy"), h.names());
        assertTrue(h.get("accuracy")[0] < 1.0, "it had to learn");
    }

    /** Records the mode and grad switch at every forward call. */
    private static final class Probe extends Module {
        final LinearModel inner = registerModule("inner", new LinearModel(1, 1, 1, DType.FLOAT64));
        final List<String> calls = new ArrayList<>();

        @Override
        public Tensor forward(Tensor x) {
            calls.add((isTraining() ? "train" : "eval") + "/" + (Autograd.isGradEnabled() ? "grad" : "noGrad"));
            return inner.forward(x);
        }
    }

    @Test
    void trainsInTrainModeValidatesInEvalWithoutGradAndRestoresTheMode() {
        Dataset d = Dataset.of(new double[][] {{1}, {2}, {3}}, new double[] {1, 2, 3});
        Probe model = new Probe();
        model.eval();
        Trainer.fit(model, Fakes.MSE, new GradientDescent(model.parameters(), 0.01), loader(d, 2), loader(d, 3), 2);
        assertEquals(List.of("train/grad", "train/grad", "eval/noGrad", "train/grad", "train/grad", "eval/noGrad"),
                model.calls);
        assertFalse(model.isTraining(), "the mode it had before fit");
    }

    @Test
    void schedulerGetsTheMonitoredValueAndClippingBoundsTheGradient() {
        Dataset d = line();
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        GradientDescent opt = new GradientDescent(model.parameters(), 0.01);
        RecordingScheduler sched = new RecordingScheduler();
        History h = Trainer.fit(FitConfig.builder(model, Fakes.MSE, opt, loader(d, 16)).validation(loader(d, 64))
                .epochs(3).lrScheduler(sched).clipGradNorm(0.5).build());
        assertEquals(List.of(h.get("val_loss")[0], h.get("val_loss")[1], h.get("val_loss")[2]), sched.metrics);
        assertTrue(opt.gradNorms.stream().allMatch(n -> n <= 0.5 + 1e-9), opt.gradNorms.toString());
        assertTrue(opt.gradNorms.get(0) > 0.49, "the first gradients are large and get clipped to 0.5");
        RecordingScheduler onLoss = new RecordingScheduler();
        History h2 = Trainer.fit(FitConfig.builder(model, Fakes.MSE, opt, loader(d, 16)).epochs(2)
                .lrScheduler(onLoss).build());
        assertEquals(List.of(h2.get("loss")[0], h2.get("loss")[1]), onLoss.metrics);
    }

    @Test
    void aCallbackStopsTrainingAndEveryHookRuns() {
        Dataset d = Dataset.of(new double[][] {{1}, {2}}, new double[] {1, 2});
        LinearModel model = new LinearModel(1, 1, 1, DType.FLOAT64);
        List<String> events = new ArrayList<>();
        Callback cb = new Callback() {
            @Override
            public void onTrainBegin(Module m, int epochs) {
                events.add("begin " + epochs);
            }

            @Override
            public boolean onEpochEnd(int epoch, EpochLogs logs) {
                events.add("epoch " + epoch);
                return epoch == 3;
            }

            @Override
            public void onTrainEnd(History history) {
                events.add("end " + history.epochs());
            }
        };
        History h = Trainer.fit(model, Fakes.MSE, new GradientDescent(model.parameters(), 0.01), loader(d, 2), null,
                10, cb);
        assertEquals(List.of("begin 10", "epoch 1", "epoch 2", "epoch 3", "end 3"), events);
        assertEquals(3, h.stoppedEpoch().getAsInt());
        assertEquals("History[epochs=3, names=[loss], stoppedEpoch=3]", h.toString());
    }

    @Test
    void badConfigurationsAreNamed() {
        Dataset d = Dataset.of(new double[][] {{1}, {2}}, new double[] {1, 2});
        LinearModel model = new LinearModel(1, 1, 1, DType.FLOAT64);
        GradientDescent opt = new GradientDescent(model.parameters(), 0.01);
        DataLoader l = loader(d, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.fit(model, Fakes.MSE, opt, l, null, 0));
        assertEquals("FitConfig: epochs must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.fit(model, (p, t) -> p, opt, l, null, 1));
        assertEquals("Trainer.fit: the loss returned shape [2, 1]; it must return a scalar (reduce with a mean or a "
                + "sum)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FitConfig.builder(model, Fakes.MSE, opt, l)
                .lrScheduler(new RecordingScheduler(), "val_loss").build());
        assertEquals("FitConfig: the scheduler monitors 'val_loss' but the logs will hold [loss]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FitConfig.builder(model, Fakes.MSE, opt, l)
                .metrics(Metric.mse(), Metric.mse()).build());
        assertEquals("FitConfig: metrics must be non-null with distinct names other than 'loss', got 'mse' twice",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FitConfig.builder(null, Fakes.MSE, opt, l).build());
        assertEquals("FitConfig: the model must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.fit(model, Fakes.MSE, opt, l, null, 2,
                new EarlyStopping("val_loss", 1)));
        assertEquals("EarlyStopping: monitored metric 'val_loss' is not in the logs [loss]; val_ metrics need a "
                + "validation loader", e.getMessage());
    }
}
