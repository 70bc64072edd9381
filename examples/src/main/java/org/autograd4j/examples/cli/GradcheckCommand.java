package org.autograd4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.autograd4j.core.GradCheck;
import org.autograd4j.examples.Cli;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.cli.run.CsvFormat;
import org.autograd4j.examples.cli.run.Experiment;
import org.autograd4j.examples.cli.run.LossKind;
import org.autograd4j.examples.cli.run.ModelGradCheck;
import org.autograd4j.examples.cli.run.Problem;
import org.autograd4j.examples.cli.run.Recipes;
import org.autograd4j.examples.cli.run.SavedModel;
import org.autograd4j.examples.cli.run.TrainSpec;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.data.StandardScaler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gradcheck}: compares a network's backpropagated gradients with central differences ({@link GradCheck}, in
 * float64, PyTorch's tolerances) on a few rows, and prints the worst relative error. Exit status 0 when every
 * gradient agrees, 1 when one does not.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks a network's gradients against central differences and prints the worst relative"
                + " error.",
            "Checks a saved model (--model) or a fresh one built from the dataset's recipe and the options.",
            "Examples:",
            "  gradcheck",
            "  gradcheck iris --hidden 8,8 --activation tanh",
            "  gradcheck --model runs/wdbc/model.ag4j wdbc"})
public final class GradcheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DATASET", arity = "0..1", description = "A built-in dataset or a CSV file laid out as"
            + " the model's training data (default: wdbc, or the built-in dataset a --model was trained on).")
    private String dataset;

    @Option(names = {"-m", "--model"}, paramLabel = "FILE", description = "A model saved by train.")
    private Path model;

    @Mixin
    private NetworkOptions network;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "8",
            description = "How many rows to check on (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "The seed of a fresh network's weights (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private MnistOption mnist;

    /** What is checked: a network, its loss, and a batch as the network sees it. */
    private record Subject(Module net, LossKind loss, Dataset batch) {
    }

    @Override
    public Integer call() {
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be >= 1, got " + rows);
        }
        Subject s = model != null ? saved() : fresh();
        GradCheck.Result r = ModelGradCheck.check(s.net(), s.loss().loss(), s.batch().features(),
                s.batch().labels());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "gradcheck: %s: %d parameters in %d tensors, %d rows of %s, loss %s%n",
                r.passed() ? "passed" : "FAILED", s.net().parameterCount(), s.net().parameters().size(),
                s.batch().size(), dataset, s.loss().id());
        out.printf(Locale.ROOT, "worst relative error %.3e, worst absolute error %.3e (tolerance: atol %.0e + rtol"
                + " %.0e x |numerical|)%n", r.maxRelError(), r.maxAbsError(), GradCheck.ATOL, GradCheck.RTOL);
        if (!r.passed()) {
            out.println("worst element: " + r.worst());
        }
        out.flush();
        return r.passed() ? 0 : Cli.EXIT_FAILURE;
    }

    /** The saved model on the first rows of its data, preprocessed as in training. */
    private Subject saved() {
        if (network.any()) {
            throw new IllegalArgumentException("--hidden, --activation and --loss describe a fresh network;"
                    + " they cannot change a saved --model");
        }
        SavedModel saved = SavedModel.load(model);
        if (dataset == null) {
            dataset = saved.meta().dataset();
            if (Builtin.find(dataset).isEmpty() && !Files.isRegularFile(Path.of(dataset))) {
                throw new IllegalArgumentException(model + " was trained on " + dataset + ", which is gone; give"
                        + " a CSV file laid out like it as DATASET");
            }
        }
        LossKind kind = saved.meta().loss();
        Dataset raw = head(saved.data(dataset, null, mnist.dir(), false, spec.commandLine().getErr()));
        return new Subject(saved.model(), kind, new Dataset(saved.meta().pre().transform(raw.features()),
                kind.shapeLabels(saved.meta().pre().scaleTarget(raw.labels()))));
    }

    /** A fresh network from the dataset's recipe and the options, on the first rows, standardised. */
    private Subject fresh() {
        dataset = dataset != null ? dataset : "wdbc";
        Problem problem = problem();
        TrainSpec recipe = Builtin.find(dataset).map(Recipes::of).orElse(Recipes.forCsv(problem.task()));
        TrainSpec run = new TrainSpec(network.hidden(recipe), network.activation(recipe), network.loss(recipe),
                recipe.optimizer(), recipe.lr(),
                recipe.batchSize(), recipe.epochs(), recipe.patience(), seed, recipe.validation(), 0);
        Experiment.check(problem, run);
        Dataset raw = head(problem.data());
        StandardScaler scaler = StandardScaler.fit(raw.features());
        return new Subject(Experiment.network(problem, run), run.loss(),
                new Dataset(scaler.transform(raw.features()), run.loss().shapeLabels(raw.labels())));
    }

    private Problem problem() {
        Optional<Builtin> builtin = Builtin.find(dataset);
        if (builtin.isPresent()) {
            return Problem.builtin(builtin.get(), seed, mnist.dir(), Math.max(rows, 1));
        }
        LossKind given = network.lossOrNull();
        LossKind kind = given != null ? given : LossKind.CROSS_ENTROPY;
        return Problem.csv(Path.of(dataset), CsvFormat.DEFAULT, kind.task());
    }

    private Dataset head(Dataset d) {
        int n = Math.min(rows, d.size());
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return d.subset(idx);
    }
}
