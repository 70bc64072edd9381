package org.autograd4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.autograd4j.core.DType;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.optim.OneCycleLr;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.ReduceLrOnPlateau;
import org.autograd4j.nn.optim.Sgd;
import org.autograd4j.nn.train.Fakes.LinearModel;
import org.autograd4j.nn.train.Fakes.RecordingScheduler;
import org.junit.jupiter.api.Test;

/** Per-batch callbacks and schedulers stepped per batch in {@link Trainer#fit}. */
class PerBatchTest {
    private static DataLoader loader() {
        Random rng = new Random(5);
        double[][] x = new double[10][];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {rng.nextGaussian(), rng.nextGaussian()};
            y[i] = x[i][0] - x[i][1];
        }
        return DataLoader.builder(Dataset.of(x, y)).batchSize(4).dtype(DType.FLOAT64).build();
    }

    @Test
    void callbacksHearEveryTrainingBatchStartAndEndInOrder() {
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        List<String> events = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onBatchStart(int epoch, int batch) {
                events.add("start " + epoch + "." + batch);
            }

            @Override
            public boolean onBatchEnd(int epoch, int batch, double loss) {
                events.add("end " + epoch + "." + batch);
                return false;
            }

            @Override
            public boolean onEpochEnd(int epoch, EpochLogs logs) {
                events.add("epoch " + epoch);
                return false;
            }
        };
        Trainer.fit(FitConfig.builder(model, Fakes.MSE, Sgd.builder(model.parameters()).lr(0.01).build(), loader())
                .validation(loader()).epochs(2).callbacks(recorder).build());
        assertEquals(List.of("start 1.1", "end 1.1", "start 1.2", "end 1.2", "start 1.3", "end 1.3", "epoch 1",
                "start 2.1", "end 2.1", "start 2.2", "end 2.2", "start 2.3", "end 2.3", "epoch 2"), events);
    }

    @Test
    void aSchedulerSteppedPerBatchStepsAfterEveryOptimizerStepAndNotAtEpochEnd() {
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        Optimizer opt = Sgd.builder(model.parameters()).lr(0.01).build();
        OneCycleLr sched = new OneCycleLr(opt, 0.1, 6);
        List<Double> seen = new ArrayList<>();
        Callback lrs = new Callback() {
            @Override
            public boolean onBatchEnd(int epoch, int batch, double loss) {
                seen.add(opt.learningRate());
                return false;
            }
        };
        Trainer.fit(FitConfig.builder(model, Fakes.MSE, opt, loader()).epochs(2)
                .lrScheduler(sched, StepInterval.BATCH).callbacks(lrs).build());
        assertEquals(6, sched.lastEpoch());
        OneCycleLr again = new OneCycleLr(Sgd.builder(new LinearModel(2, 1, 2, DType.FLOAT64).parameters()).build(),
                0.1, 6);
        for (int i = 0; i < 6; i++) {
            again.step();
            assertEquals(again.lastLr(), seen.get(i), 0, "after batch " + (i + 1));
        }
        RecordingScheduler recording = new RecordingScheduler();
        Trainer.fit(FitConfig.builder(model, Fakes.MSE, opt, loader()).epochs(2)
                .lrScheduler(recording, StepInterval.BATCH).build());
        assertEquals(6, recording.metrics.size());
        assertEquals(Double.NaN, recording.metrics.get(0));
    }

    @Test
    void aMonitoringSchedulerCannotStepPerBatch() {
        LinearModel model = new LinearModel(2, 1, 2, DType.FLOAT64);
        Optimizer opt = Sgd.builder(model.parameters()).build();
        FitConfig.Builder b = FitConfig.builder(model, Fakes.MSE, opt, loader())
                .lrScheduler(new ReduceLrOnPlateau(opt, ReduceLrOnPlateau.Mode.MIN), StepInterval.BATCH);
        assertEquals("FitConfig: ReduceLrOnPlateau monitors an epoch's metric; step it per epoch (StepInterval.EPOCH)",
                assertThrows(IllegalArgumentException.class, b::build).getMessage());
        FitConfig.Builder nullInterval = FitConfig.builder(model, Fakes.MSE, opt, loader())
                .lrScheduler(new OneCycleLr(opt, 0.1, 6), (StepInterval) null);
        assertEquals("FitConfig: the scheduler's step interval is null",
                assertThrows(IllegalArgumentException.class, nullInterval::build).getMessage());
    }
}
