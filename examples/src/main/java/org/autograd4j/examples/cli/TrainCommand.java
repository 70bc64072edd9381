package org.autograd4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.autograd4j.examples.Cli;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.data.ColumnRef;
import org.autograd4j.examples.data.Task;
import org.autograd4j.examples.cli.run.CsvFormat;
import org.autograd4j.examples.cli.run.DistributedTraining;
import org.autograd4j.examples.cli.run.Experiment;
import org.autograd4j.examples.cli.run.GraphExport;
import org.autograd4j.examples.cli.run.LossKind;
import org.autograd4j.examples.cli.run.OptimizerComparison;
import org.autograd4j.examples.cli.run.OptimizerKind;
import org.autograd4j.examples.cli.run.Outputs;
import org.autograd4j.examples.cli.run.Problem;
import org.autograd4j.examples.cli.run.Recipes;
import org.autograd4j.examples.cli.run.Report;
import org.autograd4j.examples.cli.run.TrainSpec;
import org.autograd4j.examples.cli.run.TrainingDiverged;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains an MLP on a built-in dataset or a CSV file and saves the model, its history and plots. Without
 * arguments it trains the default example, the Wisconsin breast-cancer classifier. Options left out take the
 * dataset's recipe ({@link Recipes}).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains an MLP and saves model.ag4j, history.csv and PNG plots in the output folder.",
            "Without arguments: the Wisconsin breast-cancer MLP 30-32-16-2 (relu, cross-entropy, adam lr 0.001,"
                + " batch 32, up to 200 epochs, patience 15). Options left out take the dataset's recipe.",
            "Examples:",
            "  train",
            "  train iris --hidden 16 --epochs 200 --optimizer momentum",
            "  train data.csv --no-header --label 1 --ignore 0 -o runs/42",
            "  train wdbc --compare-optimizers"})
public final class TrainCommand implements Callable<Integer> {
    /** The epochs of each run of {@code --compare-optimizers} unless {@code --epochs} says otherwise. */
    static final int COMPARISON_EPOCHS = 60;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DATASET", arity = "0..1", defaultValue = "wdbc", description = "A built-in dataset"
            + " (wdbc, digits, iris, wine, diabetes, xor, circles, tabular, mnist) or a CSV file"
            + " (default: ${DEFAULT-VALUE}).")
    private String dataset;

    @Mixin
    private ColumnOptions columns;

    @Mixin
    private NetworkOptions network;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "sgd, momentum, nesterov, rmsprop, adagrad, adam or adamw (default: adam).")
    private String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "The learning rate.")
    private Double lr;

    @Option(names = "--batch-size", paramLabel = "N", description = "Rows per mini-batch.")
    private Integer batchSize;

    @Option(names = "--epochs", paramLabel = "N", description = "The most epochs to train.")
    private Integer epochs;

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop after N epochs without a better validation loss, restoring the best weights"
                    + " (0: no early stopping).")
    private Integer patience;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of the split, weights and shuffling.")
    private Long seed;

    @Option(names = "--validation", paramLabel = "FRACTION", description = "The share of rows held out for"
            + " validation, stratified for classification (default: 0.2).")
    private Double validation;

    @Option(names = "--dropout", paramLabel = "P", description = "Dropout probability after each hidden layer"
            + " (default: 0; 0.2 for mnist).")
    private Double dropout;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "The output folder (default: runs/DATASET).")
    private Path output;

    @Mixin
    private MnistOption mnist;

    @Option(names = "--limit", paramLabel = "N", description = "MNIST: use only the first N training images.")
    private Integer limit;

    @Option(names = {"-q", "--quiet"}, description = "No progress line per epoch.")
    private boolean quiet;

    @Option(names = "--no-capture", description = "Run every training step eagerly instead of capturing the step on"
            + " the first batch and replaying it (the numbers are the same; capture only saves time).")
    private boolean noCapture;

    @Option(names = "--compare-optimizers", description = "Instead of one run: train the network with sgd, momentum,"
            + " rmsprop and adam (each its default rate, no early stopping, --epochs or 60 epochs) and plot their"
            + " losses to optimizer_comparison.png.")
    private boolean compareOptimizers;

    @Option(names = "--graph", description = "Also write graph.dot next to the model: the recorded graph of the trained"
            + " network's forward pass over one row (Graphviz DOT), and graph.png when the dot program is on the PATH.")
    private boolean graph;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Train data-parallel on Apache Spark at MASTER"
            + " (local[2], spark://host:7077, yarn); needs autograd4j-spark on the class path"
            + " (spark/bin/autograd4j-spark).")
    private String sparkMaster;

    @Override
    public Integer call() {
        if (graph && (compareOptimizers || sparkMaster != null)) {
            throw new IllegalArgumentException("--graph draws the network of a single local run; leave out"
                    + " --compare-optimizers and --spark");
        }
        if (compareOptimizers && (optimizer != null || lr != null || patience != null || sparkMaster != null)) {
            throw new IllegalArgumentException("--compare-optimizers trains sgd, momentum, rmsprop and adam with"
                    + " their default learning rates, without early stopping, on this machine; leave out"
                    + " --optimizer, --lr, --patience and --spark");
        }
        TrainSpec run = spec();
        Problem problem = problem();
        Experiment.check(problem, run);
        String backend = Report.backend();
        DistributedTraining spark = sparkMaster == null ? null : ServiceLoader.load(DistributedTraining.class)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("--spark needs autograd4j-spark on the"
                        + " class path: run spark/bin/autograd4j-spark train ... --spark " + sparkMaster
                        + " (see README, \"Training on Spark\")"));
        Path target = output != null ? output : Path.of("runs", problem.name());
        if (compareOptimizers) {
            return compare(problem, run, target);
        }
        boolean existed = Files.exists(target);
        Path dir = Outputs.prepare(target);
        PrintWriter out = spec.commandLine().getOut();
        out.println(backend);
        Experiment.Outcome outcome;
        try {
            if (spark != null) {
                spark.train(problem, run, sparkMaster, dir, out, quiet);
                return 0;
            }
            outcome = Experiment.run(problem, run, quiet ? null : out, !noCapture);
        } catch (TrainingDiverged e) {
            if (!existed) {
                Outputs.removeIfEmpty(dir);
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("train: " + e.getMessage() + ". " + Outputs.nothingWritten(dir));
            err.flush();
            return Cli.EXIT_FAILURE;
        }
        List<Path> written = Outputs.save(dir, outcome, problem.data());
        if (graph) {
            written = new java.util.ArrayList<>(written);
            try {
                written.addAll(GraphExport.write(dir, outcome.model(), out));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("train: cannot write " + dir.resolve(GraphExport.DOT), e);
            }
        }
        Report.print(out, problem, run, outcome, written);
        return 0;
    }

    /** {@code --compare-optimizers}: the four runs and their plot; a diverged run stops it as in training. */
    private int compare(Problem problem, TrainSpec run, Path target) {
        TrainSpec each = run.withEpochs(epochs != null ? epochs : COMPARISON_EPOCHS, 0);
        try {
            OptimizerComparison.run(problem, each, target, spec.commandLine().getOut());
            return 0;
        } catch (TrainingDiverged e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("train: " + e.getMessage() + "; no plot written");
            err.flush();
            return Cli.EXIT_FAILURE;
        }
    }

    private Problem problem() {
        Optional<Builtin> builtin = Builtin.find(dataset);
        if (builtin.isPresent()) {
            if (columns.any()) {
                throw new IllegalArgumentException("--label, --ignore and --no-header are for CSV files, not the"
                        + " built-in dataset " + dataset);
            }
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("--limit must be >= 1, got " + limit);
            }
            return Problem.builtin(builtin.get(), seed != null ? seed : Recipes.SEED, mnist.dir(),
                    limit != null ? limit : -1);
        }
        if (!dataset.contains(".") && !dataset.contains("/")) {
            throw new IllegalArgumentException("unknown dataset '" + Report.cut(dataset) + "': not a built-in name ("
                    + String.join(", ", Arrays.stream(Builtin.values()).map(Builtin::id).toList())
                    + ") nor a CSV path");
        }
        CsvFormat format = new CsvFormat(columns.header().orElse(true),
                columns.label().map(ColumnRef::parse).orElse(ColumnRef.LAST),
                CsvFormat.parseColumns(columns.ignore().orElse(null)), List.of());
        return Problem.csv(Path.of(dataset), format, csvTask());
    }

    /** A CSV file is a regression when the loss is one, a classification otherwise. */
    private Task csvTask() {
        LossKind loss = network.lossOrNull();
        return loss != null ? loss.task() : Task.CLASSIFICATION;
    }

    /** The recipe of the dataset, with every option the user gave in its place (checked before any data is read). */
    private TrainSpec spec() {
        TrainSpec base = Builtin.find(dataset).map(Recipes::of).orElseGet(() -> Recipes.forCsv(csvTask()));
        return new TrainSpec(network.hidden(base), network.activation(base), network.loss(base),
                optimizer != null ? OptimizerKind.parse(optimizer) : base.optimizer(),
                lr != null ? OptionalDouble.of(lr) : optimizer != null ? OptionalDouble.empty() : base.lr(),
                batchSize != null ? batchSize : base.batchSize(), epochs != null ? epochs : base.epochs(),
                patience != null ? patience : base.patience(), seed != null ? seed : base.seed(),
                validation != null ? validation : base.validation(), dropout != null ? dropout : base.dropout());
    }
}
