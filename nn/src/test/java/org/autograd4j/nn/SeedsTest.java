package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.data.Batch;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.optim.Sgd;
import org.autograd4j.nn.train.FitConfig;
import org.autograd4j.nn.train.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Seeds#set}: one seed for every unseeded component; explicit seeds still win. */
class SeedsTest {
    @AfterEach
    void forgetTheSeed() {
        Seeds.clear();
    }

    private static Dataset data() {
        double[][] x = new double[20][];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = new double[] {i / 20.0, Math.sin(i), Math.cos(i), i % 3};
            y[i] = i % 2;
        }
        return Dataset.of(x, y);
    }

    /** The first feature of every row in the loader's first epoch, in the order served. */
    private static double[] firstEpoch(DataLoader loader) {
        List<Double> out = new ArrayList<>();
        for (Batch b : loader) {
            for (double v : b.x().toDoubleArray()) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Builds, shuffles and trains (with dropout) from nothing but unseeded components; returns the weights. */
    private static List<double[]> run() {
        Sequential model = new Sequential(new Linear(4, 8), new ReLU(), new Dropout(0.5), new Linear(8, 1));
        Mlp mlp = Mlp.builder().sizes(4, 3, 1).dropout(0.2).build();
        DataLoader loader = DataLoader.builder(data()).batchSize(6).shuffle(true).dtype(DType.FLOAT32).build();
        Loss mse = (out, y) -> Losses.mse(out.reshape(y.shape()), y);
        Trainer.fit(FitConfig.builder(model, mse, Sgd.builder(model.parameters()).lr(0.1).build(), loader)
                .epochs(3).build());
        List<double[]> out = new ArrayList<>();
        model.parameters().forEach(p -> out.add(p.toDoubleArray()));
        mlp.parameters().forEach(p -> out.add(p.toDoubleArray()));
        for (Batch b : loader) {
            out.add(b.y().toDoubleArray());
        }
        return out;
    }

    @Test
    void twoRunsAfterTheSameSeedGiveIdenticalParameters() {
        Seeds.set(42);
        List<double[]> first = run();
        Seeds.set(42);
        List<double[]> second = run();
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), second.get(i), 0, "tensor " + i);
        }
        Seeds.set(43);
        List<double[]> other = run();
        assertFalse(Arrays.equals(first.get(0), other.get(0)), "another seed gives other weights");
        assertEquals(OptionalLong.of(43), Seeds.current());
    }

    @Test
    void anExplicitSeedWinsOverTheGlobalOne() {
        Seeds.set(1);
        Tensor w1 = new Linear(4, 8, Activation.RELU, new Random(3)).namedParameters().get("weight");
        Mlp m1 = Mlp.builder().sizes(4, 3, 1).seed(9).build();
        double[] order1 = firstEpoch(DataLoader.builder(data()).shuffle(true).seed(5).build());
        Seeds.set(2);
        Tensor w2 = new Linear(4, 8, Activation.RELU, new Random(3)).namedParameters().get("weight");
        Mlp m2 = Mlp.builder().sizes(4, 3, 1).seed(9).build();
        double[] order2 = firstEpoch(DataLoader.builder(data()).shuffle(true).seed(5).build());
        assertArrayEquals(w1.toDoubleArray(), w2.toDoubleArray(), 0);
        assertArrayEquals(m1.parameters().get(0).toDoubleArray(), m2.parameters().get(0).toDoubleArray(), 0);
        assertArrayEquals(order1, order2, 0);
    }

    @Test
    void withoutASeedUnseededComponentsDifferAndLoadersShuffleFromZeroAsBefore() {
        assertTrue(Seeds.current().isEmpty());
        double[] a = new Linear(16, 16).parameters().get(0).toDoubleArray();
        double[] b = new Linear(16, 16).parameters().get(0).toDoubleArray();
        assertFalse(Arrays.equals(a, b));
        double[] unseeded = firstEpoch(DataLoader.builder(data()).shuffle(true).build());
        double[] zero = firstEpoch(DataLoader.builder(data()).shuffle(true).seed(0).build());
        assertArrayEquals(zero, unseeded, 0);
    }
}
