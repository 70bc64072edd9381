package org.autograd4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.examples.data.ColumnRef;
import org.autograd4j.examples.data.CsvLines;
import org.autograd4j.examples.data.Task;
import org.autograd4j.examples.cli.run.CsvFormat;
import org.autograd4j.examples.cli.run.ModelMeta;
import org.autograd4j.examples.cli.run.Predictions;
import org.autograd4j.examples.cli.run.Report;
import org.autograd4j.examples.cli.run.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code predict}: applies a saved model to every row of a CSV file (with or without its label column) and writes
 * one line per row: the file line it came from, the prediction, and for a classifier the probability of each class.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predicts every row of a CSV file with a model saved by train; the label column may be absent.",
            "Output (CSV): line,prediction[,p(class)...] to --output or standard output.",
            "Example:",
            "  predict --model runs/wdbc/model.ag4j new_cases.csv --output predictions.csv"})
public final class PredictCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "The model file.")
    private Path model;

    @Parameters(paramLabel = "CSV", description = "The rows to predict, laid out as the training data.")
    private Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    private Path output;

    @Mixin
    private CsvOptions csv;

    @Override
    public Integer call() throws IOException {
        if (output != null) {
            if (Files.isDirectory(output)) {
                throw new IllegalArgumentException("--output " + output + " is a directory; give a file name");
            }
            refuseToOverwrite(file, "the input CSV");
            refuseToOverwrite(model, "the model");
        }
        SavedModel saved = SavedModel.load(model);
        ModelMeta meta = saved.meta();
        CsvFormat format = csv.apply(meta.format());
        CsvLines lines = CsvLines.read(file, format.header());
        int[] columns = featureColumns(saved, format, lines.names());
        if (format.header() && !csv.ignoreNames()) {
            saved.checkNames(file.toString(), java.util.Arrays.stream(columns).mapToObj(lines.names()::get).toList(),
                    spec.commandLine().getErr());
        }
        float[] x = new float[lines.rows().size() * columns.length];
        for (int i = 0; i < lines.rows().size(); i++) {
            CsvLines.Row row = lines.rows().get(i);
            for (int j = 0; j < columns.length; j++) {
                x[i * columns.length + j] = number(row, columns[j], lines.names());
            }
        }
        Tensor out = Predictions.forward(saved.model(),
                meta.pre().transform(Tensor.of(x, lines.rows().size(), columns.length).to(DType.FLOAT32)));
        Predictions.checkFinite(out, file.toString(), lines.rows().stream().map(CsvLines.Row::line).toList());
        String text = format(meta, lines, out);
        if (output == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        } else {
            write(output, text);
            spec.commandLine().getErr().println("predict: wrote " + lines.rows().size() + " predictions to "
                    + output);
        }
        return 0;
    }

    /** Fails if {@code --output} names {@code input} (the same file, by any path). */
    private void refuseToOverwrite(Path input, String what) throws IOException {
        boolean same = output.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())
                || Files.exists(output) && Files.exists(input) && Files.isSameFile(output, input);
        if (same) {
            throw new IllegalArgumentException("--output " + output + " is " + what + "; predictions would overwrite"
                    + " it; choose another file");
        }
    }

    /** The feature columns: all but the ignored ones and, when present, the label column. */
    private int[] featureColumns(SavedModel saved, CsvFormat format, List<String> names) {
        boolean[] drop = new boolean[names.size()];
        for (ColumnRef c : format.ignore()) {
            drop[c.resolve(names, file.toString(), "--ignore")] = true;
        }
        int kept = 0;
        for (boolean d : drop) {
            kept += d ? 0 : 1;
        }
        boolean hasLabel = kept == saved.numFeatures() + 1;
        if (hasLabel) {
            drop[format.label().resolve(names, file.toString(), "--label")] = true;
        } else {
            saved.checkWidth(kept, file + " (without a label column)");
        }
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < drop.length; c++) {
            if (!drop[c]) {
                out.add(c);
            }
        }
        saved.checkWidth(out.size(), file.toString());
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private float number(CsvLines.Row row, int column, List<String> names) {
        String field = row.fields().get(column);
        String where = file + " line " + row.line() + ": column '" + names.get(column) + "' (" + column + "): '"
                + Report.cut(field) + "'";
        double v;
        try {
            v = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + " is not a finite number");
        }
        if (Float.isInfinite((float) v)) {
            throw new IllegalArgumentException(where + " is too large for float32 (the largest magnitude is "
                    + Float.MAX_VALUE + ")");
        }
        return (float) v;
    }

    private static String format(ModelMeta meta, CsvLines lines, Tensor out) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        if (meta.task() == Task.REGRESSION) {
            w.println("line,prediction");
            double[] y = meta.pre().unscaleTarget(out);
            for (int i = 0; i < y.length; i++) {
                w.printf(Locale.ROOT, "%d,%.6g%n", lines.rows().get(i).line(), y[i]);
            }
        } else {
            List<String> classes = meta.classNames();
            StringBuilder header = new StringBuilder("line,prediction");
            classes.forEach(c -> header.append(',').append(quote("p(" + c + ")")));
            w.println(header);
            double[] p = meta.loss().probabilities(out).toDoubleArray();
            int k = classes.size();
            for (int i = 0; i < lines.rows().size(); i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    best = p[i * k + c] > p[i * k + best] ? c : best;
                }
                StringBuilder line = new StringBuilder().append(lines.rows().get(i).line()).append(',')
                        .append(quote(classes.get(best)));
                for (int c = 0; c < k; c++) {
                    line.append(String.format(Locale.ROOT, ",%.6f", p[i * k + c]));
                }
                w.println(line);
            }
        }
        w.flush();
        return s.toString();
    }

    /** A CSV field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Writes to a temporary file beside {@code target}, then moves it into place. */
    private static void write(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
