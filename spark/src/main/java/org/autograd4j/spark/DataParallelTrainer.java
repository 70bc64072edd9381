package org.autograd4j.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.optim.Optimizer;

/**
 * Trains an {@code nn} model data-parallel on Spark. The model and its optimizer live on the driver; the rows live
 * in cached {@link TrainingData} blocks on the executors.
 *
 * <p>Over 400 lines because of its public nested {@link Builder} (about 150 lines of documented options): moving it
 * out would rename {@code DataParallelTrainer.Builder}, which user code compiles against; the training rounds
 * themselves are split out already ({@code BatchPlan}, {@code TrainingData}).
 *
 * <p><b>Synchronous</b> (the default): each step the driver broadcasts the parameters (one flat vector), every
 * partition computes the per-row gradient sum of its rows of the step's global batch ({@link BatchPlan}) with the
 * ordinary engine, {@code treeAggregate} sums them, and the driver divides by the batch's row count and applies the
 * optimizer. That is single-machine training on the same global batches, equal to rounding (1e-9 in FLOAT64 after
 * many steps), whatever the number of partitions. One Spark job per step.
 *
 * <p><b>Parameter averaging</b> ({@link Builder#parameterAveraging}, local SGD, as DL4J's
 * {@code ParameterAveragingTrainingMaster}): each partition takes {@code k} local steps on its own share of the next
 * {@code k} global batches with its own copy of the optimizer, then parameters and optimizer buffers are averaged
 * over the partitions that stepped. One job per {@code k} steps: less communication, a different (noisier) path.
 *
 * <pre>{@code
 * Mlp model = Mlp.builder().sizes(30, 32, 2).seed(42).build();
 * DataParallelTrainer trainer = DataParallelTrainer.builder(model, SparkLoss.crossEntropy(),
 *         params -> Adam.builder(params).lr(1e-3).build()).batchSize(32).epochs(20).seed(42).build();
 * TrainingResult r = trainer.fit(train, validation);   // the model now holds the trained weights
 * }</pre>
 */
public final class DataParallelTrainer {
    private final Module model;
    private final SparkLoss loss;
    private final OptimizerFactory optimizerFactory;
    private final Optimizer optimizer;
    private final ModelBlueprint blueprint;
    private final int batchSize;
    private final int epochs;
    private final long seed;
    private final int localSteps;
    private final int patience;
    private final Optional<Path> checkpointDir;
    private final List<EpochListener> listeners;
    private final int depth;

    private DataParallelTrainer(Builder b) {
        this.model = b.model;
        this.loss = b.loss;
        this.optimizerFactory = b.optimizer;
        this.blueprint = ModelBlueprint.of(model);
        this.optimizer = optimizerFactory.create(model.parameters());
        this.batchSize = b.batchSize;
        this.epochs = b.epochs;
        this.seed = b.seed;
        this.localSteps = b.localSteps;
        this.patience = b.patience;
        this.checkpointDir = Optional.ofNullable(b.checkpointDir);
        this.listeners = List.copyOf(b.listeners);
        this.depth = b.depth;
    }

    /**
     * A builder.
     *
     * @param model     a describable model (every built-in module is); trained in place
     * @param loss      the loss
     * @param optimizer builds the optimizer over the model's parameters
     * @return the builder, with the defaults below
     */
    public static Builder builder(Module model, SparkLoss loss, OptimizerFactory optimizer) {
        return new Builder(model, loss, optimizer);
    }

    /**
     * The model being trained (its weights change in place).
     *
     * @return the model
     */
    public Module model() {
        return model;
    }

    /**
     * The driver's optimizer.
     *
     * @return the optimizer
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Trains on {@code train} without validation; see {@link #fit(TrainingData, TrainingData)}.
     *
     * @param train the training rows
     * @return the epochs' statistics
     */
    public TrainingResult fit(TrainingData train) {
        return fit(train, null);
    }

    /**
     * Trains for the configured epochs (fewer if early stopping ends it), resuming from the checkpoint directory's
     * checkpoint if there is one.
     *
     * @param train      the training rows
     * @param validation rows for the validation loss after each epoch (and early stopping), or null
     * @throws IllegalArgumentException if the data's width does not fit the model, early stopping has no validation
     *                                  data, or the checkpoint belongs to another run
     * @return the epochs' statistics, the best epoch and whether early stopping ended the training
     */
    public TrainingResult fit(TrainingData train, TrainingData validation) {
        if (patience > 0 && validation == null) {
            throw new IllegalArgumentException("DataParallelTrainer: early stopping (patience " + patience
                    + ") needs validation data");
        }
        int steps = BatchPlan.stepsPerEpoch(train.rows(), batchSize);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(train.blocks().context());
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("seed", Long.toString(seed));
        identity.put("batch_size", Integer.toString(batchSize));
        identity.put("rows", Long.toString(train.rows()));
        identity.put("strategy", localSteps == 0 ? "synchronous" : "averaging/" + localSteps);
        Module best = patience > 0 ? blueprint.build(0) : null;
        if (best != null) {
            blueprint.load(best, blueprint.flatten(model));
        }
        Checkpoints.Progress progress = checkpointDir.flatMap(d -> Checkpoints.load(d, model, optimizer, identity,
                best)).orElse(new Checkpoints.Progress(0, 0, Double.POSITIVE_INFINITY, 0, List.of()));
        List<EpochStats> history = new ArrayList<>(progress.history());
        int bestEpoch = progress.bestEpoch();
        double bestLoss = progress.bestLoss();
        int wait = progress.epochsWithout();
        boolean stopped = patience > 0 && wait >= patience;
        for (int epoch = progress.epoch() + 1; epoch <= epochs && !stopped; epoch++) {
            long start = System.nanoTime();
            Timing timing = new Timing();
            if (localSteps == 0) {
                for (int s = 0; s < steps; s++) {
                    syncStep(sc, train.blocks(), epoch, s, steps, timing);
                }
            } else {
                for (int s = 0; s < steps; s += localSteps) {
                    averagingRound(sc, train.blocks(), epoch, s, Math.min(steps, s + localSteps), steps, timing);
                }
            }
            OptionalDouble valLoss = OptionalDouble.empty();
            OptionalDouble valAcc = OptionalDouble.empty();
            if (validation != null) {
                EvalSum e = evaluate(sc, validation);
                valLoss = OptionalDouble.of(e.loss / e.rows);
                if (loss.classification()) {
                    valAcc = OptionalDouble.of((double) e.correct / e.rows);
                }
                if (patience > 0) {
                    if (e.loss / e.rows < bestLoss) {
                        bestLoss = e.loss / e.rows;
                        bestEpoch = epoch;
                        wait = 0;
                        blueprint.load(best, blueprint.flatten(model));
                    } else {
                        wait++;
                        stopped = wait >= patience;
                    }
                }
            }
            if (patience == 0) {
                bestEpoch = epoch;
            }
            EpochStats stats = new EpochStats(epoch, timing.steps, timing.jobs, timing.loss / timing.rows, valLoss,
                    valAcc, timing.compute / 1e9, timing.communication / 1e9, timing.driver / 1e9,
                    (System.nanoTime() - start) / 1e9);
            history.add(stats);
            int e = epoch;
            int be = bestEpoch;
            double bl = bestLoss;
            int w = wait;
            checkpointDir.ifPresent(d -> Checkpoints.save(d, model, optimizer, identity,
                    new Checkpoints.Progress(e, be, bl, w, history), best));
            for (EpochListener l : listeners) {
                l.onEpoch(stats);
            }
        }
        if (best != null && bestEpoch > 0) {
            blueprint.load(model, blueprint.flatten(best));
        }
        return new TrainingResult(history, bestEpoch, stopped);
    }

    /** Per-epoch sums of step losses, rows and times. */
    private static final class Timing {
        double loss;
        long rows;
        int steps;
        int jobs;
        long compute;
        long communication;
        long driver;

        void job(long wallNanos, long computeNanos) {
            jobs++;
            compute += computeNanos;
            communication += Math.max(0, wallNanos - computeNanos);
        }
    }

    /** One synchronous step: broadcast, per-partition gradient sums, tree aggregation, the optimizer on the driver. */
    private void syncStep(JavaSparkContext sc, JavaRDD<Block> blocks, int epoch, int step, int steps, Timing timing) {
        long start = System.nanoTime();
        Broadcast<double[]> params = sc.broadcast(blueprint.flatten(model));
        long globalStep = (long) (epoch - 1) * steps + step;
        PartitionWork.Step task = new PartitionWork.Step(blueprint, loss, seed, epoch - 1, step, steps, globalStep);
        GradientSum sum = blocks.treeAggregate(new GradientSum(),
                (acc, b) -> acc.merge(PartitionWork.gradient(b, task, params.value())), GradientSum::merge, depth);
        long aggregated = System.nanoTime();
        params.destroy();
        timing.job(aggregated - start, sum.maxComputeNanos);
        if (sum.rows > 0) {
            blueprint.setMeanGradients(model.parameters(), sum.values, sum.rows);
            optimizer.step();
            optimizer.zeroGrad();
            timing.loss += sum.loss;
            timing.rows += sum.rows;
            timing.steps++;
        }
        timing.driver += System.nanoTime() - aggregated;
    }

    /** One averaging round: local steps {@code first..last-1} on every partition, then the average. */
    private void averagingRound(JavaSparkContext sc, JavaRDD<Block> blocks, int epoch, int first, int last,
            int steps, Timing timing) {
        long start = System.nanoTime();
        StateData state = StateData.of(optimizer.state());
        Broadcast<double[]> params = sc.broadcast(blueprint.flatten(model));
        Broadcast<StateData> states = sc.broadcast(state);
        long globalStep = (long) (epoch - 1) * steps + first;
        PartitionWork.Round task = new PartitionWork.Round(blueprint, loss, optimizerFactory, seed, epoch - 1, first,
                last, steps, globalStep);
        AverageSum sum = blocks.treeAggregate(new AverageSum(),
                (acc, b) -> acc.merge(PartitionWork.round(b, task, params.value(), states.value())),
                AverageSum::merge, depth);
        long aggregated = System.nanoTime();
        params.destroy();
        states.destroy();
        timing.job(aggregated - start, sum.maxComputeNanos);
        if (sum.contributors > 0) {
            double[] avg = sum.params;
            for (int i = 0; i < avg.length; i++) {
                avg[i] /= sum.contributors;
            }
            blueprint.load(model, avg);
            optimizer.loadState(state.averaged(sum.keys, sum.lengths, sum.state, sum.contributors).state());
            timing.loss += sum.loss;
            timing.rows += sum.rows;
            timing.steps += last - first;
        }
        timing.driver += System.nanoTime() - aggregated;
    }

    /** The summed validation loss over all rows, with the driver's current weights. */
    private EvalSum evaluate(JavaSparkContext sc, TrainingData data) {
        Broadcast<double[]> params = sc.broadcast(blueprint.flatten(model));
        ModelBlueprint bp = blueprint;
        SparkLoss l = loss;
        EvalSum sum = data.blocks().treeAggregate(new EvalSum(),
                (acc, b) -> acc.merge(PartitionWork.evaluate(b, bp, l, params.value())), EvalSum::merge, depth);
        params.destroy();
        return sum;
    }

    /** Builds a {@link DataParallelTrainer}; every setter checks its value at once. */
    public static final class Builder {
        private final Module model;
        private final SparkLoss loss;
        private final OptimizerFactory optimizer;
        private int batchSize = 32;
        private int epochs = 10;
        private long seed;
        private int localSteps;
        private int patience;
        private Path checkpointDir;
        private final List<EpochListener> listeners = new ArrayList<>();
        private int depth = 2;

        private Builder(Module model, SparkLoss loss, OptimizerFactory optimizer) {
            if (model == null || loss == null || optimizer == null) {
                throw new IllegalArgumentException("DataParallelTrainer: model, loss and optimizer must not be null");
            }
            this.model = model;
            this.loss = loss;
            this.optimizer = optimizer;
        }

        /**
         * Rows per global mini-batch on average (see {@link BatchPlan}), {@code >= 1}; default 32.
         *
         * @param batchSize the rows per step, summed over partitions
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = atLeast("batchSize", batchSize, 1);
            return this;
        }

        /**
         * The most epochs to train, {@code >= 1}; default 10.
         *
         * @param epochs the epoch count
         * @return this builder
         */
        public Builder epochs(int epochs) {
            this.epochs = atLeast("epochs", epochs, 1);
            return this;
        }

        /**
         * The seed of the mini-batches and the dropout masks; default 0.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Synchronous training, one aggregated gradient per step (the default).
         *
         * @return this builder
         */
        public Builder synchronous() {
            this.localSteps = 0;
            return this;
        }

        /**
         * Local SGD: {@code localSteps} steps on each partition between averages, {@code >= 1}.
         *
         * @param localSteps the steps between averages
         * @return this builder
         */
        public Builder parameterAveraging(int localSteps) {
            this.localSteps = atLeast("parameterAveraging", localSteps, 1);
            return this;
        }

        /**
         * Stops after {@code patience} epochs without a lower validation loss and restores the best weights
         * ({@code >= 1}; needs validation data in {@link #fit(TrainingData, TrainingData)}). Off by default.
         *
         * @param patience the epochs without improvement to wait
         * @return this builder
         */
        public Builder earlyStopping(int patience) {
            this.patience = atLeast("earlyStopping", patience, 1);
            return this;
        }

        /**
         * Writes a checkpoint there after every epoch, and resumes from it when one exists. Off by default.
         *
         * @param dir the directory the driver writes its checkpoint to
         * @return this builder
         * @throws IllegalArgumentException if {@code dir} is null
         */
        public Builder checkpointDir(Path dir) {
            if (dir == null) {
                throw new IllegalArgumentException("DataParallelTrainer: checkpointDir must not be null");
            }
            this.checkpointDir = dir;
            return this;
        }

        /**
         * Adds a listener called after every epoch.
         *
         * @param listener called with each epoch's statistics
         * @return this builder
         * @throws IllegalArgumentException if {@code listener} is null
         */
        public Builder listener(EpochListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("DataParallelTrainer: listener must not be null");
            }
            listeners.add(listener);
            return this;
        }

        /**
         * The depth of {@code treeAggregate}'s tree, {@code >= 1}; default 2 (deeper for hundreds of partitions).
         *
         * @param depth the tree's depth
         * @return this builder
         */
        public Builder aggregationDepth(int depth) {
            this.depth = atLeast("aggregationDepth", depth, 1);
            return this;
        }

        /**
         * The trainer; the optimizer is built here, over the model's parameters.
         *
         * @return the trainer
         * @throws IllegalArgumentException if the model cannot be described or rebuilt on executors
         */
        public DataParallelTrainer build() {
            return new DataParallelTrainer(this);
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException("DataParallelTrainer: " + name + " must be >= " + min + ", got "
                        + value);
            }
            return value;
        }
    }
}
