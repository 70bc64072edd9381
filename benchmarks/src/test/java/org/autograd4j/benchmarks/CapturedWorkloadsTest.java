package org.autograd4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each workload trained a few steps eagerly and through a captured, replayed step: the same losses and the same
 * parameters, bit for bit (issue 14: replay equals eager, per workload).
 */
class CapturedWorkloadsTest {
    @ParameterizedTest
    @EnumSource(Workload.class)
    void replayTrainsExactlyAsEagerSteps(Workload w) {
        NnTrainer eager = new NnTrainer(w, false);
        NnTrainer captured = new NnTrainer(w, true);
        Data.Batch[] data = w.data();
        int steps = w == Workload.MLP_MNIST_SHAPE ? 4 : 12;
        for (int s = 0; s < steps; s++) {
            Data.Batch b = data[s % data.length];
            assertEquals(Double.doubleToRawLongBits(eager.step(b)), Double.doubleToRawLongBits(captured.step(b)),
                    w.label + " loss at step " + s);
        }
        List<Tensor> expected = eager.model().parameters();
        List<Tensor> actual = captured.model().parameters();
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).toFloatArray(), actual.get(i).toFloatArray(), 0f,
                    w.label + " parameter " + i);
        }
    }
}
