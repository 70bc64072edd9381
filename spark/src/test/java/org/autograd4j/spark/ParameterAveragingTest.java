package org.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autograd4j.nn.Mlp;
import org.junit.jupiter.api.Test;

/** Local SGD with parameter (and optimizer state) averaging. */
class ParameterAveragingTest {
    private static final TestData DATA = TestData.classes(SynchronousEquivalenceTest.ROWS, 5, 11);

    private static double[] train(int partitions, int localSteps, TrainingResult[] result) {
        return train(partitions, localSteps, SynchronousEquivalenceTest.EPOCHS, result);
    }

    private static double[] train(int partitions, int localSteps, int epochs, TrainingResult[] result) {
        return train(partitions, localSteps, epochs, "adam", result);
    }

    private static double[] train(int partitions, int localSteps, int epochs, String optimizer,
            TrainingResult[] result) {
        Mlp m = SynchronousEquivalenceTest.model();
        try (TrainingData train = TrainingData.fromArrays(SharedSpark.sc(), DATA.x, DATA.y, partitions)) {
            DataParallelTrainer.Builder b = DataParallelTrainer.builder(m, SparkLoss.crossEntropy(),
                    SynchronousEquivalenceTest.optimizer(optimizer)).batchSize(SynchronousEquivalenceTest.BATCH)
                    .epochs(epochs).seed(SynchronousEquivalenceTest.SEED);
            if (localSteps > 0) {
                b.parameterAveraging(localSteps);
            }
            result[0] = b.build().fit(train);
        }
        return SynchronousEquivalenceTest.flat(m);
    }

    @Test
    void onePartitionWithKLocalStepsIsKSingleMachineSteps() {
        double[] expected = SynchronousEquivalenceTest.singleMachine(DATA, SynchronousEquivalenceTest.optimizer("adam"),
                SynchronousEquivalenceTest.EPOCHS);
        TrainingResult[] r = new TrainingResult[1];
        double[] actual = train(1, 4, r);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9, "parameter " + i);
        }
        int steps = BatchPlan.stepsPerEpoch(SynchronousEquivalenceTest.ROWS, SynchronousEquivalenceTest.BATCH);
        assertEquals((steps + 3) / 4, r[0].epochs().get(0).jobs(), "one job per 4 local steps");
    }

    @Test
    void averagingIsDeterministicAndDiffersFromSynchronousTraining() {
        TrainingResult[] r = new TrainingResult[1];
        double[] first = train(2, 3, 1, r);
        double[] second = train(2, 3, 1, r);
        assertArrayEquals(first, second);
        double[] synchronous = train(2, 0, 1, r);
        double diff = 0;
        for (int i = 0; i < first.length; i++) {
            diff = Math.max(diff, Math.abs(first[i] - synchronous[i]));
        }
        assertTrue(diff > 1e-4, "two partitions averaging every 3 local steps follow another path (max diff " + diff
                + ")");
    }

    @Test
    void momentumBuffersCreatedDuringTheFirstRoundAreAveragedToo() {
        double[] expected = SynchronousEquivalenceTest.singleMachine(DATA, SynchronousEquivalenceTest.optimizer("sgd"),
                1);
        TrainingResult[] r = new TrainingResult[1];
        double[] onePartition = train(1, 2, 1, "sgd", r);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], onePartition[i], 1e-9, "parameter " + i);
        }
        double[] a = train(2, 2, 1, "sgd", r);
        double[] b = train(2, 2, 1, "sgd", r);
        assertArrayEquals(a, b);
        assertTrue(Double.isFinite(r[0].epochs().get(0).trainLoss()));
    }
}
