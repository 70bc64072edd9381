package org.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.Sgd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Synchronous data-parallel training is single-machine training on the same global batches: after every step of two
 * epochs the parameters equal those of an ordinary nn loop (mean loss, backward, optimizer step) to 1e-9 in FLOAT64,
 * with 1, 2 and 4 partitions, for SGD with momentum and for Adam.
 */
class SynchronousEquivalenceTest {
    static final int ROWS = 90;
    static final int BATCH = 16;
    static final int EPOCHS = 2;
    static final long SEED = 7;

    static Mlp model() {
        Mlp m = Mlp.builder().sizes(5, 8, 3).hiddenActivation(Activation.TANH).seed(3).build();
        m.to(DType.FLOAT64);
        return m;
    }

    static OptimizerFactory optimizer(String name) {
        return name.equals("adam") ? p -> Adam.builder(p).lr(0.01).build()
                : p -> Sgd.builder(p).lr(0.1).momentum(0.9).build();
    }

    /** The single-machine run: the same batches (rows of step s in ascending id order), the ordinary loop. */
    static double[] singleMachine(TestData data, OptimizerFactory factory, int epochs) {
        Mlp m = model();
        Optimizer opt = factory.create(m.parameters());
        int steps = BatchPlan.stepsPerEpoch(ROWS, BATCH);
        for (int e = 0; e < epochs; e++) {
            for (int s = 0; s < steps; s++) {
                List<Integer> rows = new ArrayList<>();
                for (int i = 0; i < ROWS; i++) {
                    if (BatchPlan.stepOf(SEED, e, i, steps) == s) {
                        rows.add(i);
                    }
                }
                if (rows.isEmpty()) {
                    continue;
                }
                double[][] x = new double[rows.size()][];
                double[] y = new double[rows.size()];
                for (int k = 0; k < rows.size(); k++) {
                    x[k] = data.x[rows.get(k)];
                    y[k] = data.y[rows.get(k)];
                }
                opt.zeroGrad();
                Losses.crossEntropy().compute(m.forward(Tensor.of(x)), Tensor.of(y, y.length)).backward();
                opt.step();
            }
        }
        return flat(m);
    }

    static double[] flat(Mlp m) {
        List<Double> out = new ArrayList<>();
        for (Tensor p : m.parameters()) {
            for (double v : p.toDoubleArray()) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @ParameterizedTest(name = "{0} with {1} partitions")
    @CsvSource({"sgd,1", "sgd,2", "sgd,4", "adam,1", "adam,2", "adam,4"})
    void parametersEqualTheSingleMachineRun(String optimizer, int partitions) {
        TestData data = TestData.classes(ROWS, 5, 11);
        double[] expected = singleMachine(data, optimizer(optimizer), EPOCHS);
        double[] initial = flat(model());
        Mlp m = model();
        try (TrainingData train = TrainingData.fromArrays(SharedSpark.sc(), data.x, data.y, partitions)) {
            assertEquals(partitions, train.partitions());
            TrainingResult r = DataParallelTrainer.builder(m, SparkLoss.crossEntropy(), optimizer(optimizer))
                    .batchSize(BATCH).epochs(EPOCHS).seed(SEED).build().fit(train);
            assertEquals(EPOCHS, r.epochs().size());
            assertEquals(BatchPlan.stepsPerEpoch(ROWS, BATCH), r.epochs().get(0).jobs(), "one job per step");
        }
        double[] actual = flat(m);
        double moved = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9, "parameter " + i);
            moved = Math.max(moved, Math.abs(expected[i] - initial[i]));
        }
        assertTrue(moved > 0.01, "training moved the parameters (by " + moved + ")");
    }
}
