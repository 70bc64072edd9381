package org.autograd4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.autograd4j.core.DType;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.train.Fakes.GradientDescent;
import org.autograd4j.nn.train.Fakes.LinearModel;
import org.junit.jupiter.api.Test;

class ProgressLoggerTest {
    private static EpochLogs sample() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("loss", 0.23451);
        v.put("val_loss", 0.25109);
        v.put("accuracy", 0.962);
        v.put("val_accuracy", 0.95612);
        return new EpochLogs(v, 0.1234);
    }

    @Test
    void formatsOneLinePerEpoch() {
        assertEquals("epoch 3/50 - loss 0.2345 - val_loss 0.2511 - accuracy 0.9620 - val_accuracy 0.9561 - 0.12s",
                ProgressLogger.line(3, 50, sample()));
        assertEquals("epoch 1/1 - loss 1.2346e-05 - 2.00s",
                ProgressLogger.line(1, 1, new EpochLogs(Map.of("loss", 1.23456e-5), 2.0)));
    }

    @Test
    void printsWhenVerboseAndNothingWhenSilenced() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressLogger loud = new ProgressLogger(out);
        loud.onTrainBegin(null, 50);
        loud.onEpochEnd(3, sample());
        ProgressLogger quiet = new ProgressLogger(out, false);
        quiet.onTrainBegin(null, 50);
        quiet.onEpochEnd(4, sample());
        assertEquals(ProgressLogger.line(3, 50, sample()) + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fitPrintsNothingUnlessAskedAndOneLinePerEpochWhenAsked() {
        Dataset data = Dataset.of(new double[][] {{1}, {2}}, new double[] {1, 2});
        DataLoader loader = DataLoader.builder(data).dtype(DType.FLOAT64).build();
        LinearModel model = new LinearModel(1, 1, 1, DType.FLOAT64);
        PrintStream original = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            Trainer.fit(model, Fakes.MSE, new GradientDescent(model.parameters(), 0.01), loader, loader, 3);
        } finally {
            System.setOut(original);
        }
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Trainer.fit(FitConfig.builder(model, Fakes.MSE, new GradientDescent(model.parameters(), 0.01), loader)
                .validation(loader).epochs(3).verbose(new PrintStream(log, true, StandardCharsets.UTF_8)).build());
        String[] lines = log.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(3, lines.length);
        for (int e = 0; e < 3; e++) {
            assertEquals(true, lines[e].matches("epoch " + (e + 1) + "/3 - loss [0-9.e-]+ - val_loss [0-9.e-]+ - "
                    + "[0-9]+\\.[0-9]{2}s"), lines[e]);
        }
    }
}
