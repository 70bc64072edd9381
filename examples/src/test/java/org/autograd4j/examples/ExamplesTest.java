package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.autograd4j.examples.plot.Plots;
import org.autograd4j.examples.run.Experiment;
import org.autograd4j.nn.train.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example program learns its problem, and every PNG it writes is a real image of the expected size. */
class ExamplesTest {
    @TempDir
    Path dir;
    private final StringWriter printed = new StringWriter();
    private final PrintWriter out = new PrintWriter(printed);

    @Test
    void xorClusters() throws IOException {
        Examples.Result r = XorClusters.run(dir, out);
        assertTrue(r.outcome().validation().accuracy() >= 0.97, printed::toString);
        assertPngs(r.files(), "learning_curves.png", "decision_boundary.png");
    }

    @Test
    void circles() throws IOException {
        Examples.Result r = Circles.run(dir, out);
        assertTrue(r.outcome().validation().accuracy() >= 0.9, printed::toString);
        assertPngs(r.files(), "learning_curves.png", "decision_boundary.png");
    }

    @Test
    void breastCancerReachesTheLiteraturesAccuracy() throws IOException {
        Examples.Result r = BreastCancer.run(dir, out);
        Experiment.Outcome o = r.outcome();
        assertTrue(o.validation().accuracy() >= 0.95, printed::toString);
        assertEquals(114, o.validation().rows());
        assertTrue(printed.toString().contains("confusion matrix"), printed::toString);
        assertPngs(r.files(), "learning_curves.png");
    }

    @Test
    void optimizersComparedOnOnePlot() throws IOException {
        Map<String, History> runs = BreastCancer.compareOptimizers(dir, out, 25);
        assertEquals(4, runs.size());
        for (Map.Entry<String, History> run : runs.entrySet()) {
            double[] loss = run.getValue().get("loss");
            assertEquals(25, loss.length);
            assertTrue(loss[loss.length - 1] < loss[0] / 2, run.getKey() + " lowers the training loss");
        }
        assertImage(dir.resolve(BreastCancer.COMPARISON), 2 * Plots.WIDTH, Plots.HEIGHT);
    }

    @Test
    void digits() throws IOException {
        Examples.Result r = Digits.run(dir, out);
        assertTrue(r.outcome().validation().accuracy() >= 0.95, printed::toString);
        assertPngs(r.files(), "learning_curves.png");
    }

    @Test
    void diabetesRegression() throws IOException {
        Examples.Result r = Diabetes.run(dir, out);
        assertTrue(r.outcome().validation().r2() >= 0.3, printed::toString);
        assertTrue(printed.toString().contains("r2 "), printed::toString);
        assertPngs(r.files(), "learning_curves.png", "predicted_vs_actual.png");
    }

    /** The real data on a small prefix (the full run reaches about 98%; see the Mnist class). */
    @Test
    void mnistOnASubset() throws IOException {
        Examples.Result r = Mnist.run(dir, out, CliRunner.mnistDir(), 5000, 4);
        Experiment.Outcome o = r.outcome();
        assertEquals(5000, o.test().rows());
        assertTrue(o.test().accuracy() >= 0.90, printed::toString);
        assertPngs(r.files(), "learning_curves.png");
    }

    /** The listed PNGs were written and printed; learning curves hold two charts side by side. */
    private void assertPngs(List<Path> files, String... names) throws IOException {
        for (String name : names) {
            Path png = dir.resolve(name);
            assertTrue(files.contains(png), () -> name + " in " + files);
            assertTrue(printed.toString().contains(png.toString()), () -> "path printed: " + png);
            assertImage(png, name.equals("learning_curves.png") ? 2 * Plots.WIDTH : Plots.WIDTH, Plots.HEIGHT);
        }
    }

    static void assertImage(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, () -> png + " is not an image ImageIO can read");
        assertEquals(width, image.getWidth(), png::toString);
        assertEquals(height, image.getHeight(), png::toString);
    }
}
