package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input of every kind: one line on stderr naming the command and the problem, status 2, nothing written. */
class CliErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"train", "evaluate", "predict", "split", "gradcheck"})
    void everyCommandHasHelp(String command) {
        CliRunner.Run r = run(command, "--help").assertOk();
        assertTrue(r.out().contains("Usage: autograd4j " + command), r.out());
    }

    @Test
    void topLevelHelpListsTheCommands() {
        String out = run("--help").assertOk().out();
        for (String c : new String[] {"train", "evaluate", "predict", "split", "gradcheck"}) {
            assertTrue(out.contains(c), out);
        }
    }

    @Test
    void noCommandIsAUsageError() {
        assertTrue(run().assertUsageError().err().contains("missing a command"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        String err = run("train", "--bogus").assertUsageError().err();
        assertTrue(err.startsWith("autograd4j train: ") && err.contains("--bogus"), err);
    }

    @Test
    void badOptionValues() {
        assertTrue(run("train", "--epochs", "0").assertUsageError().err()
                .contains("train: --epochs must be >= 1, got 0"));
        assertTrue(run("train", "--epochs", "many").assertUsageError().err().contains("many"));
        assertTrue(run("train", "--optimizer", "lbfgs").assertUsageError().err()
                .contains("unknown optimizer 'lbfgs'; choose one of sgd, momentum, nesterov, rmsprop, adagrad, adam,"
                        + " adamw"));
        assertTrue(run("train", "--activation", "swish").assertUsageError().err().contains("unknown activation"));
        assertTrue(run("train", "--hidden", "8,x").assertUsageError().err().contains("--hidden"));
        assertTrue(run("train", "--lr", "-0.1").assertUsageError().err().contains("--lr must be a positive number"));
        String out = dir.resolve("out").toString();
        assertTrue(run("train", "--loss", "mse", "-o", out).assertUsageError().err()
                .contains("train: loss mse is for regression but wdbc is a classification problem"));
        assertTrue(run("train", "iris", "--loss", "bce", "-o", out).assertUsageError().err()
                .contains("exactly 2 classes"));
        assertFalse(Files.exists(dir.resolve("out")), "refused before creating the output folder");
        assertTrue(run("train", "--dropout", "1").assertUsageError().err()
                .contains("--dropout must be in [0, 1), got 1.0"));
        assertTrue(run("train", "nosuchset").assertUsageError().err().contains("unknown dataset 'nosuchset'"));
    }

    @Test
    void missingFiles() {
        assertTrue(run("train", dir.resolve("none.csv").toString()).assertUsageError().err()
                .contains("train: no such file: "));
        assertTrue(run("evaluate", "--model", dir.resolve("none.ag4j").toString(), "x.csv").assertUsageError()
                .err().contains("evaluate: no such model file: "));
        assertTrue(run("split", dir.resolve("none.csv").toString()).assertUsageError().err()
                .contains("split: no such file: "));
        assertTrue(run("train", "mnist", "--data", dir.resolve("nomnist").toString()).assertUsageError().err()
                .contains("mnist: no such folder"));
    }

    @Test
    void malformedCsvRowNamesTheLine() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b,label\n1,2,0\n3,4,1\n5,6\n7,8,1\n");
        String err = run("train", csv.toString(), "-o", dir.resolve("out").toString()).assertUsageError().err();
        assertTrue(err.contains("line 4") && err.contains("expected 3 fields but found 2"), err);
        Files.writeString(csv, "a,b,label\n1,2,0\n3,oops,1\n");
        err = run("train", csv.toString()).assertUsageError().err();
        assertTrue(err.contains("line 3") && err.contains("'oops'"), err);
        err = run("split", csv.toString().replace("bad", "missing")).assertUsageError().err();
        assertTrue(err.contains("no such file"), err);
        Files.writeString(csv, "a,b,label\n1,2,0\n3,4\n");
        assertTrue(run("split", csv.toString()).assertUsageError().err().contains("line 3"));
    }

    @Test
    void corruptedModelFile() throws IOException {
        Path model = dir.resolve("model.ag4j");
        Files.writeString(model, "this is not a model");
        Path csv = CliRunner.dataset(dir, "iris.csv");
        String err = run("evaluate", "--model", model.toString(), csv.toString()).assertUsageError().err();
        assertTrue(err.startsWith("evaluate: ") && err.contains(model.toString()), err);
        assertTrue(run("predict", "-m", model.toString(), csv.toString()).assertUsageError().err()
                .startsWith("predict: "));
    }

    @Test
    void outputThatIsAFileIsRefusedBeforeTraining() throws IOException {
        Path file = dir.resolve("taken");
        Files.writeString(file, "keep");
        CliRunner.Run r = run("train", "iris", "-o", file.toString()).assertUsageError();
        assertTrue(r.err().contains("is not a folder"), r.err());
        assertEquals("keep", Files.readString(file));
        assertFalse(r.out().contains("epoch"), "no training should have started: " + r.out());
    }
}
