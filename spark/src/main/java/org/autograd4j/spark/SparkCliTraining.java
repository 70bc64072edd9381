package org.autograd4j.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.autograd4j.examples.cli.run.DistributedTraining;
import org.autograd4j.examples.cli.run.Evaluation;
import org.autograd4j.examples.cli.run.Experiment;
import org.autograd4j.examples.cli.run.LossKind;
import org.autograd4j.examples.cli.run.ModelMeta;
import org.autograd4j.examples.cli.run.OptimizerKind;
import org.autograd4j.examples.cli.run.Problem;
import org.autograd4j.examples.cli.run.Report;
import org.autograd4j.examples.cli.run.TrainSpec;
import org.autograd4j.examples.cli.run.TrainingDiverged;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.io.ModelIO;
import org.autograd4j.nn.data.Dataset;

/**
 * The command line's {@code train ... --spark MASTER}, found by {@link java.util.ServiceLoader}: the same split,
 * preprocessing, network and optimizer as a single-machine {@code train}, trained with synchronous
 * {@link DataParallelTrainer} on the given Spark master, with one progress line per epoch that splits the time into
 * computing and communicating. Writes {@code model.ag4j} (loadable by {@code evaluate} and {@code predict}) and
 * {@code history.csv}; no plots.
 */
public final class SparkCliTraining implements DistributedTraining {
    /** The provider (ServiceLoader's constructor). */
    public SparkCliTraining() {
    }

    @Override
    public List<Path> train(Problem problem, TrainSpec spec, String master, Path dir, PrintWriter out, boolean quiet) {
        Experiment.Prepared p = Experiment.prepare(problem, spec);
        Mlp model = Experiment.network(problem, spec);
        OptimizerKind kind = spec.optimizer();
        double lr = spec.effectiveLr();
        boolean existed = SparkSession.getDefaultSession().isDefined();
        SparkSession spark = SparkSession.builder().master(master).appName("autograd4j train " + problem.name())
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int partitions = sc.defaultParallelism();
            out.println(Report.header(problem, spec, model, p.train().size(), p.validation().size()) + "; Spark "
                    + master + ", " + partitions + " partitions, synchronous");
            DataParallelTrainer.Builder b = DataParallelTrainer.builder(model, loss(spec.loss()),
                    params -> kind.build(params, java.util.OptionalDouble.of(lr))).batchSize(spec.batchSize())
                    .epochs(spec.epochs()).seed(spec.seed());
            if (spec.patience() > 0) {
                b.earlyStopping(spec.patience());
            }
            b.listener(s -> {
                if (!quiet) {
                    out.println(s.line());
                    out.flush();
                }
                checkFinite(s, spec);
            });
            TrainingResult r;
            long start = System.nanoTime();
            try (TrainingData train = data(sc, p.train(), partitions);
                    TrainingData validation = data(sc, p.validation(), partitions)) {
                r = b.build().fit(train, validation);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "trained %d epochs in %.1f s (%s); compute %.1f s, communication %.1f s%n",
                    r.epochs().size(), seconds, r.stoppedEarly() ? "stopped early; restored the weights of epoch "
                            + r.bestEpoch() : spec.patience() > 0 ? "restored the weights of epoch " + r.bestEpoch()
                            : "kept the last weights", r.computeSeconds(), r.communicationSeconds());
            Evaluation.of(model, spec.loss(), p.pre(), p.split().test(), problem.numClasses())
                    .lines("validation", problem.classNames()).forEach(out::println);
            if (problem.test() != null) {
                Evaluation.of(model, spec.loss(), p.pre(), problem.test(), problem.numClasses())
                        .lines("test", problem.classNames()).forEach(out::println);
            }
            List<Path> written = save(dir, model, b, r, problem, spec, p);
            written.forEach(f -> out.println((f.toString().endsWith(".csv") ? "history: " : "model: ") + f));
            out.flush();
            return written;
        } finally {
            if (!existed) {
                spark.stop();
            }
        }
    }

    /** Stops a run whose losses are no longer finite, as the single-machine {@code train} does. */
    private static void checkFinite(EpochStats s, TrainSpec spec) {
        double bad = !Double.isFinite(s.trainLoss()) ? s.trainLoss()
                : s.validationLoss().isPresent() && !Double.isFinite(s.validationLoss().getAsDouble())
                ? s.validationLoss().getAsDouble() : 0;
        if (bad != 0) {
            throw new TrainingDiverged("the " + (Double.isFinite(s.trainLoss()) ? "validation" : "training")
                    + " loss became " + bad + " in epoch " + s.epoch() + "; try a lower learning rate (--lr; this run"
                    + " used " + Report.number(spec.effectiveLr()) + ")");
        }
    }

    private static List<Path> save(Path dir, Mlp model, DataParallelTrainer.Builder b, TrainingResult r,
            Problem problem, TrainSpec spec, Experiment.Prepared p) {
        List<Path> written = new ArrayList<>();
        try {
            Path file = dir.resolve("model.ag4j");
            ModelIO.save(file, model, null, ModelMeta.of(problem, spec.loss(), p.pre()).toMap());
            written.add(file);
            Path history = dir.resolve("history.csv");
            StringBuilder csv = new StringBuilder("epoch,steps,jobs,loss,val_loss,val_accuracy,compute_s,"
                    + "communication_s,driver_s,seconds\n");
            r.epochs().forEach(s -> csv.append(s.encode()).append('\n'));
            Files.writeString(history, csv);
            written.add(history);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** The rows of a prepared data set (features scaled, labels one value per row), distributed. */
    private static TrainingData data(JavaSparkContext sc, Dataset d, int partitions) {
        int n = d.size();
        int f = d.numFeatures();
        double[] flat = d.features().toDoubleArray();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = java.util.Arrays.copyOfRange(flat, i * f, (i + 1) * f);
        }
        return TrainingData.fromArrays(sc, x, d.labels().toDoubleArray(), partitions);
    }

    /** The loss the command line's choice names, summed. */
    static SparkLoss loss(LossKind kind) {
        return switch (kind) {
            case CROSS_ENTROPY -> SparkLoss.crossEntropy();
            case BCE -> SparkLoss.binaryCrossEntropy();
            case MSE -> SparkLoss.mse();
            case L1 -> SparkLoss.l1();
            case HUBER -> SparkLoss.huber();
        };
    }
}
