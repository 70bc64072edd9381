package org.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Training on Spark" example, compiled and run here on the WDBC rows (a copy of the examples' CSV in
 * the test resources, with its NOTICE there). The README must contain the code between the markers verbatim
 * (indentation removed), so the two cannot drift apart.
 */
class SparkReadmeExampleTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SELF = Path.of("src", "test", "java", "org", "autograd4j", "spark",
            "SparkReadmeExampleTest.java");

    @Test
    void theExampleTrainsScoresSavesAndLoads(@TempDir Path tmp) throws Exception {
        SparkSession spark = SharedSpark.session();
        String csv = Path.of("src", "test", "resources", "wdbc.csv").toString();
        String dir = tmp.resolve("wdbc-model").toString();
        // README-SPARK-START
        Dataset<Row> rows = spark.read().option("header", "true").option("inferSchema", "true").csv(csv);
        String[] features = Arrays.stream(rows.columns()).filter(c -> !c.equals("malignant")).toArray(String[]::new);
        Dataset<Row>[] split = rows.randomSplit(new double[] {0.8, 0.2}, 42);

        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(features).setOutputCol("features"),
            new MlpClassifier().setLabelCol("malignant").setHiddenLayers(32, 16).setActivation("relu")
                    .setOptimizer("adam").setLearningRate(0.01).setBatchSize(64).setMaxEpochs(10).setPatience(5)});
        PipelineModel model = pipeline.fit(split[0]);         // standardizes, then trains data-parallel
        Dataset<Row> scored = model.transform(split[1]);      // + rawPrediction, probability, prediction
        double accuracy = new MulticlassClassificationEvaluator().setLabelCol("malignant")
                .setMetricName("accuracy").evaluate(scored);
        model.write().overwrite().save(dir);                  // Spark ML's layout, our model file inside
        PipelineModel loaded = PipelineModel.load(dir);
        // README-SPARK-END
        assertTrue(accuracy > 0.9, "accuracy " + accuracy);
        assertEquals(scored.select("prediction").collectAsList(),
                loaded.transform(split[1]).select("prediction").collectAsList());
    }

    @Test
    void theReadmeHoldsTheExampleVerbatim() throws IOException {
        List<String> self = Files.readAllLines(SELF);
        List<String> code = self.subList(self.indexOf("        // README-SPARK-START") + 1,
                self.indexOf("        // README-SPARK-END")).stream().map(l -> l.length() >= 8 ? l.substring(8) : l)
                .toList();
        String readme = Files.readString(README);
        assertTrue(readme.contains(String.join("\n", code)), "README.md must contain the example:\n"
                + String.join("\n", code));
    }
}
