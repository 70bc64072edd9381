package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.autograd4j.nn.train.History;
import org.junit.jupiter.api.Test;

/** Every example program learns its problem as its javadoc says, and prints its progress and scores. */
class ExamplesTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void xorClusters() {
        assertTrue(XorClusters.run(out) >= 0.97, this::printed);
        assertTrue(printed().contains("epoch 1/"), this::printed);
        assertTrue(printed().contains("validation accuracy"), this::printed);
    }

    @Test
    void circles() {
        assertTrue(Circles.run(out) >= 0.9, this::printed);
    }

    @Test
    void breastCancerReachesTheLiteraturesAccuracy() {
        assertTrue(BreastCancer.run(out) >= 0.95, this::printed);
        assertTrue(printed().contains("precision") && printed().contains("pred 1"), this::printed);
    }

    @Test
    void everyOptimizerLowersTheLoss() {
        Map<String, History> runs = BreastCancer.compareOptimizers(out, 25);
        assertEquals(4, runs.size());
        for (Map.Entry<String, History> run : runs.entrySet()) {
            double[] loss = run.getValue().get("loss");
            assertEquals(25, loss.length);
            assertTrue(loss[loss.length - 1] < loss[0] / 2, run.getKey() + " lowers the training loss");
        }
    }

    @Test
    void tabularEmbeddingLearnsTheRegion() {
        assertTrue(Tabular.run(out) >= 0.85, this::printed);
        assertTrue(printed().contains("without it"), this::printed);
    }

    @Test
    void digits() {
        assertTrue(Digits.run(out) >= 0.95, this::printed);
    }

    @Test
    void diabetesRegression() {
        assertTrue(Diabetes.run(out) >= 0.3, this::printed);
        assertTrue(printed().contains("R²"), this::printed);
    }

    /** The real data on a small prefix (the full run reaches about 98%; see the Mnist class). */
    @Test
    void mnistOnASubset() {
        assertTrue(Mnist.run(out, CliRunner.mnistDir(), 5000, 5000, 4) >= 0.90, this::printed);
        assertTrue(printed().contains("on 5000 images"), this::printed);
    }
}
