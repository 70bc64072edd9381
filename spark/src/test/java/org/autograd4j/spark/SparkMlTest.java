package org.autograd4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark ML estimators inside a Pipeline: fit, transform, save and load. */
class SparkMlTest {
    private static final String[] FEATURES = {"f0", "f1", "f2", "f3", "f4"};

    private static Dataset<Row> frame(double[][] x, double[] y) {
        List<StructField> fields = new ArrayList<>();
        for (String f : FEATURES) {
            fields.add(DataTypes.createStructField(f, DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField("label", DataTypes.DoubleType, false));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            Object[] v = new Object[FEATURES.length + 1];
            for (int j = 0; j < FEATURES.length; j++) {
                v[j] = x[i][j];
            }
            v[FEATURES.length] = y[i];
            rows.add(RowFactory.create(v));
        }
        return SharedSpark.session().createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)))
                .repartition(2);
    }

    @Test
    void aPipelineWithTheClassifierFitsPredictsAndLoadsBackEqual(@TempDir Path dir) throws Exception {
        TestData data = TestData.classes(240, 5, 3);
        Dataset<Row> df = frame(data.x, data.y).cache();
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(FEATURES).setOutputCol("features"),
            new MlpClassifier().setHiddenLayers(16).setActivation("tanh").setLearningRate(0.03).setBatchSize(64)
                    .setMaxEpochs(15).setPatience(5).setSeed(1)});
        PipelineModel model = pipeline.fit(df);
        Dataset<Row> out = model.transform(df).cache();
        assertEquals(Arrays.asList("f0", "f1", "f2", "f3", "f4", "label", "features", "rawPrediction", "probability",
                "prediction"), Arrays.asList(out.columns()));
        double accuracy = out.filter(col("prediction").equalTo(col("label"))).count() / 240.0;
        assertTrue(accuracy > 0.85, "training accuracy " + accuracy);
        Vector p = out.first().getAs("probability");
        assertEquals(3, p.size());
        assertEquals(1.0, Arrays.stream(p.toArray()).sum(), 1e-9);

        model.write().overwrite().save(dir.resolve("pipeline").toString());
        PipelineModel loaded = PipelineModel.load(dir.resolve("pipeline").toString());
        MlpClassificationModel stage = (MlpClassificationModel) loaded.stages()[1];
        assertEquals(3, stage.numClasses());
        List<Row> before = out.select("prediction", "probability").collectAsList();
        List<Row> after = loaded.transform(df).select("prediction", "probability").collectAsList();
        assertEquals(before, after);
    }

    @Test
    void theRegressorLearnsALinearTargetFromNumericColumnsAndSavesAlone(@TempDir Path dir) throws Exception {
        Random r = new Random(5);
        double[][] x = new double[200][5];
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 5; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = 300 + 40 * x[i][0] - 20 * x[i][1] + r.nextGaussian();
        }
        Dataset<Row> df = frame(x, y).cache();
        MlpRegressionModel model = new MlpRegressor().setInputCols(FEATURES).setHiddenLayers(8).setLearningRate(0.03)
                .setBatchSize(50).setMaxEpochs(20).setValidationFraction(0).setSeed(2).fit(df);
        List<Row> out = model.transform(df).select("label", "prediction").collectAsList();
        double sse = 0;
        double sst = 0;
        double mean = Arrays.stream(y).average().orElseThrow();
        for (Row row : out) {
            sse += Math.pow(row.getDouble(0) - row.getDouble(1), 2);
            sst += Math.pow(row.getDouble(0) - mean, 2);
        }
        assertTrue(1 - sse / sst > 0.95, "R^2 " + (1 - sse / sst));
        model.write().overwrite().save(dir.resolve("regressor").toString());
        MlpRegressionModel loaded = MlpRegressionModel.load(dir.resolve("regressor").toString());
        assertArrayEquals(FEATURES, loaded.getOrDefault(loaded.inputCols()));
        assertEquals(out, loaded.transform(df).select("label", "prediction").collectAsList());
    }

    @Test
    void anUntrainedEstimatorSavesItsParameters(@TempDir Path dir) throws Exception {
        MlpClassifier c = new MlpClassifier().setHiddenLayers(64, 32).setOptimizer("adamw").setDropout(0.2);
        c.write().save(dir.resolve("c").toString());
        MlpClassifier back = MlpClassifier.load(dir.resolve("c").toString());
        assertEquals(c.uid(), back.uid());
        assertArrayEquals(new int[] {64, 32}, back.getOrDefault(back.hiddenLayers()));
        assertEquals("adamw", back.getOrDefault(back.optimizer()));
        assertEquals(0.2, (Double) back.getOrDefault(back.dropout()));
    }
}
