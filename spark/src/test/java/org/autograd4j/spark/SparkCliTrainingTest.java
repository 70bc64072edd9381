package org.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.autograd4j.examples.Cli;
import org.autograd4j.nn.io.ModelIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's {@code train --spark}, found through ServiceLoader when this module is on the class path. */
class SparkCliTrainingTest {
    @Test
    void trainWithSparkPrintsComputeAndCommunicationPerEpochAndSavesALoadableModel(@TempDir Path dir)
            throws Exception {
        SharedSpark.session();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.execute(new PrintWriter(out), new PrintWriter(err), "train", "iris", "--epochs", "3",
                "--patience", "0", "--spark", "local[2]", "-o", dir.toString());
        assertEquals(0, status, () -> out + "\n" + err);
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("backend: "), lines.get(0));
        assertTrue(lines.get(1).startsWith("iris: 120 training and 30 validation rows;") && lines.get(1).contains(
                "Spark local[2], 2 partitions, synchronous"), lines.get(1));
        for (int e = 1; e <= 3; e++) {
            String prefix = "epoch " + e + ": loss ";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix) && l.contains("val_acc")
                    && l.contains("compute") && l.contains("communication")), out::toString);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("trained 3 epochs in")), out::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("validation")), out::toString);
        assertEquals(4, Files.readAllLines(dir.resolve("history.csv")).size());
        assertEquals("iris", ModelIO.load(dir.resolve("model.ag4j")).metadata().get("dataset"));
    }

    @Test
    void aDivergingRunExitsWithStatusOneAndWritesNothing(@TempDir Path dir) {
        SharedSpark.session();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.execute(new PrintWriter(out), new PrintWriter(err), "train", "iris", "--epochs", "3",
                "--patience", "0", "--optimizer", "sgd", "--lr", "1e30", "--spark", "local[2]", "-q", "-o",
                dir.toString());
        assertEquals(1, status, () -> out + "\n" + err);
        assertTrue(err.toString().startsWith("train: the training loss became ") && err.toString().contains(
                " in epoch 1; try a lower learning rate (--lr; this run used 1.0E30). No model written."), err::toString);
        assertFalse(Files.exists(dir.resolve("model.ag4j")));
    }
}
