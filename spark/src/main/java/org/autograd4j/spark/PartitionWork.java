package org.autograd4j.spark;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.optim.Optimizer;

/**
 * What one task does with its partition's {@link Block}, with the ordinary engine: the gradient sum of its rows of a
 * global batch (synchronous training), k local optimizer steps (parameter averaging), or the loss of its rows
 * (validation). Runs on executors; everything it computes depends only on its arguments, so a retried task returns
 * what the failed attempt would have.
 */
final class PartitionWork {
    /** Rows per forward pass when evaluating. */
    private static final int EVAL_CHUNK = 4096;
    /** Models without dropout are rebuilt once per executor thread and architecture, then reused. */
    private static final Map<String, Deque<Module>> POOL = new ConcurrentHashMap<>();

    private PartitionWork() {
    }

    /** The settings of one synchronous step, shipped with its tasks. */
    record Step(ModelBlueprint blueprint, SparkLoss loss, long seed, int epoch, int step, int steps, long globalStep)
            implements java.io.Serializable {
    }

    /** The settings of one averaging round: steps {@code first} to {@code last} (exclusive) of an epoch. */
    record Round(ModelBlueprint blueprint, SparkLoss loss, OptimizerFactory optimizer, long seed, int epoch, int first,
            int last, int steps, long globalStep) implements java.io.Serializable {
    }

    /** The per-row gradient sum of this block's rows of the step's global batch. */
    static GradientSum gradient(Block b, Step t, double[] params) {
        long start = System.nanoTime();
        GradientSum out = new GradientSum();
        int[] rows = b.rowsOfStep(t.seed(), t.epoch(), t.step(), t.steps());
        if (rows.length > 0) {
            Module m = borrow(t.blueprint(), BatchPlan.taskSeed(t.seed(), t.globalStep(), b.partition));
            try {
                t.blueprint().load(m, params);
                m.train();
                m.zeroGrad();
                Tensor loss = t.loss().sum(m.forward(x(b, rows, t.blueprint().dtype())), y(b, rows, t));
                loss.backward();
                out.values = new double[t.blueprint().size()];
                t.blueprint().addGradients(m, out.values);
                out.loss = loss.item();
                out.rows = rows.length;
            } finally {
                release(t.blueprint(), m);
            }
        }
        out.maxComputeNanos = System.nanoTime() - start;
        return out;
    }

    /**
     * Local steps {@code first..last-1} of the round on this block's share of each global batch (a step whose share is
     * empty is skipped), starting from {@code params} and {@code state}; the parameters and optimizer buffers after
     * them. A block that took no step contributes nothing.
     */
    static AverageSum round(Block b, Round t, double[] params, StateData state) {
        long start = System.nanoTime();
        AverageSum out = new AverageSum();
        ModelBlueprint bp = t.blueprint();
        Module m = borrow(bp, BatchPlan.taskSeed(t.seed(), t.globalStep(), b.partition));
        try {
            bp.load(m, params);
            m.train();
            Optimizer opt = t.optimizer().create(m.parameters());
            opt.loadState(state.state());
            int taken = 0;
            for (int s = t.first(); s < t.last(); s++) {
                int[] rows = b.rowsOfStep(t.seed(), t.epoch(), s, t.steps());
                if (rows.length == 0) {
                    continue;
                }
                opt.zeroGrad();
                Tensor loss = t.loss().sum(m.forward(x(b, rows, bp.dtype())), target(b, rows, t.loss(), bp.dtype()));
                loss.backward();
                double[] sums = new double[bp.size()];
                bp.addGradients(m, sums);
                bp.setMeanGradients(m.parameters(), sums, rows.length);
                opt.step();
                out.loss += loss.item();
                out.rows += rows.length;
                taken++;
            }
            if (taken > 0) {
                out.params = bp.flatten(m);
                StateData after = StateData.of(opt.state());
                out.keys = after.averagedKeys().toArray(String[]::new);
                out.lengths = after.averagedKeys().stream().mapToInt(k -> after.buffers().get(k).length).toArray();
                out.state = after.flatten();
                out.contributors = 1;
            }
        } finally {
            release(bp, m);
        }
        out.maxComputeNanos = System.nanoTime() - start;
        return out;
    }

    /** The summed loss (and right answers) over all of this block's rows, in evaluation mode, recording off. */
    static EvalSum evaluate(Block b, ModelBlueprint bp, SparkLoss loss, double[] params) {
        EvalSum out = new EvalSum();
        if (b.rows() == 0) {
            return out;
        }
        Module m = borrow(bp, 0);
        try (Autograd.Scope scope = Autograd.noGrad()) {
            bp.load(m, params);
            m.eval();
            for (int from = 0; from < b.rows(); from += EVAL_CHUNK) {
                int[] rows = Block.range(from, Math.min(b.rows(), from + EVAL_CHUNK));
                Tensor out1 = m.forward(x(b, rows, bp.dtype()));
                out.loss += loss.sum(out1, target(b, rows, loss, bp.dtype())).item();
                out.rows += rows.length;
                if (loss.classification()) {
                    out.correct += loss.correct(out1, b.labels(rows));
                }
            }
        } finally {
            m.train();
            release(bp, m);
        }
        return out;
    }

    private static Tensor x(Block b, int[] rows, DType dtype) {
        Tensor x = Tensor.of(b.features(rows), rows.length, b.numFeatures);
        return dtype == DType.FLOAT64 ? x : x.to(dtype);
    }

    private static Tensor y(Block b, int[] rows, Step t) {
        return target(b, rows, t.loss(), t.blueprint().dtype());
    }

    private static Tensor target(Block b, int[] rows, SparkLoss loss, DType dtype) {
        return loss.target(b.labels(rows), rows.length, b.labelWidth, dtype);
    }

    /** A model of this architecture: a pooled one, or a new one whose dropout masks follow {@code dropoutSeed}. */
    static Module borrow(ModelBlueprint bp, long dropoutSeed) {
        if (bp.hasDropout()) {
            return bp.build(dropoutSeed);
        }
        Module m = POOL.computeIfAbsent(bp.key(), k -> new ConcurrentLinkedDeque<>()).pollFirst();
        return m != null ? m : bp.build(0);
    }

    /** Returns a borrowed model to the pool. */
    static void release(ModelBlueprint bp, Module m) {
        if (!bp.hasDropout()) {
            m.zeroGrad();
            Deque<Module> pool = POOL.get(bp.key());
            if (pool != null && pool.size() < 16) {
                pool.offerFirst(m);
            }
        }
    }
}
