package org.autograd4j.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.stddev_pop;

import java.util.Arrays;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML estimator training an MLP regressor data-parallel: one output, trained on the standardized target
 * (mean and standard deviation of the label column, so that one learning rate suits any target's scale; the model
 * scales its predictions back) with squared error, absolute error or the Huber loss. MLlib has no MLP regressor.
 *
 * <pre>{@code
 * MlpRegressionModel m = new MlpRegressor().setInputCols("x1", "x2").setLabelCol("y").setLoss("huber").fit(df);
 * m.transform(df).select("y", "prediction").show();
 * }</pre>
 */
public final class MlpRegressor extends MlpEstimator<MlpRegressor, MlpRegressionModel> {
    private static final long serialVersionUID = 1L;

    /** See {@link #loss()}. */
    private final Param<String> loss;

    /** A regressor with a random uid and the default parameters. */
    public MlpRegressor() {
        this(Identifiable.randomUID("mlpRegressor"));
    }

    /**
     * A regressor with the given uid (Spark ML's persistence uses this constructor).
     *
     * @param uid the Spark ML identifier
     */
    public MlpRegressor(String uid) {
        super(uid);
        loss = new Param<>(this, "loss", "mse, l1 or huber (delta 1, on the standardized target)");
        setDefault(loss, "mse");
    }

    /**
     * The loss (default {@code mse}).
     *
     * @return the parameter
     */
    public Param<String> loss() {
        return loss;
    }

    /**
     * Sets {@link #loss()}: {@code mse}, {@code l1} or {@code huber}.
     *
     * @param v the loss's name
     * @return this regressor
     * @throws IllegalArgumentException for another name
     */
    public MlpRegressor setLoss(String v) {
        if (!Arrays.asList("mse", "l1", "huber").contains(v)) {
            throw new IllegalArgumentException("MlpRegressor: invalid loss " + v + "; choose mse, l1 or huber");
        }
        set(loss, v);
        return this;
    }

    /**
     * Trains on {@code dataset}.
     *
     * @param dataset the rows, with the feature and label columns
     * @return the trained model, with this regressor as its parent
     * @throws IllegalArgumentException if a column is missing or there are no rows
     */
    @Override
    public MlpRegressionModel fit(Dataset<?> dataset) {
        Dataset<Row> df = dataset.toDF();
        checkInput(df.schema());
        String label = $(labelCol);
        Row r = df.agg(avg(label), stddev_pop(label)).first();
        if (r.isNullAt(0)) {
            throw new IllegalArgumentException("MlpRegressor: no rows with a label");
        }
        double mean = r.getDouble(0);
        double std = r.getDouble(1) > 0 ? r.getDouble(1) : 1.0;
        Dataset<Row> scaled = df.withColumn(label, col(label).minus(mean).divide(std));
        SparkLoss l = switch ($(loss)) {
            case "l1" -> SparkLoss.l1();
            case "huber" -> SparkLoss.huber();
            default -> SparkLoss.mse();
        };
        Predictor p = train(scaled, l, 1, 0, mean, std);
        MlpRegressionModel model = new MlpRegressionModel(uid(), p);
        copyValues(model, ParamMap.empty());
        return model.setParent(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        checkInput(schema);
        return schema.add(DataTypes.createStructField($(predictionCol), DataTypes.DoubleType, false));
    }

    @Override
    public MlpRegressor copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /**
     * Spark ML's reader of a saved (untrained) regressor.
     *
     * @return the reader
     */
    public static MLReader<MlpRegressor> read() {
        return new DefaultParamsReader<>();
    }

    /**
     * Loads a regressor saved with {@code write().save(path)}.
     *
     * @param path the directory it was saved to
     * @return the regressor
     */
    public static MlpRegressor load(String path) {
        return read().load(path);
    }
}
