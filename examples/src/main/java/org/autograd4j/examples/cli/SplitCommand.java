package org.autograd4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.autograd4j.examples.data.ColumnRef;
import org.autograd4j.examples.data.CsvLines;
import org.autograd4j.examples.cli.run.Outputs;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.data.Splits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code split}: divides a CSV file into a training and a validation file, stratified by the label column and
 * reproducible from a seed (as the 42 school's multilayer-perceptron project asks). Rows are copied unchanged, in
 * their original order; the header, if any, heads both files.
 */
@Command(name = "split", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Splits a CSV file into training and validation files, stratified by the label.",
            "Example:",
            "  split data.csv --no-header --label 1 --validation 0.2 --seed 42"})
public final class SplitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The CSV file to split.")
    private Path file;

    @Mixin
    private LabelOptions labelOptions;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "The share of rows in the validation file, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double fraction;

    @Option(names = "--seed", defaultValue = "42", description = "The random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--no-stratify", description = "Split at random, ignoring the class proportions.")
    private boolean noStratify;

    @Option(names = "--train-out", paramLabel = "PATH",
            description = "Where to write the training rows (default: FILE's name with _train).")
    private Path trainOut;

    @Option(names = "--validation-out", paramLabel = "PATH",
            description = "Where to write the validation rows (default: FILE's name with _validation).")
    private Path validationOut;

    @Override
    public Integer call() throws IOException {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("--validation must be in (0, 1), got " + fraction);
        }
        CsvLines csv = CsvLines.read(file, labelOptions.header().orElse(true));
        ColumnRef column = ColumnRef.parse(labelOptions.label().orElse("-1"));
        Labels labels = labels(csv, column.resolve(csv.names(), file.toString(), "--label"));
        Path train = trainOut != null ? trainOut : sibling("_train");
        Path validation = validationOut != null ? validationOut : sibling("_validation");
        checkOutputs(train, validation);
        double[][] rowIds = new double[labels.classes().length][];
        for (int i = 0; i < rowIds.length; i++) {
            rowIds[i] = new double[] {i};
        }
        // The features are the row numbers, so the split datasets say which rows went where.
        Splits.TrainTest split = Splits.trainTestSplit(Dataset.of(rowIds, labels.classes()), fraction, seed,
                !noStratify);
        int[] trainRows = rows(split.train());
        int[] validationRows = rows(split.test());
        writeBoth(csv, trainRows, train, validationRows, validation);
        PrintWriter out = spec.commandLine().getOut();
        out.println("split: " + trainRows.length + " training rows " + labels.counts(trainRows) + " -> " + train);
        out.println("split: " + validationRows.length + " validation rows " + labels.counts(validationRows) + " -> "
                + validation);
        return 0;
    }

    /** The class of every row and the class names (the distinct label texts, sorted). */
    private record Labels(int[] classes, List<String> names) {
        String counts(int[] rows) {
            int[] n = new int[names.size()];
            for (int r : rows) {
                n[classes[r]]++;
            }
            StringBuilder b = new StringBuilder("(");
            for (int k = 0; k < n.length; k++) {
                b.append(k == 0 ? "" : ", ").append(names.get(k)).append(": ").append(n[k]);
            }
            return b.append(')').toString();
        }
    }

    private static Labels labels(CsvLines csv, int column) {
        TreeMap<String, Integer> classOf = new TreeMap<>();
        for (CsvLines.Row r : csv.rows()) {
            classOf.put(r.fields().get(column), 0);
        }
        List<String> names = new ArrayList<>(classOf.keySet());
        for (int c = 0; c < names.size(); c++) {
            classOf.put(names.get(c), c);
        }
        int[] classes = new int[csv.rows().size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = classOf.get(csv.rows().get(i).fields().get(column));
        }
        return new Labels(classes, names);
    }

    private void checkOutputs(Path train, Path validation) {
        Path in = file.toAbsolutePath().normalize();
        Path t = train.toAbsolutePath().normalize();
        Path v = validation.toAbsolutePath().normalize();
        if (t.equals(v)) {
            throw new IllegalArgumentException("--train-out and --validation-out are the same file: " + train);
        }
        if (t.equals(in) || v.equals(in)) {
            throw new IllegalArgumentException("an output would overwrite the input file " + file);
        }
    }

    /** Writes both files to temporary names first, then moves them into place: no half-done split is left. */
    private static void writeBoth(CsvLines csv, int[] trainRows, Path train, int[] validationRows, Path validation)
            throws IOException {
        Path trainTmp = temporary(csv, trainRows, train);
        try {
            Path validationTmp = temporary(csv, validationRows, validation);
            try {
                Files.move(trainTmp, train, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.move(validationTmp, validation, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(validationTmp);
            }
        } finally {
            Files.deleteIfExists(trainTmp);
        }
    }

    private Path sibling(String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".csv";
        return file.resolveSibling(stem + suffix + ext);
    }

    private static int[] rows(Dataset part) {
        double[] ids = part.features().toDoubleArray();
        int[] rows = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            rows[i] = (int) ids[i];
        }
        Arrays.sort(rows);
        return rows;
    }

    /** Writes the rows to a new temporary file next to {@code target} (moved into place once both are written). */
    private static Path temporary(CsvLines csv, int[] rows, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Outputs.removeStaleTemporaries(dir, "." + target.getFileName() + ".");
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            if (csv.header() != null) {
                w.write(csv.header());
                w.write('\n');
            }
            for (int r : rows) {
                w.write(csv.rows().get(r).text());
                w.write('\n');
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }
}
