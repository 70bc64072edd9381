package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train writes a model, a history and plots; evaluate, predict and gradcheck use them; mismatches are refused. */
class CliTrainTest {
    @TempDir
    static Path dir;
    static Path iris;
    static Path model;
    static CliRunner.Run trained;

    @BeforeAll
    static void trainIris() throws IOException {
        iris = CliRunner.dataset(dir, "iris.csv");
        Path out = dir.resolve("run");
        trained = run("train", iris.toString(), "--hidden", "16", "--lr", "0.01", "--epochs", "150", "--patience",
                "20", "--batch-size", "16", "--graph", "-o", out.toString()).assertOk();
        model = out.resolve("model.ag4j");
    }

    @Test
    void trainWritesModelHistoryAndPlots() throws IOException {
        Path out = model.getParent();
        for (String f : List.of("model.ag4j", "history.csv", "learning_curves.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
            assertTrue(trained.out().contains(out.resolve(f).toString()), "path printed: " + f);
        }
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        assertTrue(history.get(0).startsWith("epoch,loss,val_loss,accuracy,val_accuracy"), history.get(0));
        assertTrue(trained.out().contains("epoch 1/150 - loss"), "a progress line per epoch");
        assertTrue(trained.out().contains("confusion matrix"), trained.out());
        assertTrue(accuracy(trained.out()) >= 0.9, trained.out());
    }

    @Test
    void graphOptionWritesTheDotFileNextToTheModel() throws IOException {
        Path dot = model.getParent().resolve("graph.dot");
        String text = Files.readString(dot);
        assertTrue(text.startsWith("digraph autograd {"), text);
        assertTrue(text.contains("[label=\"input\\n[1, 4] FLOAT32\"") && text.contains("layers.0.weight")
                && text.contains("ReluBackward"), text);
        assertTrue(trained.out().contains(dot.toString()), trained.out());
        assertTrue(Files.exists(model.getParent().resolve("graph.png"))
                || trained.out().contains("the dot program (Graphviz) is not on the PATH"), trained.out());
    }

    @Test
    void trainsFirstLineSaysWhichBackendRuns() {
        String first = trained.out().lines().findFirst().orElseThrow();
        assertTrue(first.matches("backend: (OpenBLAS|Intel|Java kernels).*"), first);
    }

    @Test
    void evaluateScoresTheSavedModel() {
        String out = run("evaluate", "--model", model.toString(), iris.toString()).assertOk().out();
        assertTrue(out.contains("150 rows") && out.contains("precision") && out.contains("f1"), out);
        assertTrue(accuracy(out) >= 0.9, out);
    }

    @Test
    void predictWritesOneLinePerRow() throws IOException {
        String out = run("predict", "--model", model.toString(), iris.toString()).assertOk().out();
        List<String> lines = out.lines().toList();
        assertEquals("line,prediction,p(0),p(1),p(2)", lines.get(0));
        assertEquals(151, lines.size());
        assertTrue(lines.get(1).startsWith("2,0,"), lines.get(1));

        Path features = dir.resolve("features.csv");
        List<String> rows = Files.readAllLines(iris).stream()
                .map(l -> l.substring(0, l.lastIndexOf(','))).toList();
        Files.write(features, rows);
        Path predictions = dir.resolve("predictions.csv");
        run("predict", "-m", model.toString(), features.toString(), "-o", predictions.toString()).assertOk();
        assertEquals(lines, Files.readAllLines(predictions), "the label column is optional");
    }

    @Test
    void gradcheckOnTheSavedModel() {
        String out = run("gradcheck", "--model", model.toString(), iris.toString()).assertOk().out();
        assertTrue(out.startsWith("gradcheck: passed"), out);
    }

    @Test
    void widthMismatchIsRefusedAndNothingIsOverwritten() throws IOException {
        Path wdbc = CliRunner.dataset(dir, "wdbc.csv");
        String err = run("evaluate", "--model", model.toString(), wdbc.toString()).assertUsageError().err();
        assertTrue(err.contains("expects 4 features") && err.contains("has 30"), err);
        Path keep = dir.resolve("keep.csv");
        Files.writeString(keep, "untouched");
        err = run("predict", "-m", model.toString(), wdbc.toString(), "-o", keep.toString()).assertUsageError()
                .err();
        assertTrue(err.contains("expects 4 features"), err);
        assertEquals("untouched", Files.readString(keep));
        err = run("gradcheck", "--model", model.toString(), wdbc.toString()).assertUsageError().err();
        assertTrue(err.startsWith("gradcheck: ") && err.contains("expects 4 features"), err);
        assertTrue(run("gradcheck", "--model", model.toString()).assertOk().out().contains("rows of " + iris),
                "without DATASET, the file the model was trained on");
    }

    @Test
    void unknownClassIsRefused() throws IOException {
        Path odd = dir.resolve("odd.csv");
        Files.writeString(odd, "a,b,c,d,species\n5.1,3.5,1.4,0.2,7\n");
        String err = run("evaluate", "--model", model.toString(), odd.toString()).assertUsageError().err();
        assertTrue(err.contains("class label 7"), err);
    }

    /** The 42 school's layout: no header, an id column, text labels M/B in column 1. */
    @Test
    void headerlessCsvWithIdAndTextLabels() throws IOException {
        List<String> wdbc = Files.readAllLines(CliRunner.dataset(dir, "wdbc.csv"));
        List<String> uci = new java.util.ArrayList<>();
        for (int i = 1; i < wdbc.size(); i++) {
            String row = wdbc.get(i);
            int cut = row.lastIndexOf(',');
            uci.add((900000 + i) + "," + (row.endsWith(",1") ? "M" : "B") + "," + row.substring(0, cut));
        }
        Path data = dir.resolve("data.csv");
        Files.write(data, uci);
        Path out = dir.resolve("uci");
        String report = run("train", data.toString(), "--no-header", "--label", "1", "--ignore", "0", "--epochs",
                "30", "-q", "-o", out.toString()).assertOk().out();
        assertTrue(report.contains("0 = B, 1 = M") && accuracy(report) >= 0.9, report);
        Path m = out.resolve("model.ag4j");
        assertTrue(accuracy(run("evaluate", "-m", m.toString(), data.toString()).assertOk().out()) >= 0.9);
        String predictions = run("predict", "-m", m.toString(), data.toString()).assertOk().out();
        assertTrue(predictions.startsWith("line,prediction,p(B),p(M)\n1,M,"), predictions);
    }

    static double accuracy(String report) {
        Matcher m = Pattern.compile("accuracy (\\d\\.\\d+)").matcher(report);
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }
}
