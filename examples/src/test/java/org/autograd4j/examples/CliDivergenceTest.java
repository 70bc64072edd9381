package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A diverged training run fails (status 1), says where, and writes nothing; hyper-parameters are never NaN. */
class CliDivergenceTest {
    @TempDir
    Path dir;

    @Test
    void aDivergedRunFailsSaysWhereAndWritesNoModel() throws IOException {
        Path iris = CliRunner.dataset(dir, "iris.csv");
        Path out = dir.resolve("run");
        CliRunner.Run r = run("train", iris.toString(), "--lr", "1e30", "--epochs", "5", "--patience", "3", "-o",
                out.toString());
        assertEquals(Cli.EXIT_FAILURE, r.status(), () -> r.out() + r.err());
        assertTrue(r.err().startsWith("train: training diverged: "), r.err());
        assertTrue(r.err().matches("(?s).* at epoch 1, batch \\d+; try a lower learning rate \\(--lr; this run used"
                + " 1\\.0E30\\)\\. No model written\\.\\s*"), r.err());
        assertFalse(r.out().contains("restored the weights"), r.out());
        assertFalse(Files.exists(out), "the output folder this run created is removed again");
    }

    @Test
    void aDivergedRunLeavesTheEarlierRunsFilesAsTheyWere() throws IOException {
        Path iris = CliRunner.dataset(dir, "iris.csv");
        Path out = dir.resolve("run");
        run("train", iris.toString(), "--epochs", "2", "-q", "-o", out.toString()).assertOk();
        byte[] model = Files.readAllBytes(out.resolve("model.ag4j"));
        byte[] history = Files.readAllBytes(out.resolve("history.csv"));
        CliRunner.Run r = run("train", iris.toString(), "--lr", "1e30", "--epochs", "5", "-q", "-o",
                out.toString());
        assertEquals(Cli.EXIT_FAILURE, r.status(), () -> r.out() + r.err());
        assertTrue(r.err().contains("No files written; " + out.resolve("model.ag4j")
                + " is the model of an earlier run, left as it was."), r.err());
        assertArrayEquals(model, Files.readAllBytes(out.resolve("model.ag4j")));
        assertArrayEquals(history, Files.readAllBytes(out.resolve("history.csv")));
    }

    @Test
    void aNaNLearningRateIsAnError() throws IOException {
        Path iris = CliRunner.dataset(dir, "iris.csv");
        for (String[] args : new String[][] {{"--lr", "NaN"}, {"--optimizer", "sgd", "--lr", "NaN"}}) {
            String[] all = new String[args.length + 4];
            all[0] = "train";
            all[1] = iris.toString();
            System.arraycopy(args, 0, all, 2, args.length);
            all[all.length - 2] = "-o";
            all[all.length - 1] = dir.resolve("nan").toString();
            CliRunner.Run r = run(all).assertUsageError();
            assertEquals("train: --lr must be a positive number, got NaN", r.err().strip());
        }
        assertFalse(Files.exists(dir.resolve("nan").resolve("model.ag4j")));
    }
}
