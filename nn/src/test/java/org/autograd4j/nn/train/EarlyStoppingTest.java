package org.autograd4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.train.Fakes.GradientDescent;
import org.autograd4j.nn.train.Fakes.LinearModel;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    /** Feeds a scripted curve; the model's weights are set to the epoch number first. Returns the stop epoch or 0. */
    private static int run(EarlyStopping stop, LinearModel model, String name, double... curve) {
        stop.onTrainBegin(model, curve.length);
        for (int e = 1; e <= curve.length; e++) {
            model.fill(e);
            if (stop.onEpochEnd(e, Fakes.logs(name, curve[e - 1]))) {
                return e;
            }
        }
        return 0;
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() {
        LinearModel model = new LinearModel(2, 1, 1, DType.FLOAT64);
        EarlyStopping stop = new EarlyStopping("val_loss", 3);
        int stopped = run(stop, model, "val_loss", 1.0, 0.8, 0.6, 0.65, 0.62, 0.7, 0.5);
        assertEquals(6, stopped, "best at 3, then 4, 5, 6 without improvement");
        assertEquals(6, stop.stoppedEpoch());
        assertEquals(3, stop.bestEpoch());
        assertEquals(0.6, stop.best());
        assertArrayEquals(new double[] {6, 6}, model.weight.toDoubleArray());
        stop.onTrainEnd(new History());
        assertArrayEquals(new double[] {3, 3}, model.weight.toDoubleArray(), "weights of epoch 3 restored");
    }

    @Test
    void minDeltaPatienceZeroAndMaxMode() {
        LinearModel model = new LinearModel(1, 1, 1, DType.FLOAT64);
        EarlyStopping delta = EarlyStopping.builder().monitor("val_loss").patience(2).minDelta(0.1).build();
        assertEquals(3, run(delta, model, "val_loss", 1.0, 0.95, 0.92, 0.5), "gains under 0.1 do not count");
        EarlyStopping zero = EarlyStopping.builder().monitor("loss").build();
        assertEquals(3, run(zero, model, "loss", 3, 2, 2, 1), "patience 0: the first epoch without improvement");
        EarlyStopping acc = EarlyStopping.builder().monitor("val_accuracy").patience(2).build();
        assertTrue(acc.maximizes(), "AUTO maximises accuracy");
        assertEquals(4, run(acc, model, "val_accuracy", 0.5, 0.6, 0.6, 0.59, 0.9));
        assertEquals(2, acc.bestEpoch());
        EarlyStopping forcedMin = EarlyStopping.builder().monitor("val_accuracy").mode(MonitorMode.MIN).build();
        assertFalse(forcedMin.maximizes());
        assertEquals(0, run(new EarlyStopping("val_loss", 1), model, "val_loss", 5, 4, 3, 2), "never stops");
    }

    @Test
    void nanNeverImproves() {
        LinearModel model = new LinearModel(1, 1, 1, DType.FLOAT64);
        EarlyStopping stop = new EarlyStopping("val_loss", 2);
        assertEquals(3, run(stop, model, "val_loss", 1.0, Double.NaN, Double.NaN));
        stop.onTrainEnd(new History());
        assertArrayEquals(new double[] {1}, model.weight.toDoubleArray());
    }

    @Test
    void missingMonitorAndBadOptionsAreNamed() {
        EarlyStopping stop = new EarlyStopping("val_loss", 2);
        stop.onTrainBegin(new LinearModel(1, 1, 1, DType.FLOAT64), 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stop.onEpochEnd(1, Fakes.logs("loss", 1)));
        assertEquals("EarlyStopping: monitored metric 'val_loss' is not in the logs [loss]; val_ metrics need a "
                + "validation loader", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EarlyStopping.builder().patience(-1).build());
        assertEquals("EarlyStopping: patience must be >= 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EarlyStopping.builder().minDelta(-0.1).build());
        assertEquals("EarlyStopping: minDelta must be finite and >= 0, got -0.1", e.getMessage());
    }

    /** Through the loop: a loss scripted on validation passes, real gradient descent on training passes. */
    @Test
    void trainerStopsAtTheRightEpochAndRestoresTheBestEpochsWeights() {
        double[] curve = {0.9, 0.7, 0.4, 0.5, 0.45, 0.6, 0.3, 0.2};
        int[] validationPasses = {0};
        Loss scripted = (p, t) -> Autograd.isGradEnabled() ? Fakes.MSE.compute(p, t)
                : Tensor.scalar(curve[validationPasses[0]++]);
        Dataset data = Dataset.of(new double[][] {{1, 2}, {2, 1}, {0, 1}, {1, 1}}, new double[] {1, 2, 3, 4});
        LinearModel model = new LinearModel(2, 1, 3, DType.FLOAT64);
        List<Map<String, Tensor>> snapshots = new ArrayList<>();
        Callback snapshot = new Callback() {
            @Override
            public boolean onEpochEnd(int epoch, EpochLogs logs) {
                snapshots.add(model.stateDict());
                return false;
            }
        };
        EarlyStopping stop = new EarlyStopping("val_loss", 3);
        History h = Trainer.fit(model, scripted, new GradientDescent(model.parameters(), 0.05),
                DataLoader.builder(data).batchSize(2).dtype(DType.FLOAT64).build(),
                DataLoader.builder(data).batchSize(4).dtype(DType.FLOAT64).build(), 8, snapshot, stop);
        assertEquals(6, h.epochs());
        assertEquals(6, h.stoppedEpoch().getAsInt());
        assertArrayEquals(new double[] {0.9, 0.7, 0.4, 0.5, 0.45, 0.6}, h.get("val_loss"));
        assertEquals(3, stop.bestEpoch());
        assertEquals(3, h.bestEpoch("val_loss", MonitorMode.AUTO));
        Map<String, Tensor> best = snapshots.get(2);
        assertFalse(java.util.Arrays.equals(best.get("weight").toDoubleArray(),
                snapshots.get(5).get("weight").toDoubleArray()), "training moved the weights after epoch 3");
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            assertArrayEquals(best.get(e.getKey()).toDoubleArray(), e.getValue().toDoubleArray(), e.getKey());
        }
    }
}
