package org.autograd4j.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.io.Checkpoint;
import org.autograd4j.nn.io.ModelIO;
import org.autograd4j.nn.Module;

/**
 * A trained network with its preprocessing, as the Spark ML models ({@link MlpClassificationModel},
 * {@link MlpRegressionModel}) ship it to executors: the blueprint and flat weights, the feature standardization
 * (identity when absent), and for regression the target's scaling. Stored in one {@link ModelIO} file whose
 * metadata holds the preprocessing.
 *
 * @param blueprint  the architecture
 * @param weights    the flat weights
 * @param mean       per-feature means subtracted before the network (zeros: none)
 * @param scale      per-feature scales divided by (ones: none)
 * @param numClasses the number of classes, or 0 for a regression
 * @param labelMean  regression: the target's training mean, added back to the network's output
 * @param labelScale regression: the target's training standard deviation, multiplied back
 */
record Predictor(ModelBlueprint blueprint, double[] weights, double[] mean, double[] scale, int numClasses,
        double labelMean, double labelScale) implements Serializable {
    /** Rows per forward pass in {@link #transform}. */
    private static final int CHUNK = 1024;

    /** The predictor of a trained model. */
    static Predictor of(Module model, double[] mean, double[] scale, int numClasses, double labelMean,
            double labelScale) {
        ModelBlueprint bp = ModelBlueprint.of(model);
        return new Predictor(bp, bp.flatten(model), mean, scale, numClasses, labelMean, labelScale);
    }

    /** The network's outputs for standardized-on-the-fly features {@code [n][d]}: logits, or scaled-back values. */
    double[][] outputs(double[][] x) {
        int d = mean.length;
        double[] flat = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("MlpModel.transform: a row has " + x[i].length + " features, the"
                        + " model was trained on " + d);
            }
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        Module m = PartitionWork.borrow(blueprint, 0);
        try (Autograd.Scope s = Autograd.noGrad()) {
            blueprint.load(m, weights);
            m.eval();
            Tensor in = Tensor.of(flat, x.length, d);
            double[] out = m.forward(blueprint.dtype() == DType.FLOAT64 ? in : in.to(blueprint.dtype()))
                    .toDoubleArray();
            int k = out.length / x.length;
            double[][] rows = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                rows[i] = Arrays.copyOfRange(out, i * k, (i + 1) * k);
                if (numClasses == 0) {
                    for (int j = 0; j < k; j++) {
                        rows[i][j] = rows[i][j] * labelScale + labelMean;
                    }
                }
            }
            return rows;
        } finally {
            m.train();
            PartitionWork.release(blueprint, m);
        }
    }

    /**
     * Appends to every row its prediction (and, for a classifier, its raw logits and class probabilities as
     * vectors), in chunks of rows.
     *
     * @param features how to read a row's features
     */
    Iterator<Row> transform(Iterator<Row> rows, FeatureReader features) {
        return new Iterator<>() {
            private Iterator<Row> chunk = List.<Row>of().iterator();

            @Override
            public boolean hasNext() {
                if (!chunk.hasNext() && rows.hasNext()) {
                    chunk = chunk(rows, features);
                }
                return chunk.hasNext();
            }

            @Override
            public Row next() {
                hasNext();
                return chunk.next();
            }
        };
    }

    private Iterator<Row> chunk(Iterator<Row> rows, FeatureReader features) {
        List<Row> in = new ArrayList<>();
        while (rows.hasNext() && in.size() < CHUNK) {
            in.add(rows.next());
        }
        double[][] x = new double[in.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = features.read(in.get(i));
        }
        double[][] out = outputs(x);
        List<Row> result = new ArrayList<>(in.size());
        for (int i = 0; i < x.length; i++) {
            Row r = in.get(i);
            int n = r.length();
            Object[] values = new Object[n + (numClasses > 0 ? 3 : 1)];
            for (int j = 0; j < n; j++) {
                values[j] = r.get(j);
            }
            if (numClasses > 0) {
                double[] logits = out[i];
                double[] p = softmax(logits);
                int best = 0;
                for (int c = 1; c < p.length; c++) {
                    best = p[c] > p[best] ? c : best;
                }
                values[n] = Vectors.dense(logits);
                values[n + 1] = Vectors.dense(p);
                values[n + 2] = (double) best;
            } else {
                values[n] = out[i][0];
            }
            result.add(RowFactory.create(values));
        }
        return result.iterator();
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Reads a row's features: from a vector/array column or from numeric columns. */
    record FeatureReader(int[] columns, boolean vector, String[] names) implements Serializable {
        double[] read(Row r) {
            if (vector) {
                return TrainingData.vector(r, columns[0], names[0]);
            }
            double[] x = new double[columns.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = TrainingData.number(r, columns[j], names[j]);
            }
            return x;
        }
    }

    /** Writes the network and preprocessing as one model file at {@code path} (any Hadoop file system). */
    void save(String path, Configuration conf) throws IOException {
        Module m = blueprint.build(0);
        blueprint.load(m, weights);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("mean", join(mean));
        meta.put("scale", join(scale));
        meta.put("num_classes", Integer.toString(numClasses));
        meta.put("label_mean", Double.toString(labelMean));
        meta.put("label_scale", Double.toString(labelScale));
        Path tmp = Files.createTempFile("autograd4j-", ".ag4j");
        try {
            ModelIO.save(tmp, m, null, meta);
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = target.getFileSystem(conf);
            try (OutputStream out = fs.create(target, true)) {
                Files.copy(tmp, out);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads what {@link #save} wrote. */
    static Predictor load(String path, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(path);
        Path tmp = Files.createTempFile("autograd4j-", ".ag4j");
        try {
            try (InputStream in = source.getFileSystem(conf).open(source)) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Checkpoint c = ModelIO.load(tmp);
            Map<String, String> meta = c.metadata();
            return of(c.model(), split(meta.get("mean")), split(meta.get("scale")),
                    Integer.parseInt(meta.get("num_classes")), Double.parseDouble(meta.get("label_mean")),
                    Double.parseDouble(meta.get("label_scale")));
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("MlpModel.load: " + path + " is not a model file of"
                    + " this library: " + e.getMessage(), e));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b.toString();
    }

    private static double[] split(String s) {
        return s.isEmpty() ? new double[0] : Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
