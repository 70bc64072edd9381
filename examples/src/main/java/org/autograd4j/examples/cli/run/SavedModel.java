package org.autograd4j.examples.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.data.Task;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.io.Checkpoint;
import org.autograd4j.nn.io.ModelFormatException;
import org.autograd4j.nn.io.ModelIO;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.data.Csv;
import org.autograd4j.nn.data.Dataset;

/**
 * A model file written by {@code train}, loaded with its {@link ModelMeta}, and the checks that data fits it.
 *
 * @param file  where it was read from
 * @param model the network, in evaluation mode
 * @param meta  its preprocessing, names and CSV layout
 */
public record SavedModel(Path file, Module model, ModelMeta meta) {
    /**
     * Loads a model file.
     *
     * @param file a model file written by {@code train}
     * @return the model with its metadata
     * @throws IllegalArgumentException if the file is missing, not a model, corrupted, was not saved by
     *                                  {@code train}, or its metadata contradicts its network (checked before the
     *                                  network is built; see {@link ModelMeta#checkFits})
     */
    public static SavedModel load(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("model file " + file + " is a directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such model file: " + file);
        }
        Checkpoint c;
        ModelMeta[] meta = {null};
        boolean[] validating = {false};
        try {
            c = ModelIO.load(file, (spec, metadata) -> {
                validating[0] = true;
                meta[0] = ModelMeta.fromMap(metadata, file.toString());
                meta[0].checkFits(spec);
            });
        } catch (ModelFormatException e) {
            if (validating[0] && meta[0] == null && e.getCause() != null) {
                // ModelMeta.fromMap's own message names the file already.
                throw new IllegalArgumentException(e.getCause().getMessage(), e);
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (Map.Entry<String, Tensor> p : c.model().namedParameters().entrySet()) {
            for (double v : p.getValue().toDoubleArray()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("model " + file + ": parameter '" + p.getKey() + "' holds "
                            + v + "; the model diverged when it was trained and cannot predict");
                }
            }
        }
        c.model().eval();
        return new SavedModel(file, c.model(), meta[0]);
    }

    /**
     * The number of input features the model expects.
     *
     * @return the count, at least 1
     */
    public int numFeatures() {
        return meta.featureNames().size();
    }

    /**
     * The rows of {@code data}: a built-in dataset's name (for MNIST its test set) or a CSV file, read in the model's
     * CSV layout unless {@code format} overrides it.
     *
     * @param data a built-in dataset's name or a CSV file's path
     * @param format      the layout to read a CSV with, or null for the model's
     * @param mnistDir the folder of MNIST's IDX files
     * @param ignoreNames use the CSV's columns by position whatever their header says (see {@link #checkNames})
     * @param warnings    where a header that differs from the model's feature names is reported
     * @return the rows, in the model's feature order
     * @throws IllegalArgumentException if the file is missing or malformed, its width does not fit the model, or its
     *                                  columns are the model's features reordered
     */
    public Dataset data(String data, CsvFormat format, Path mnistDir, boolean ignoreNames, PrintWriter warnings) {
        Optional<Builtin> builtin = Builtin.find(data);
        Dataset d;
        if (builtin.isPresent()) {
            Problem p = Problem.builtin(builtin.get(), Recipes.SEED, mnistDir, -1);
            d = p.test() != null ? p.test() : p.data();
        } else {
            CsvFormat f = format != null ? format : meta.format();
            Csv.Table t = f.read(Path.of(data));
            checkWidth(t.dataset().numFeatures(), data);
            if (meta.task() == Task.CLASSIFICATION) {
                ClassLabels.check(data, t, meta.classNames());
            }
            if (f.header() && !ignoreNames) {
                checkNames(data, t.featureNames(), warnings);
            }
            Predictions.checkFinite(Predictions.forward(model, meta.pre().transform(t.dataset().features())), data,
                    t.rowLines());
            return t.dataset();
        }
        checkWidth(d.numFeatures(), data);
        if (meta.task() == Task.CLASSIFICATION) {
            int[] classes = d.classIndices();
            int max = Arrays.stream(classes).max().orElse(0);
            if (max >= meta.classNames().size()) {
                throw new IllegalArgumentException(data + " has class label " + max + " but the model knows "
                        + meta.classNames().size() + " classes " + meta.classNames());
            }
        }
        return d;
    }

    /**
     * Compares a CSV header's feature names (label and ignored columns left out) with the model's: columns that are
     * the model's features in another order are an error (the values would silently feed the wrong inputs); other
     * differences (renamed columns) are a warning, and the columns are used by position. Models trained on a file
     * without a header have no names to compare.
     *
     * @param source names the CSV in messages
     * @param names the CSV's feature column names
     * @param warnings where a renamed column is reported
     * @throws IllegalArgumentException if the names are the model's, reordered
     */
    public void checkNames(String source, List<String> names, PrintWriter warnings) {
        List<String> own = meta.featureNames();
        if (!meta.format().header() || names.equals(own) || names.size() != own.size()) {
            return;
        }
        int at = 0;
        while (names.get(at).equals(own.get(at))) {
            at++;
        }
        String difference = "column '" + Report.cut(names.get(at)) + "' is where the model had '"
                + Report.cut(own.get(at)) + "'";
        if (new java.util.HashSet<>(names).equals(new java.util.HashSet<>(own))) {
            throw new IllegalArgumentException(source + " has the model's feature columns in another order ("
                    + difference + "); reorder them as in training, or pass --ignore-names to use them by position");
        }
        long differ = java.util.stream.IntStream.range(0, own.size()).filter(i -> !names.get(i).equals(own.get(i)))
                .count();
        warnings.println("warning: " + source + "'s header differs from the model's feature names in " + differ
                + " column" + (differ == 1 ? "" : "s") + " (first: " + difference + "); using the columns by"
                + " position (--ignore-names silences this)");
        warnings.flush();
    }

    /**
     * Checks that data with {@code width} feature columns fits the model.
     *
     * @param width the data's number of feature columns
     * @param source names the data in the message
     * @throws IllegalArgumentException naming both widths otherwise
     */
    public void checkWidth(int width, String source) {
        if (width != numFeatures()) {
            List<String> names = meta.featureNames();
            String shown = names.size() <= 4 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 3)) + ", ...";
            throw new IllegalArgumentException("model " + file + " expects " + numFeatures() + " features (" + shown
                    + ") but " + source + " has " + width);
        }
    }
}
