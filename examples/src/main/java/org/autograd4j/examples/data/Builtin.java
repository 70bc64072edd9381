package org.autograd4j.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.autograd4j.core.DType;
import org.autograd4j.nn.data.Csv;
import org.autograd4j.nn.data.Dataset;

/**
 * The datasets the examples know by name: five real ones shipped as resources ({@code datasets/*.csv}, see their
 * README for licences and citations), three generated ones and MNIST (read from IDX files).
 */
public enum Builtin {
    /** Wisconsin diagnostic breast cancer: 569 × 30, benign (0) or malignant (1). */
    WDBC("wdbc.csv", Task.CLASSIFICATION, List.of("benign", "malignant")),
    /** UCI optdigits, 8×8 images with values 0–16: 1797 × 64, digits 0–9. */
    DIGITS("digits.csv", Task.CLASSIFICATION, digits()),
    /** Fisher's iris: 150 × 4, three species. */
    IRIS("iris.csv", Task.CLASSIFICATION, List.of("setosa", "versicolor", "virginica")),
    /** Wine from three cultivars: 178 × 13. */
    WINE("wine.csv", Task.CLASSIFICATION, List.of("cultivar 0", "cultivar 1", "cultivar 2")),
    /** Diabetes progression (regression): 442 × 10, target 25–346. */
    DIABETES("diabetes.csv", Task.REGRESSION, List.of()),
    /** Generated XOR clusters: 400 points, Gaussian clusters (std 0.15) at the corners of the unit square. */
    XOR(null, Task.CLASSIFICATION, List.of("red", "blue")),
    /** Generated concentric circles: 400 points, noise 0.15, inner radius 0.3. */
    CIRCLES(null, Task.CLASSIFICATION, List.of("outer", "inner")),
    /**
     * The {@code Tabular} example's generated table: 2000 rows, a region with 8 levels (its index, a number) and 4
     * numeric features, the label the sign of a score ({@link Synthetic#tabular}).
     */
    TABULAR(null, Task.CLASSIFICATION, List.of("negative", "positive")),
    /** MNIST handwritten digits, 28×28: 60000 training and 10000 test images. */
    MNIST(null, Task.CLASSIFICATION, digits());

    private final String resource;
    private final Task task;
    private final List<String> classNames;

    Builtin(String resource, Task task, List<String> classNames) {
        this.resource = resource;
        this.task = task;
        this.classNames = classNames;
    }

    private static List<String> digits() {
        List<String> d = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            d.add(Integer.toString(i));
        }
        return List.copyOf(d);
    }

    /**
     * The dataset called {@code name} (case-insensitive), if there is one.
     *
     * @param name the dataset's name
     * @return the dataset, or empty
     */
    public static Optional<Builtin> find(String name) {
        for (Builtin b : values()) {
            if (b.id().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /**
     * The name used on the command line, e.g. {@code wdbc}.
     *
     * @return the command-line name
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the model predicts a class or a number.
     *
     * @return the task
     */
    public Task task() {
        return task;
    }

    /**
     * The name of each class, in class-index order (empty for regression).
     *
     * @return the names, unmodifiable
     */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * The CSV resource of this dataset as a table; only for the datasets shipped as CSV.
     *
     * @return the table read from the resource
     */
    public Csv.Table table() {
        if (resource == null) {
            throw new IllegalStateException(id() + " is not a CSV resource; this is a bug in the caller");
        }
        try (InputStream in = Builtin.class.getResourceAsStream("/datasets/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("datasets/" + resource + " is missing from the classpath");
            }
            return Csv.builder().read(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read datasets/" + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * All rows of this dataset (for MNIST, the training images only; see {@link MnistData} for the test set).
     *
     * @param seed     the seed of the generated datasets
     * @param mnistDir the folder of MNIST's IDX files
     * @param limit    for MNIST, read only the first {@code limit} images ({@code < 0} for all)
     * @return the rows, FLOAT32
     */
    public Dataset load(long seed, Path mnistDir, int limit) {
        return switch (this) {
            case XOR -> Synthetic.xorClusters(400, 0.15, seed);
            case CIRCLES -> Synthetic.circles(400, 0.15, 0.3, seed);
            case TABULAR -> {
                Dataset d = Synthetic.tabular(seed, true);
                yield new Dataset(d.features().to(DType.FLOAT32), d.labels().to(DType.FLOAT32));
            }
            case MNIST -> MnistData.load(mnistDir, limit, 0).train();
            default -> table().dataset();
        };
    }

    /**
     * The feature names: from the CSV header, or {@code x1, x2}, {@code region, x0 ... x3} and {@code pixel0 ...} for
     * the others.
     *
     * @param count the number of features, for the generated names
     * @return the names
     */
    public List<String> featureNames(int count) {
        if (resource != null) {
            return table().featureNames();
        }
        if (this == TABULAR) {
            return List.of("region", "x0", "x1", "x2", "x3");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(this == MNIST ? "pixel" + i : "x" + (i + 1));
        }
        return names;
    }
}
