package org.autograd4j.spark;

import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * What {@link MlpClassifier#fit} returns: {@code transform} adds the logits ({@code rawPrediction}), the class
 * probabilities (softmax, {@code probability}) and the most probable class ({@code prediction}, a double, as Spark ML
 * classifiers give it). Saved and loaded with Spark ML's writer, alone or inside a {@code PipelineModel}.
 */
public final class MlpClassificationModel extends MlpModel<MlpClassificationModel> {
    private static final long serialVersionUID = 1L;

    /** See {@link #probabilityCol()}. */
    private final Param<String> probabilityCol;
    /** See {@link #rawPredictionCol()}. */
    private final Param<String> rawPredictionCol;

    MlpClassificationModel(String uid, Predictor predictor) {
        super(uid, predictor);
        probabilityCol = new Param<>(this, "probabilityCol", "the class probabilities column to add (a vector)");
        rawPredictionCol = new Param<>(this, "rawPredictionCol", "the logits column to add (a vector)");
        setDefault(probabilityCol, "probability");
        setDefault(rawPredictionCol, "rawPrediction");
    }

    /**
     * The probability column.
     *
     * @return the parameter
     */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /**
     * The logits column.
     *
     * @return the parameter
     */
    public Param<String> rawPredictionCol() {
        return rawPredictionCol;
    }

    /**
     * The number of classes.
     *
     * @return the class count
     */
    public int numClasses() {
        return predictor.numClasses();
    }

    @Override
    List<StructField> outputFields() {
        return fields(DataTypes.createStructField($(rawPredictionCol), SQLDataTypes.VectorType(), false),
                DataTypes.createStructField($(probabilityCol), SQLDataTypes.VectorType(), false),
                DataTypes.createStructField($(predictionCol), DataTypes.DoubleType, false));
    }

    /** The schema the estimator's parameters imply (for {@link MlpClassifier#transformSchema}). */
    org.apache.spark.sql.types.StructType outputSchema(org.apache.spark.sql.types.StructType schema,
            MlpClassifier from) {
        from.copyValues(this, ParamMap.empty());
        org.apache.spark.sql.types.StructType out = schema;
        for (StructField f : outputFields()) {
            out = out.add(f);
        }
        return out;
    }

    @Override
    public MlpClassificationModel copy(ParamMap extra) {
        MlpClassificationModel m = copyValues(new MlpClassificationModel(uid(), predictor), extra);
        return hasParent() ? m.setParent(parent()) : m;
    }

    /**
     * Spark ML's reader (PipelineModel.load finds it by reflection).
     *
     * @return the reader
     */
    public static MLReader<MlpClassificationModel> read() {
        return reader(MlpClassificationModel::new);
    }

    /**
     * Loads a model saved with {@code write().save(path)}.
     *
     * @param path the directory it was saved to
     * @return the model
     */
    public static MlpClassificationModel load(String path) {
        return read().load(path);
    }
}
