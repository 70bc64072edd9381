package org.autograd4j.examples.cli.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.examples.data.Task;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.data.Splits;
import org.autograd4j.nn.data.StandardScaler;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.train.Callback;
import org.autograd4j.nn.train.EarlyStopping;
import org.autograd4j.nn.train.EpochLogs;
import org.autograd4j.nn.train.FitConfig;
import org.autograd4j.nn.train.History;
import org.autograd4j.nn.metrics.Metric;
import org.autograd4j.nn.train.ProgressLogger;
import org.autograd4j.nn.train.TerminateOnNaN;
import org.autograd4j.nn.train.Trainer;

/**
 * One training run from data to scores, for the {@code train}, {@code gradcheck} and Spark commands: a seeded
 * split (stratified for classification), preprocessing fitted on the training split only, an {@link Mlp} in float32,
 * mini-batch training with early stopping on the validation loss (restoring the best weights) and
 * {@link TerminateOnNaN} (a diverged run fails with {@link TrainingDiverged}), and the final scores on the validation
 * split (and on a separate test set, where the problem has one).
 */
public final class Experiment {
    /** The validation loader's batch size: only memory matters there. */
    private static final int EVAL_BATCH = 1024;

    private Experiment() {
    }

    /**
     * What a run produced.
     *
     * @param model      the trained network (with the best weights, if early stopping restored them)
     * @param optimizer  its optimizer, for saving its state
     * @param history    the per-epoch losses and metrics
     * @param meta       what a saved model must remember (preprocessing, names, layout)
     * @param validation the scores on the validation split
     * @param test       the scores on the problem's test set, or null without one
     * @param restoredEpoch the epoch whose weights early stopping restored; empty when the model holds the weights
     *                      of its last epoch
     * @param seconds    the wall-clock time of the training
     */
    public record Outcome(Mlp model, Optimizer optimizer, History history, ModelMeta meta, Evaluation validation,
            Evaluation test, OptionalInt restoredEpoch, double seconds) {
    }

    /**
     * Trains as {@link #run(Problem, TrainSpec, PrintWriter, boolean)} with the training step captured and replayed.
     *
     * @param problem the data and its task
     * @param spec the run's settings
     * @param progress where the header and progress go; null for none
     * @return the trained model and everything measured about it
     */
    public static Outcome run(Problem problem, TrainSpec spec, PrintWriter progress) {
        return run(problem, spec, progress, true);
    }

    /**
     * Trains on {@code problem} as {@code spec} says.
     *
     * @param problem the data and its task
     * @param spec the run's settings
     * @param progress where to print a line per epoch, or null for silence
     * @param capture whether the training step is captured on its first batch and replayed after (the same
     *                numbers; training goes on eagerly, and the progress says why, where it cannot be)
     * @return the trained model with its history and scores
     * @throws IllegalArgumentException if the loss does not suit the problem's task or the data is too small to split
     * @throws TrainingDiverged         if the loss, a weight or the validation loss became NaN or infinite (training
     *                                  stops at the first such batch or epoch)
     */
    public static Outcome run(Problem problem, TrainSpec spec, PrintWriter progress, boolean capture) {
        Prepared prepared = prepare(problem, spec);
        LossKind loss = spec.loss();
        boolean classify = problem.task() == Task.CLASSIFICATION;
        Splits.TrainTest split = prepared.split();
        Preprocessing pre = prepared.pre();
        Dataset train = prepared.train();
        Dataset validation = prepared.validation();

        Mlp model = network(problem, spec);
        Optimizer optimizer = spec.optimizer().build(model.parameters(), spec.lr());
        if (progress != null) {
            progress.println(Report.header(problem, spec, model, train.size(), validation.size()));
            progress.print(model.summary(problem.data().numFeatures()));
        }
        DataLoader trainLoader = DataLoader.builder(train).batchSize(spec.batchSize()).shuffle(true)
                .seed(spec.seed()).build();
        DataLoader validationLoader = DataLoader.builder(validation).batchSize(EVAL_BATCH).build();
        EarlyStopping stop = spec.patience() > 0 ? EarlyStopping.builder().monitor("val_loss")
                .patience(spec.patience()).restoreBestWeights(true).build() : null;
        TerminateOnNaN nan = new TerminateOnNaN();
        FitConfig config = FitConfig.builder(model, loss.loss(), optimizer, trainLoader).validation(validationLoader)
                .epochs(spec.epochs()).metrics(classify ? Metric.accuracy() : Metric.r2())
                .callbacks(callbacks(progress, stop, nan)).capture(capture).build();
        long start = System.nanoTime();
        History history = Trainer.fit(config);
        if (progress != null && capture) {
            progress.println(history.captured() ? "Training step: captured on the first batch, replayed after"
                    : "Training step: eager (" + history.captureRefusal().orElse("no batch was replayed") + ")");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (nan.divergence().isPresent()) {
            throw new TrainingDiverged(nan.divergence().get().message() + "; try a lower learning rate (--lr; this"
                    + " run used " + Report.number(spec.effectiveLr()) + ")");
        }
        OptionalInt restored = stop != null && stop.bestEpoch() > 0 ? OptionalInt.of(stop.bestEpoch())
                : OptionalInt.empty();

        int classes = problem.numClasses();
        Evaluation onValidation = Evaluation.of(model, loss, pre, split.test(), classes);
        Evaluation onTest = problem.test() == null ? null : Evaluation.of(model, loss, pre, problem.test(), classes);
        return new Outcome(model, optimizer, history, ModelMeta.of(problem, loss, pre), onValidation, onTest,
                restored, seconds);
    }

    /**
     * The rows of a run before training, as {@link #run} prepares them (and {@link DistributedTraining} reuses).
     *
     * @param split      the seeded split of the problem's rows (stratified for classification)
     * @param pre        the preprocessing fitted on the training rows
     * @param train      the training rows as the network trains on them
     * @param validation the validation rows, likewise
     */
    public record Prepared(Splits.TrainTest split, Preprocessing pre, Dataset train, Dataset validation) {
    }

    /**
     * Checks {@code spec} against {@code problem}, splits the rows and fits the preprocessing on the training split.
     *
     * @param problem the data and its task
     * @param spec the run's settings
     * @return the splits and the fitted preprocessing
     * @throws IllegalArgumentException if the loss does not suit the problem or the data is too small to split
     */
    public static Prepared prepare(Problem problem, TrainSpec spec) {
        check(problem, spec);
        Splits.TrainTest split = Splits.trainTestSplit(problem.data(), spec.validation(), spec.seed(),
                problem.task() == Task.CLASSIFICATION);
        Preprocessing pre = fit(problem, split.train());
        return new Prepared(split, pre, prepare(split.train(), pre, spec.loss()), prepare(split.test(), pre,
                spec.loss()));
    }

    /** The progress printer (if any), early stopping (if any), then the divergence check. */
    private static Callback[] callbacks(PrintWriter progress, EarlyStopping stop, TerminateOnNaN nan) {
        List<Callback> callbacks = new ArrayList<>();
        if (progress != null) {
            callbacks.add(new PrintProgress(progress));
        }
        if (stop != null) {
            callbacks.add(stop);
        }
        callbacks.add(nan);
        return callbacks.toArray(Callback[]::new);
    }

    /**
     * Checks that {@code spec} suits {@code problem} (the loss's task, binary cross-entropy's two classes), so that a
     * caller can refuse a run before it creates any file.
     *
     * @param problem the data and its task
     * @param spec the run's settings
     * @throws IllegalArgumentException naming the mismatch
     */
    public static void check(Problem problem, TrainSpec spec) {
        LossKind loss = spec.loss();
        if (loss.task() != problem.task()) {
            throw new IllegalArgumentException("loss " + loss.id() + " is for " + name(loss.task()) + " but "
                    + problem.name() + " is a " + name(problem.task()) + " problem");
        }
        loss.outputs(problem.numClasses());
    }

    private static String name(Task task) {
        return task.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The network for a problem: features → hidden layers → the outputs the loss needs, float32, seeded.
     *
     * @param problem the data and its task
     * @param spec the run's settings
     * @return a new network
     */
    public static Mlp network(Problem problem, TrainSpec spec) {
        int[] sizes = new int[spec.hidden().length + 2];
        sizes[0] = problem.data().numFeatures();
        System.arraycopy(spec.hidden(), 0, sizes, 1, spec.hidden().length);
        sizes[sizes.length - 1] = spec.loss().outputs(problem.numClasses());
        Mlp model = Mlp.builder().sizes(sizes).hiddenActivation(spec.activation())
                .outputActivation(spec.loss().outputActivation()).dropout(spec.dropout()).seed(spec.seed()).build();
        model.to(DType.FLOAT32);
        return model;
    }

    /** Fits the preprocessing on the training rows only. */
    private static Preprocessing fit(Problem problem, Dataset train) {
        StandardScaler scaler = problem.standardize() ? StandardScaler.fit(train.features()) : null;
        if (problem.task() == Task.CLASSIFICATION) {
            return new Preprocessing(scaler, 0, 1);
        }
        double[] y = train.labels().toDoubleArray();
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / y.length);
        return new Preprocessing(scaler, mean, std > 0 ? std : 1);
    }

    /** Rows as the network trains on them: scaled features, labels shaped (and scaled) for the loss. */
    static Dataset prepare(Dataset raw, Preprocessing pre, LossKind loss) {
        Tensor y = loss.task() == Task.REGRESSION ? pre.scaleTarget(raw.labels()) : raw.labels();
        return new Dataset(pre.transform(raw.features()), loss.shapeLabels(y));
    }

    /** Prints {@link ProgressLogger}'s line for every epoch to a writer. */
    private static final class PrintProgress implements Callback {
        private final PrintWriter out;
        private int epochs;

        PrintProgress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void onTrainBegin(Module model, int epochs) {
            this.epochs = epochs;
        }

        @Override
        public boolean onEpochEnd(int epoch, EpochLogs logs) {
            out.println(ProgressLogger.line(epoch, epochs, logs));
            out.flush();
            return false;
        }
    }
}
