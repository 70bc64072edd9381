package org.autograd4j.examples.cli.run;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.autograd4j.examples.data.ColumnRef;
import org.autograd4j.examples.data.Task;
import org.autograd4j.nn.ModuleSpec;
import org.autograd4j.nn.data.StandardScaler;

/**
 * What a model file saved by {@code train} carries besides the network, in the file's metadata: the task and loss,
 * the feature and class names, the CSV layout and the fitted preprocessing. {@code evaluate}, {@code predict} and
 * {@code gradcheck} read it back to treat new data exactly as the training data was treated.
 *
 * @param dataset      where the training data came from: a built-in dataset's name or a CSV file's path
 * @param task         classification or regression
 * @param loss         the loss trained with
 * @param featureNames one name per input feature
 * @param classNames   one name per class (empty for regression)
 * @param format       the CSV layout
 * @param pre          the fitted preprocessing
 */
public record ModelMeta(String dataset, Task task, LossKind loss, List<String> featureNames, List<String> classNames,
        CsvFormat format, Preprocessing pre) {
    private static final String VERSION_KEY = "examples.version";
    private static final String SEP = "\t";

    /**
     * Copies the lists.
     *
     * @param dataset where the training data came from: a built-in dataset's name or a CSV file's path
     * @param task classification or regression
     * @param loss the loss trained with
     * @param featureNames one name per input feature
     * @param classNames one name per class (empty for regression)
     * @param format the CSV layout
     * @param pre the fitted preprocessing
     */
    public ModelMeta {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }

    /**
     * The metadata of a model trained on {@code problem}.
     *
     * @param problem the data and its task
     * @param loss the loss trained with
     * @param pre the fitted preprocessing
     * @return the metadata
     */
    public static ModelMeta of(Problem problem, LossKind loss, Preprocessing pre) {
        return new ModelMeta(problem.source(), problem.task(), loss, problem.featureNames(), problem.classNames(),
                problem.format(), pre);
    }

    /**
     * The training data's short name: the built-in name, or the CSV file's name without its extension.
     *
     * @return the name
     */
    public String datasetName() {
        String file = java.nio.file.Path.of(dataset).getFileName().toString();
        return file.replaceFirst("\\.[^.]*$", "");
    }

    /**
     * As the string pairs a model file stores.
     *
     * @return a new map, in a stable order
     */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(VERSION_KEY, "1");
        m.put("dataset", dataset);
        m.put("task", task.name());
        m.put("loss", loss.id());
        m.put("features", String.join(SEP, featureNames));
        m.put("classes", String.join(SEP, classNames));
        m.put("csv.header", Boolean.toString(format.header()));
        m.put("csv.label", format.label().toString());
        m.put("csv.ignore", format.ignoreText());
        m.put("csv.labels", String.join(SEP, format.labels()));
        m.put("scaler.mean", pre.features() == null ? "" : join(pre.features().mean()));
        m.put("scaler.scale", pre.features() == null ? "" : join(pre.features().scale()));
        m.put("target.mean", Double.toString(pre.targetMean()));
        m.put("target.scale", Double.toString(pre.targetScale()));
        return m;
    }

    /**
     * Reads the metadata of a model file.
     *
     * @param m the string pairs stored in the model file
     * @param source names the file in messages
     * @return the metadata
     * @throws IllegalArgumentException if the model was not saved by {@code train} or an entry is malformed
     */
    public static ModelMeta fromMap(Map<String, String> m, String source) {
        if (!m.containsKey(VERSION_KEY)) {
            throw new IllegalArgumentException(source + " is a model file but was not saved by the train command"
                    + " (it lacks the preprocessing and class names)");
        }
        try {
            String mean = get(m, "scaler.mean", source);
            StandardScaler scaler = mean.isEmpty() ? null
                    : new StandardScaler(parse(mean), parse(get(m, "scaler.scale", source)));
            Preprocessing pre = new Preprocessing(scaler, Double.parseDouble(get(m, "target.mean", source)),
                    Double.parseDouble(get(m, "target.scale", source)));
            CsvFormat format = new CsvFormat(Boolean.parseBoolean(get(m, "csv.header", source)),
                    ColumnRef.parse(get(m, "csv.label", source)), CsvFormat.parseColumns(get(m, "csv.ignore", source)),
                    split(get(m, "csv.labels", source)));
            return new ModelMeta(get(m, "dataset", source), Task.valueOf(get(m, "task", source)),
                    LossKind.parse(get(m, "loss", source)), split(get(m, "features", source)),
                    split(get(m, "classes", source)), format, pre);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": malformed metadata: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that a saved network is the one this metadata describes: an {@code Mlp} whose input layer takes one value
     * per feature name and whose output layer has the units the loss needs for the classes (one for a regression),
     * with a task that suits the loss and a scaler of the features' width.
     *
     * @param architecture the network's description, read from the same file
     * @throws IllegalArgumentException naming the metadata field that does not fit
     */
    public void checkFits(ModuleSpec architecture) {
        if (!architecture.type().equals("Mlp")) {
            throw new IllegalArgumentException("the network is a " + architecture.type() + ", not the Mlp that"
                    + " train saves");
        }
        int[] sizes = architecture.integers("sizes");
        String layers = "Mlp " + Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining("-"));
        if (sizes.length < 2 || sizes[0] != featureNames.size()) {
            throw new IllegalArgumentException("metadata 'features' lists " + featureNames.size() + " names but the"
                    + " input layer (" + layers + ") takes " + (sizes.length == 0 ? 0 : sizes[0]));
        }
        if (loss.task() != task) {
            throw new IllegalArgumentException("metadata 'task' is " + task + " but 'loss' " + loss.id() + " is for "
                    + loss.task());
        }
        if (task == Task.CLASSIFICATION && classNames.size() < 2) {
            throw new IllegalArgumentException("metadata 'classes' lists " + classNames.size() + " classes; a"
                    + " classifier has at least 2");
        }
        int units = sizes[sizes.length - 1];
        int expected = loss.outputs(task == Task.CLASSIFICATION ? classNames.size() : 1);
        if (units != expected) {
            throw new IllegalArgumentException(task == Task.CLASSIFICATION
                    ? "metadata 'classes' lists " + classNames.size() + " classes (loss " + loss.id() + ": "
                            + expected + " outputs) but the output layer (" + layers + ") has " + units + " units"
                    : "metadata 'task' is REGRESSION (one output) but the output layer (" + layers + ") has "
                            + units + " units");
        }
        if (pre.features() != null && pre.features().mean().length != featureNames.size()) {
            throw new IllegalArgumentException("metadata 'scaler.mean' holds " + pre.features().mean().length
                    + " values for " + featureNames.size() + " features");
        }
    }

    private static String get(Map<String, String> m, String key, String source) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException(source + ": metadata entry '" + key + "' is missing");
        }
        return v;
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(SEP, -1));
    }

    private static String join(double[] v) {
        return Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static double[] parse(String text) {
        return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
