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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.autograd4j.examples.data.ColumnRef;
import org.autograd4j.examples.data.CsvLines;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.data.Splits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code split}: divides a CSV file into a training and a validation file, stratified by the label column and
 * reproducible from a seed (as the 42 school's multilayer-perceptron project asks). Rows are copied unchanged, in
 * their original order; the header, if any, heads both files.
 */
@Command(name = "split", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Splits a CSV file into training and validation files, stratified by the label.",
            "Example: split data.csv --no-header --label 1 --validation 0.2 --seed 42"})
public final class SplitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The CSV file to split.")
    private Path file;

    @Option(names = "--label", paramLabel = "COLUMN", defaultValue = "-1",
            description = "The label column: a 0-based position (negative from the end) or a header name "
                    + "(default: ${DEFAULT-VALUE}, the last column).")
    private String label;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "The share of rows in the validation file, in (0, 1) (default: ${DEFAULT-VALUE}).")
    private double fraction;

    @Option(names = "--seed", defaultValue = "42", description = "The random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--no-header", description = "The file has no header row.")
    private boolean noHeader;

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
        CsvLines csv = CsvLines.read(file, !noHeader);
        int column = ColumnRef.parse(label).resolve(csv.names(), file.toString());
        List<String> classNames = new ArrayList<>();
        double[][] rowIds = new double[csv.rows().size()][];
        int[] classes = new int[rowIds.length];
        TreeMap<String, Integer> classOf = new TreeMap<>();
        for (CsvLines.Row r : csv.rows()) {
            classOf.putIfAbsent(r.fields().get(column), 0);
        }
        int c = 0;
        for (Map.Entry<String, Integer> e : classOf.entrySet()) {
            e.setValue(c++);
            classNames.add(e.getKey());
        }
        for (int i = 0; i < rowIds.length; i++) {
            rowIds[i] = new double[] {i};
            classes[i] = classOf.get(csv.rows().get(i).fields().get(column));
        }
        // The features are the row numbers, so the split datasets say which rows went where.
        Splits.TrainTest split = Splits.trainTestSplit(Dataset.of(rowIds, classes), fraction, seed, !noStratify);
        Path train = trainOut != null ? trainOut : sibling("_train");
        Path validation = validationOut != null ? validationOut : sibling("_validation");
        if (train.toAbsolutePath().normalize().equals(validation.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--train-out and --validation-out are the same file: " + train);
        }
        int[] trainRows = rows(split.train());
        int[] validationRows = rows(split.test());
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
        PrintWriter out = spec.commandLine().getOut();
        out.println("split: " + trainRows.length + " training rows " + counts(classes, trainRows, classNames)
                + " -> " + train);
        out.println("split: " + validationRows.length + " validation rows "
                + counts(classes, validationRows, classNames) + " -> " + validation);
        return 0;
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

    private static String counts(int[] classes, int[] rows, List<String> names) {
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

    /** Writes the rows to a new temporary file next to {@code target} (moved into place once both are written). */
    private static Path temporary(CsvLines csv, int[] rows, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".split", ".tmp");
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
