package org.autograd4j.spark;

import java.util.List;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * What {@link MlpRegressor#fit} returns: {@code transform} adds the prediction (a double, in the label's own
 * scale). Saved and loaded with Spark ML's writer, alone or inside a {@code PipelineModel}.
 */
public final class MlpRegressionModel extends MlpModel<MlpRegressionModel> {
    private static final long serialVersionUID = 1L;

    MlpRegressionModel(String uid, Predictor predictor) {
        super(uid, predictor);
    }

    @Override
    List<StructField> outputFields() {
        return fields(DataTypes.createStructField($(predictionCol), DataTypes.DoubleType, false));
    }

    @Override
    public MlpRegressionModel copy(ParamMap extra) {
        MlpRegressionModel m = copyValues(new MlpRegressionModel(uid(), predictor), extra);
        return hasParent() ? m.setParent(parent()) : m;
    }

    /**
     * Spark ML's reader (PipelineModel.load finds it by reflection).
     *
     * @return the reader
     */
    public static MLReader<MlpRegressionModel> read() {
        return reader(MlpRegressionModel::new);
    }

    /**
     * Loads a model saved with {@code write().save(path)}.
     *
     * @param path the directory it was saved to
     * @return the model
     */
    public static MlpRegressionModel load(String path) {
        return read().load(path);
    }
}
