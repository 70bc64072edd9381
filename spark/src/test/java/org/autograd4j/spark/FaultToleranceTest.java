package org.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Mlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed task is retried by Spark and the result is unchanged; a run killed after an epoch resumes from its
 * checkpoint and ends with the same parameters as an uninterrupted one. Two partitions, so that the aggregated sums
 * are bitwise the same in any arrival order and the comparisons can be exact.
 */
class FaultToleranceTest {
    private static final TestData DATA = TestData.classes(SynchronousEquivalenceTest.ROWS, 5, 11);
    /** How many times the failing loss has thrown (static: local mode runs tasks in this JVM). */
    private static final AtomicInteger FAILURES = new AtomicInteger();

    /**
     * Cross-entropy that throws once, in the first attempt of partition 1's task of its fifth job. Tasks get copies
     * of the loss, so the count lives in a static map under this instance's id (local mode: one JVM).
     */
    private static final class FailOnce implements SparkLoss {
        private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
        private final String id = UUID.randomUUID().toString();

        @Override
        public Tensor sum(Tensor prediction, Tensor target) {
            TaskContext ctx = TaskContext.get();
            if (ctx.partitionId() == 1 && ctx.attemptNumber() == 0
                    && CALLS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 5) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure");
            }
            return SparkLoss.crossEntropy().sum(prediction, target);
        }

        @Override
        public Tensor target(double[] labels, int rows, int width, org.autograd4j.core.DType dtype) {
            return SparkLoss.crossEntropy().target(labels, rows, width, dtype);
        }
    }

    private static double[] train(SparkLoss loss, Path checkpoints, EpochListener listener) {
        return train(SynchronousEquivalenceTest.model(), loss, checkpoints, listener);
    }

    private static double[] train(Mlp m, SparkLoss loss, Path checkpoints, EpochListener listener) {
        try (TrainingData train = TrainingData.fromArrays(SharedSpark.sc(), DATA.x, DATA.y, 2)) {
            DataParallelTrainer.Builder b = DataParallelTrainer.builder(m, loss,
                    SynchronousEquivalenceTest.optimizer("adam")).batchSize(16).epochs(3).seed(5);
            if (checkpoints != null) {
                b.checkpointDir(checkpoints);
            }
            if (listener != null) {
                b.listener(listener);
            }
            b.build().fit(train);
        }
        return SynchronousEquivalenceTest.flat(m);
    }

    @Test
    void aRetriedTaskLeavesTheResultUnchanged() {
        double[] clean = train(SparkLoss.crossEntropy(), null, null);
        int before = FAILURES.get();
        double[] retried = train(new FailOnce(), null, null);
        assertEquals(before + 1, FAILURES.get(), "the failure was injected once");
        assertArrayEquals(clean, retried);
    }

    @Test
    void aRetriedTaskDrawsTheSameDropoutMasks() {
        double[] clean = train(dropoutModel(), SparkLoss.crossEntropy(), null, null);
        int before = FAILURES.get();
        double[] retried = train(dropoutModel(), new FailOnce(), null, null);
        assertEquals(before + 1, FAILURES.get(), "the failure was injected once");
        assertArrayEquals(clean, retried);
        double[] without = train(SparkLoss.crossEntropy(), null, null);
        assertTrue(Math.abs(clean[0] - without[0]) > 1e-6 || Math.abs(clean[5] - without[5]) > 1e-6,
                "the masks changed the result");
    }

    private static Mlp dropoutModel() {
        Mlp m = Mlp.builder().sizes(5, 8, 3).hiddenActivation(org.autograd4j.nn.Activation.TANH).dropout(0.3)
                .seed(3).build();
        m.to(org.autograd4j.core.DType.FLOAT64);
        return m;
    }

    @Test
    void aResumedRunEndsWithTheUninterruptedRunsParameters(@TempDir Path dir) throws Exception {
        double[] uninterrupted = train(SparkLoss.crossEntropy(), dir.resolve("a"), null);
        Path b = dir.resolve("b");
        RuntimeException crash = assertThrows(RuntimeException.class, () -> train(SparkLoss.crossEntropy(), b, s -> {
            if (s.epoch() == 2) {
                throw new RuntimeException("driver killed after epoch 2");
            }
        }));
        assertEquals("driver killed after epoch 2", crash.getMessage());
        assertTrue(Files.exists(b.resolve(Checkpoints.FILE)));
        AtomicInteger epochsRun = new AtomicInteger();
        double[] resumed = train(SparkLoss.crossEntropy(), b, s -> epochsRun.incrementAndGet());
        assertEquals(1, epochsRun.get(), "only epoch 3 was left");
        assertArrayEquals(uninterrupted, resumed);
    }

    @Test
    void aCheckpointOfAnotherRunIsRefused(@TempDir Path dir) {
        train(SparkLoss.crossEntropy(), dir, null);
        Mlp m = SynchronousEquivalenceTest.model();
        try (TrainingData train = TrainingData.fromArrays(SharedSpark.sc(), DATA.x, DATA.y, 2)) {
            DataParallelTrainer t = DataParallelTrainer.builder(m, SparkLoss.crossEntropy(),
                    SynchronousEquivalenceTest.optimizer("adam")).batchSize(16).epochs(3).seed(6).checkpointDir(dir)
                    .build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.fit(train));
            assertEquals("DataParallelTrainer: the checkpoint in " + dir + " has seed=5, this run 6; use another"
                    + " directory", e.getMessage());
        }
    }
}
