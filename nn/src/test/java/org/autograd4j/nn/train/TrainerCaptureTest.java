package org.autograd4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.optim.Adagrad;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.AdamW;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.RmsProp;
import org.autograd4j.nn.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code FitConfig.capture(true)}: the captured and replayed step trains to exactly the numbers eager training gives,
 * per optimizer, dtype and loss, including the smaller last batch of every epoch (a second captured program).
 */
class TrainerCaptureTest {
    private static Dataset data(boolean regression) {
        Random rng = new Random(11);
        double[][] x = new double[70][];
        int[] classes = new int[70];
        double[] y = new double[70];
        for (int i = 0; i < 70; i++) {
            x[i] = new double[] {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            classes[i] = (x[i][0] + x[i][1] > 0 ? 1 : 0) + (x[i][2] > 0.5 ? 1 : 0);
            y[i] = x[i][0] * 2 - x[i][3];
        }
        return regression ? Dataset.of(x, y) : Dataset.of(x, classes);
    }

    private static History fit(boolean capture, DType dtype, String optimizer, Activation hidden, boolean regression,
            double dropout, List<Tensor> paramsOut) {
        Mlp model = Mlp.builder().sizes(4, 8, 6, regression ? 1 : 3).hiddenActivation(hidden).dropout(dropout)
                .seed(5).build();
        model.to(dtype);
        List<Tensor> params = model.parameters();
        Function<List<Tensor>, Optimizer> make = switch (optimizer) {
            case "sgd" -> p -> Sgd.builder(p).lr(0.05).build();
            case "nesterov" -> p -> Sgd.builder(p).lr(0.05).momentum(0.9).nesterov(true).build();
            case "adam" -> p -> Adam.builder(p).lr(0.01).build();
            case "adamw" -> p -> AdamW.builder(p).lr(0.01).build();
            case "rmsprop" -> p -> RmsProp.builder(p).lr(0.01).build();
            default -> p -> Adagrad.builder(p).lr(0.05).build();
        };
        Loss loss = regression ? (p, t) -> Losses.mse(p, t.reshape(-1, 1)) : Losses.crossEntropy();
        DataLoader train = DataLoader.builder(data(regression)).batchSize(16).shuffle(true).seed(3).dtype(dtype)
                .build();
        History h = Trainer.fit(FitConfig.builder(model, loss, make.apply(params), train).epochs(4).capture(capture)
                .build());
        paramsOut.addAll(params);
        return h;
    }

    @ParameterizedTest(name = "{0} {1} {2} regression={3}")
    @CsvSource({
        "FLOAT32, sgd, RELU, false", "FLOAT32, nesterov, TANH, false", "FLOAT32, adam, RELU, false",
        "FLOAT64, adamw, SIGMOID, false", "FLOAT64, rmsprop, RELU, true", "FLOAT32, adagrad, LEAKY_RELU, true",
        "FLOAT64, adam, TANH, true"})
    void capturedTrainingEqualsEagerTrainingBitForBit(DType dtype, String optimizer, Activation hidden,
            boolean regression) {
        List<Tensor> eagerParams = new java.util.ArrayList<>();
        List<Tensor> capturedParams = new java.util.ArrayList<>();
        History eager = fit(false, dtype, optimizer, hidden, regression, 0.0, eagerParams);
        History captured = fit(true, dtype, optimizer, hidden, regression, 0.0, capturedParams);
        assertTrue(captured.captured(), () -> captured.captureRefusal().orElse("no reason"));
        assertFalse(captured.captureRefusal().isPresent());
        assertFalse(eager.captured());
        assertArrayEquals(eager.get("loss"), captured.get("loss"), 0.0);
        for (int i = 0; i < eagerParams.size(); i++) {
            assertArrayEquals(eagerParams.get(i).toDoubleArray(), capturedParams.get(i).toDoubleArray(), 0.0,
                    "parameter " + i);
        }
    }

    @Test
    void aModelThatCannotBeCapturedTrainsEagerlyToTheSameNumbersAndSaysWhy() {
        List<Tensor> eagerParams = new java.util.ArrayList<>();
        List<Tensor> capturedParams = new java.util.ArrayList<>();
        History eager = fit(false, DType.FLOAT64, "adam", Activation.RELU, false, 0.2, eagerParams);
        History asked = fit(true, DType.FLOAT64, "adam", Activation.RELU, false, 0.2, capturedParams);
        assertFalse(asked.captured());
        assertTrue(asked.captureRefusal().orElseThrow().contains("Dropout in training mode"),
                asked.captureRefusal().toString());
        assertArrayEquals(eager.get("loss"), asked.get("loss"), 0.0);
        assertEquals(eagerParams.size(), capturedParams.size());
        for (int i = 0; i < eagerParams.size(); i++) {
            assertArrayEquals(eagerParams.get(i).toDoubleArray(), capturedParams.get(i).toDoubleArray(), 0.0);
        }
    }
}
