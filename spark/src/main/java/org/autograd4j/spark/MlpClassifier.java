package org.autograd4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML estimator training an MLP classifier data-parallel ({@link DataParallelTrainer}): labels are class
 * indices {@code 0..C-1} in a numeric column, features a vector column or numeric columns; the network ends in
 * {@code C} logits trained with cross-entropy. It slots in where MLlib's {@code MultilayerPerceptronClassifier}
 * does, with any activation, Adam/AdamW/SGD/RMSprop, dropout and early stopping on a validation split.
 *
 * <pre>{@code
 * Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
 *     new VectorAssembler().setInputCols(featureNames).setOutputCol("features"),
 *     new MlpClassifier().setHiddenLayers(32, 16).setMaxEpochs(200).setPatience(15)});
 * PipelineModel model = pipeline.fit(train);
 * model.transform(test).select("prediction", "probability").show();
 * model.write().overwrite().save("models/wdbc");
 * }</pre>
 */
public final class MlpClassifier extends MlpEstimator<MlpClassifier, MlpClassificationModel> {
    private static final long serialVersionUID = 1L;

    /** See {@link #probabilityCol()}. */
    private final Param<String> probabilityCol;
    /** See {@link #rawPredictionCol()}. */
    private final Param<String> rawPredictionCol;

    /** A classifier with a random uid and the default parameters. */
    public MlpClassifier() {
        this(Identifiable.randomUID("mlpClassifier"));
    }

    /**
     * A classifier with the given uid (Spark ML's persistence uses this constructor).
     *
     * @param uid the Spark ML identifier
     */
    public MlpClassifier(String uid) {
        super(uid);
        probabilityCol = new Param<>(this, "probabilityCol", "the class probabilities column to add (a vector)");
        rawPredictionCol = new Param<>(this, "rawPredictionCol", "the logits column to add (a vector)");
        setDefault(probabilityCol, "probability");
        setDefault(rawPredictionCol, "rawPrediction");
    }

    /**
     * The probability column (default {@code probability}).
     *
     * @return the parameter
     */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /**
     * The logits column (default {@code rawPrediction}).
     *
     * @return the parameter
     */
    public Param<String> rawPredictionCol() {
        return rawPredictionCol;
    }

    /**
     * Sets {@link #probabilityCol()}.
     *
     * @param v the column name
     * @return this classifier
     */
    public MlpClassifier setProbabilityCol(String v) {
        set(probabilityCol, v);
        return this;
    }

    /**
     * Sets {@link #rawPredictionCol()}.
     *
     * @param v the column name
     * @return this classifier
     */
    public MlpClassifier setRawPredictionCol(String v) {
        set(rawPredictionCol, v);
        return this;
    }

    /**
     * Trains on {@code dataset}.
     *
     * @param dataset the rows, with the feature and label columns
     * @return the trained model, with this classifier as its parent
     * @throws IllegalArgumentException if a column is missing, or the labels are not whole numbers {@code >= 0} of at
     *                                  least two classes
     */
    @Override
    public MlpClassificationModel fit(Dataset<?> dataset) {
        Dataset<Row> df = dataset.toDF();
        checkInput(df.schema());
        String label = $(labelCol);
        Row r = df.agg(min(label), max(label), sum(when(col(label).notEqual(floor(col(label))), 1).otherwise(0)))
                .first();
        if (r.isNullAt(0)) {
            throw new IllegalArgumentException("MlpClassifier: no rows with a label");
        }
        double lo = ((Number) r.get(0)).doubleValue();
        double hi = ((Number) r.get(1)).doubleValue();
        if (lo < 0 || ((Number) r.get(2)).longValue() > 0 || hi < 1) {
            throw new IllegalArgumentException("MlpClassifier: labels must be class indices 0, 1, ..., of at least"
                    + " two classes; '" + label + "' ranges over [" + lo + ", " + hi + "] with "
                    + r.get(2) + " non-whole values");
        }
        int classes = (int) hi + 1;
        Predictor p = train(df, SparkLoss.crossEntropy(), classes, classes, 0, 1);
        MlpClassificationModel model = new MlpClassificationModel(uid(), p);
        copyValues(model, ParamMap.empty());
        return model.setParent(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        checkInput(schema);
        return new MlpClassificationModel(uid(), null).outputSchema(schema, this);
    }

    @Override
    public MlpClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /**
     * Spark ML's reader of a saved (untrained) classifier.
     *
     * @return the reader
     */
    public static MLReader<MlpClassifier> read() {
        return new DefaultParamsReader<>();
    }

    /**
     * Loads a classifier saved with {@code write().save(path)}.
     *
     * @param path the directory it was saved to
     * @return the classifier
     */
    public static MlpClassifier load(String path) {
        return read().load(path);
    }
}
