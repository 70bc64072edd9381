package org.autograd4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What {@link MlpClassificationModel} and {@link MlpRegressionModel} share: the trained network ({@link Predictor}),
 * the column parameters, {@code transform} in chunks of rows on the executors, and persistence through Spark ML's
 * writer: {@code path/metadata} as every Spark ML stage writes it, and our model file at
 * {@code path/data/model.ag4j}.
 *
 * @param <M> the concrete model
 */
public abstract class MlpModel<M extends MlpModel<M>> extends Model<M> implements MLWritable {
    private static final long serialVersionUID = 1L;
    static final String MODEL_FILE = "/data/model.ag4j";

    /** This model's Spark ML identifier. */
    private final String uid;
    /** The trained network with its feature and target scaling. */
    final Predictor predictor;
    /** See {@link #featuresCol()}. */
    final Param<String> featuresCol;
    /** See {@link #inputCols()}. */
    final StringArrayParam inputCols;
    /** See {@link #predictionCol()}. */
    final Param<String> predictionCol;

    MlpModel(String uid, Predictor predictor) {
        this.uid = uid;
        this.predictor = predictor;
        featuresCol = new Param<>(this, "featuresCol", "the features: a vector column (used unless inputCols is set)");
        inputCols = new StringArrayParam(this, "inputCols", "numeric feature columns (instead of featuresCol)");
        predictionCol = new Param<>(this, "predictionCol", "the prediction column to add");
        setDefault(featuresCol, "features");
        setDefault(inputCols, new String[0]);
        setDefault(predictionCol, "prediction");
    }

    @Override
    public String uid() {
        return uid;
    }

    /**
     * The features vector column.
     *
     * @return the parameter
     */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /**
     * Numeric feature columns used instead of {@link #featuresCol()} when non-empty.
     *
     * @return the parameter
     */
    public StringArrayParam inputCols() {
        return inputCols;
    }

    /**
     * The prediction column.
     *
     * @return the parameter
     */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /**
     * The number of features the network takes.
     *
     * @return the feature count
     */
    public int numFeatures() {
        return predictor.mean().length;
    }

    /** The columns this model appends, in order, with their types. */
    abstract List<StructField> outputFields();

    @Override
    public StructType transformSchema(StructType schema) {
        List<String> names = Arrays.asList(schema.fieldNames());
        String[] cols = $(inputCols);
        for (String c : cols.length > 0 ? cols : new String[] {$(featuresCol)}) {
            if (!names.contains(c)) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": no column '" + c + "' in "
                        + names);
            }
        }
        StructType out = schema;
        for (StructField f : outputFields()) {
            if (names.contains(f.name())) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": output column '" + f.name()
                        + "' already exists");
            }
            out = out.add(f);
        }
        return out;
    }

    /** Adds the prediction columns, computing on the executors in chunks of 1024 rows. */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        Dataset<Row> df = dataset.toDF();
        StructType schema = transformSchema(df.schema());
        String[] cols = $(inputCols);
        boolean vector = cols.length == 0;
        String[] names = vector ? new String[] {$(featuresCol)} : cols;
        int[] idx = Arrays.stream(names).mapToInt(df.schema()::fieldIndex).toArray();
        Predictor.FeatureReader reader = new Predictor.FeatureReader(idx, vector, names);
        SparkSession spark = df.sparkSession();
        Broadcast<Predictor> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(predictor);
        JavaRDD<Row> rows = df.javaRDD().mapPartitions(it -> bc.value().transform(it, reader));
        return spark.createDataFrame(rows, schema);
    }

    @Override
    public MLWriter write() {
        MlpModel<M> model = this;
        return new MLWriter() {
            @Override
            public void saveImpl(String path) {
                DefaultParamsWriter.saveMetadata(model, path, sparkSession());
                try {
                    model.predictor.save(path + MODEL_FILE, sc().hadoopConfiguration());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** A reader that rebuilds a model of the saved class with {@code make(uid, predictor)}. */
    static <T extends MlpModel<T>> MLReader<T> reader(java.util.function.BiFunction<String, Predictor, T> make) {
        return new MLReader<>() {
            @Override
            public T load(String path) {
                DefaultParamsReader.Metadata meta = DefaultParamsReader.loadMetadata(path, sparkSession());
                try {
                    T model = make.apply(meta.uid(), Predictor.load(path + MODEL_FILE, sc().hadoopConfiguration()));
                    meta.getAndSetParams(model, scala.Option.empty());
                    return model;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** The fields of {@code names} in order (a small helper for {@link #outputFields()}). */
    static List<StructField> fields(StructField... f) {
        return new ArrayList<>(Arrays.asList(f));
    }
}
