package org.autograd4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.autograd4j.nn.data.StandardScaler;
import scala.Tuple2;

/**
 * Training rows distributed over a Spark cluster: one dense {@link Block} per partition, cached in executor memory
 * (spilling to disk if it must) for the whole training, each row numbered by its position in the input so that
 * {@link BatchPlan} forms the same mini-batches however the rows are partitioned.
 *
 * <pre>{@code
 * TrainingData data = TrainingData.fromDataFrame(spark.read().parquet("rows.parquet"), "features", "label");
 * StandardScaler scaler = data.fitScaler();           // one distributed pass
 * TrainingData train = data.standardize(scaler);      // a new cached copy; data.release() frees the old one
 * }</pre>
 */
public final class TrainingData implements AutoCloseable {
    private final JavaRDD<Block> blocks;
    private final long rows;
    private final int numFeatures;
    private final int labelWidth;

    private TrainingData(JavaRDD<Block> blocks) {
        this.blocks = blocks.persist(StorageLevel.MEMORY_AND_DISK());
        Tuple2<Long, int[]> shape;
        try {
            shape = this.blocks.map(b -> new Tuple2<>((long) b.rows(), new int[] {b.numFeatures, b.labelWidth}))
                    .reduce((a, b) -> {
                        if (a._1() > 0 && b._1() > 0 && !Arrays.equals(a._2(), b._2())) {
                            throw new IllegalArgumentException("TrainingData: partitions differ in width: "
                                    + Arrays.toString(a._2()) + " and " + Arrays.toString(b._2()));
                        }
                        return new Tuple2<>(a._1() + b._1(), a._1() > 0 ? a._2() : b._2());
                    });
        } catch (Exception e) {
            // Scala code throws SparkException (checked) without declaring it
            this.blocks.unpersist(false);
            throw userError(e);
        }
        this.rows = shape._1();
        if (rows == 0) {
            this.blocks.unpersist(false);
            throw new IllegalArgumentException("TrainingData: no rows");
        }
        this.numFeatures = shape._2()[0];
        this.labelWidth = shape._2()[1];
    }

    /**
     * The caller's mistake found by a task (a null, a ragged row) as the {@link IllegalArgumentException} it was,
     * instead of Spark's {@code SparkException} around it; any other failure unchanged (or, if checked, wrapped).
     */
    static RuntimeException userError(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return t == e ? (IllegalArgumentException) t : new IllegalArgumentException(t.getMessage(), e);
            }
        }
        return e instanceof RuntimeException r ? r
                : new IllegalStateException("TrainingData: reading the rows failed: " + e.getMessage(), e);
    }

    /** A row before blocking: its features and label values. */
    record LabeledRow(double[] features, double[] label) implements Serializable {
    }

    /**
     * Distributes in-memory rows over {@code partitions} partitions (tests, small data, the command line).
     *
     * @param sc         the Spark context
     * @param features   {@code [n][d]}
     * @param labels     {@code [n]}: a class index or a regression target per row
     * @param partitions the number of partitions, at least 1
     * @return the rows, cached
     * @throws IllegalArgumentException if the arrays are empty, ragged, or of different lengths
     */
    public static TrainingData fromArrays(JavaSparkContext sc, double[][] features, double[] labels, int partitions) {
        if (features.length != labels.length || features.length == 0) {
            throw new IllegalArgumentException("TrainingData.fromArrays: " + features.length + " feature rows and "
                    + labels.length + " labels; need the same number, at least one");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("TrainingData.fromArrays: partitions must be >= 1, got " + partitions);
        }
        List<LabeledRow> list = new ArrayList<>(features.length);
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != features[0].length) {
                throw new IllegalArgumentException("TrainingData.fromArrays: row " + i + " has " + features[i].length
                        + " features, row 0 has " + features[0].length);
            }
            list.add(new LabeledRow(features[i].clone(), new double[] {labels[i]}));
        }
        return of(sc.parallelize(list, partitions));
    }

    /**
     * The rows of a DataFrame (Parquet, CSV, a table), keeping its partitioning: features from a vector column
     * ({@code org.apache.spark.ml.linalg.Vector}, as {@code VectorAssembler} makes) or an array-of-numbers column,
     * the label from a numeric column.
     *
     * @param df          the rows
     * @param featuresCol the features column
     * @param labelCol    the label column
     * @return the rows, cached
     * @throws IllegalArgumentException if a column is missing or of another type, or a row has a null
     */
    public static TrainingData fromDataFrame(Dataset<Row> df, String featuresCol, String labelCol) {
        Dataset<Row> selected = df.select(featuresCol, labelCol);
        return of(selected.javaRDD().map(r -> new LabeledRow(vector(r, 0, featuresCol), new double[] {number(r, 1,
                labelCol)})));
    }

    /**
     * The rows of a DataFrame whose features are numeric columns.
     *
     * @param df          the rows
     * @param featureCols the feature columns, in the order the model reads them
     * @param labelCol    the label column
     * @return the rows, cached
     * @throws IllegalArgumentException if a column is missing or not numeric, or a row has a null
     */
    public static TrainingData fromDataFrame(Dataset<Row> df, String[] featureCols, String labelCol) {
        String[] all = Arrays.copyOf(featureCols, featureCols.length + 1);
        all[featureCols.length] = labelCol;
        Dataset<Row> selected = df.select(all[0], Arrays.copyOfRange(all, 1, all.length));
        int d = featureCols.length;
        return of(selected.javaRDD().map(r -> {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = number(r, j, featureCols[j]);
            }
            return new LabeledRow(x, new double[] {number(r, d, labelCol)});
        }));
    }

    /** Features from column {@code i} of a row: a vector or an array of numbers. */
    static double[] vector(Row r, int i, String name) {
        Object v = r.get(i);
        if (v instanceof Vector vec) {
            return vec.toArray();
        }
        if (v instanceof scala.collection.Seq<?> seq) {
            double[] out = new double[seq.size()];
            Iterator<?> it = scala.jdk.javaapi.CollectionConverters.asJava(seq).iterator();
            for (int j = 0; j < out.length; j++) {
                out[j] = ((Number) it.next()).doubleValue();
            }
            return out;
        }
        throw new IllegalArgumentException("TrainingData: column '" + name + "' must hold a vector or an array of"
                + " numbers, got " + (v == null ? "null" : v.getClass().getName()));
    }

    /** A number from column {@code i} of a row. */
    static double number(Row r, int i, String name) {
        Object v = r.get(i);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new IllegalArgumentException("TrainingData: column '" + name + "' must be numeric, got "
                + (v == null ? "null" : v.getClass().getName() + " " + v));
    }

    /** Numbers the rows by position and packs each partition into one cached {@link Block}. */
    static TrainingData of(JavaRDD<LabeledRow> rows) {
        return new TrainingData(rows.zipWithIndex().mapPartitionsWithIndex((index, it) -> {
            List<Long> ids = new ArrayList<>();
            DoubleBuffer x = new DoubleBuffer();
            DoubleBuffer y = new DoubleBuffer();
            int d = -1;
            int w = -1;
            while (it.hasNext()) {
                Tuple2<LabeledRow, Long> t = it.next();
                LabeledRow r = t._1();
                if (d < 0) {
                    d = r.features().length;
                    w = r.label().length;
                } else if (r.features().length != d || r.label().length != w) {
                    throw new IllegalArgumentException("TrainingData: row " + t._2() + " has "
                            + r.features().length + " features and " + r.label().length + " label values, earlier"
                            + " rows " + d + " and " + w);
                }
                ids.add(t._2());
                x.add(r.features());
                y.add(r.label());
            }
            long[] idArray = ids.stream().mapToLong(Long::longValue).toArray();
            return List.of(new Block(index, idArray, x.toArray(), y.toArray(), Math.max(d, 0), Math.max(w, 0)))
                    .iterator();
        }, true));
    }

    /** A growable double array. */
    private static final class DoubleBuffer {
        private double[] data = new double[1024];
        private int size;

        void add(double[] values) {
            if (size + values.length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + values.length));
            }
            System.arraycopy(values, 0, data, size, values.length);
            size += values.length;
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /**
     * Fits a standard scaler (column means and population standard deviations; a constant column gets scale 1, as
     * {@link StandardScaler#fit} gives) in one distributed pass, merging per-partition moments with Chan's formula.
     *
     * @return the scaler, one mean and scale per feature
     */
    public StandardScaler fitScaler() {
        int d = numFeatures;
        Moments m = blocks.treeAggregate(new Moments(d), Moments::add, Moments::merge, 2);
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double std = Math.sqrt(m.m2[j] / m.n);
            scale[j] = std < 10 * Math.ulp(1.0) ? 1.0 : std;
        }
        return new StandardScaler(m.mean, scale);
    }

    /** Running count, means and sums of squared deviations per column. */
    private static final class Moments implements Serializable {
        private static final long serialVersionUID = 1L;
        long n;
        final double[] mean;
        final double[] m2;

        Moments(int d) {
            mean = new double[d];
            m2 = new double[d];
        }

        Moments add(Block b) {
            Moments local = new Moments(mean.length);
            int d = mean.length;
            local.n = b.rows();
            if (local.n == 0) {
                return this;
            }
            for (int i = 0; i < b.rows(); i++) {
                for (int j = 0; j < d; j++) {
                    local.mean[j] += b.features[i * d + j];
                }
            }
            for (int j = 0; j < d; j++) {
                local.mean[j] /= local.n;
            }
            for (int i = 0; i < b.rows(); i++) {
                for (int j = 0; j < d; j++) {
                    double c = b.features[i * d + j] - local.mean[j];
                    local.m2[j] += c * c;
                }
            }
            return merge(local);
        }

        Moments merge(Moments o) {
            if (o.n == 0) {
                return this;
            }
            if (n == 0) {
                return o;
            }
            long total = n + o.n;
            for (int j = 0; j < mean.length; j++) {
                double delta = o.mean[j] - mean[j];
                m2[j] += o.m2[j] + delta * delta * n * (double) o.n / total;
                mean[j] += delta * o.n / total;
            }
            n = total;
            return this;
        }
    }

    /**
     * The same rows with standardized features {@code (x - mean) / scale}, as a new cached copy (this one stays
     * cached until {@link #close}d).
     *
     * @param scaler a scaler with {@link #numFeatures()} columns
     * @return the standardized rows
     * @throws IllegalArgumentException if the scaler has another number of columns
     */
    public TrainingData standardize(StandardScaler scaler) {
        if (scaler.numFeatures() != numFeatures) {
            throw new IllegalArgumentException("TrainingData.standardize: the scaler has " + scaler.numFeatures()
                    + " columns, the data " + numFeatures);
        }
        double[] mean = scaler.mean();
        double[] scale = scaler.scale();
        return new TrainingData(blocks.map(b -> {
            double[] x = b.features.clone();
            for (int i = 0; i < x.length; i++) {
                int j = i % mean.length;
                x[i] = (x[i] - mean[j]) / scale[j];
            }
            return new Block(b.partition, b.ids, x, b.labels, b.numFeatures, b.labelWidth);
        }));
    }

    /**
     * The number of rows.
     *
     * @return the row count
     */
    public long rows() {
        return rows;
    }

    /**
     * The number of features per row.
     *
     * @return the feature count
     */
    public int numFeatures() {
        return numFeatures;
    }

    /**
     * The number of label values per row (1 for a class index or a single target).
     *
     * @return the label width
     */
    public int labelWidth() {
        return labelWidth;
    }

    /**
     * The number of partitions, each trained by one task per step.
     *
     * @return the partition count
     */
    public int partitions() {
        return blocks.getNumPartitions();
    }

    /** The cached blocks. */
    JavaRDD<Block> blocks() {
        return blocks;
    }

    /** Removes the cached blocks from the executors. */
    @Override
    public void close() {
        blocks.unpersist(false);
    }
}
