package org.autograd4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.autograd4j.core.DType;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.train.Fakes.GradientDescent;
import org.autograd4j.nn.train.Fakes.LinearModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {
    @TempDir
    Path dir;

    private static List<Integer> feed(ModelCheckpoint c, String name, double... curve) {
        c.onTrainBegin(null, curve.length);
        for (int e = 1; e <= curve.length; e++) {
            c.onEpochEnd(e, Fakes.logs(name, curve[e - 1]));
        }
        return c.savedEpochs();
    }

    @Test
    void savesOnlyOnImprovement() {
        List<Path> saved = new ArrayList<>();
        ModelCheckpoint c = new ModelCheckpoint(Path.of("best.bin"), saved::add);
        assertEquals(List.of(1, 2, 4), feed(c, "val_loss", 1.0, 0.8, 0.9, 0.7, 0.7, Double.NaN, 0.75));
        assertEquals(List.of(Path.of("best.bin"), Path.of("best.bin"), Path.of("best.bin")), saved);
        assertEquals(4, c.bestEpoch());
        assertEquals(0.7, c.best());
        ModelCheckpoint acc = ModelCheckpoint.builder(Path.of("m-{epoch}.bin"), saved::add).monitor("val_accuracy")
                .minDelta(0.05).build();
        saved.clear();
        assertEquals(List.of(1, 3), feed(acc, "val_accuracy", 0.5, 0.52, 0.6, 0.58));
        assertEquals(List.of(Path.of("m-1.bin"), Path.of("m-3.bin")), saved);
        assertEquals(List.of(1, 2, 3), feed(ModelCheckpoint.builder(Path.of("x"), p -> { }).saveBestOnly(false)
                .build(), "val_loss", 1, 2, 3), "every epoch without saveBestOnly");
    }

    @Test
    void aFailingSaverNamesEpochAndPath() {
        ModelCheckpoint c = new ModelCheckpoint(Path.of("/no/such/dir/m.bin"), p -> {
            throw new IOException("disk full");
        });
        c.onTrainBegin(null, 1);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> c.onEpochEnd(1, Fakes.logs("val_loss", 1)));
        assertEquals("ModelCheckpoint: saving epoch 1 to /no/such/dir/m.bin failed: disk full", e.getMessage());
    }

    @Test
    void writesFilesDuringFit() throws IOException {
        Dataset data = Dataset.of(new double[][] {{1}, {2}, {3}, {4}}, new double[] {2, 4, 6, 8});
        LinearModel model = new LinearModel(1, 1, 5, DType.FLOAT64);
        ModelCheckpoint c = ModelCheckpoint.builder(dir.resolve("ckpt-{epoch}.txt"),
                p -> Files.writeString(p, model.stateDict().toString())).monitor("loss").build();
        History h = Trainer.fit(model, Fakes.MSE, new GradientDescent(model.parameters(), 0.01),
                DataLoader.builder(data).batchSize(4).dtype(DType.FLOAT64).build(), null, 5, c);
        double[] loss = h.get("loss");
        List<Integer> improving = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int e = 0; e < loss.length; e++) {
            if (loss[e] < best) {
                best = loss[e];
                improving.add(e + 1);
            }
        }
        assertEquals(improving, c.savedEpochs());
        for (int e : improving) {
            assertEquals(true, Files.isRegularFile(dir.resolve("ckpt-" + e + ".txt")));
        }
    }
}
