package org.autograd4j.examples.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.data.Task;
import org.autograd4j.nn.Checkpoint;
import org.autograd4j.nn.ModelIO;
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
     * @throws IllegalArgumentException if the file is missing, not a model, corrupted or was not saved by
     *                                  {@code train}
     */
    public static SavedModel load(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("model file " + file + " is a directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such model file: " + file);
        }
        Checkpoint c;
        try {
            c = ModelIO.load(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ModelMeta meta = ModelMeta.fromMap(c.metadata(), file.toString());
        c.model().eval();
        return new SavedModel(file, c.model(), meta);
    }

    /** The number of input features the model expects. */
    public int numFeatures() {
        return meta.featureNames().size();
    }

    /**
     * The rows of {@code data}: a built-in dataset's name (for MNIST its test set) or a CSV file, read in the model's
     * CSV layout unless {@code format} overrides it.
     *
     * @param format the layout to read a CSV with, or null for the model's
     * @throws IllegalArgumentException if the file is missing or malformed, or its width does not fit the model
     */
    public Dataset data(String data, CsvFormat format, Path mnistDir) {
        Optional<Builtin> builtin = Builtin.find(data);
        Dataset d;
        if (builtin.isPresent()) {
            Problem p = Problem.builtin(builtin.get(), Recipes.SEED, mnistDir, -1);
            d = p.test() != null ? p.test() : p.data();
        } else {
            Csv.Table t = (format != null ? format : meta.format()).read(Path.of(data));
            checkWidth(t.dataset().numFeatures(), data);
            if (meta.task() == Task.CLASSIFICATION) {
                ClassLabels.check(data, t, meta.classNames());
            }
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
     * Checks that data with {@code width} feature columns fits the model.
     *
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
