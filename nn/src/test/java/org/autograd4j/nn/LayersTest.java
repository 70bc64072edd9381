package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

/** Linear, Sequential, Mlp and Dropout: shapes, names, the forward formula, modes, and the messages of bad input. */
class LayersTest {
    @Test
    void linearComputesXTimesWPlusB() {
        Linear lin = new Linear(3, 2, Activation.NONE, new Random(1));
        assertArrayEquals(new long[] {3, 2}, lin.weight().shape());
        assertArrayEquals(new long[] {2}, lin.bias().shape());
        double[] w = lin.weight().toDoubleArray();
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}});
        double[] y = lin.forward(x).toDoubleArray();
        for (int j = 0; j < 2; j++) {
            assertEquals(1 * w[j] + 2 * w[2 + j] + 3 * w[4 + j], y[j], 1e-12);
        }
        assertEquals(List.of("weight", "bias"), List.copyOf(lin.namedParameters().keySet()));
        Linear noBias = new Linear(3, 2, false, Init.constant(0.5), new Random(1));
        assertNull(noBias.bias());
        assertArrayEquals(new double[] {3.0, 3.0}, noBias.forward(x).toDoubleArray(), 0);
        assertArrayEquals(new long[] {2}, noBias.forward(Tensor.of(new double[] {1, 2, 3})).shape());
    }

    @Test
    void linearRejectsAWrongInputWidth() {
        Linear lin = new Linear(4, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lin.forward(Tensor.zeros(10, 5)));
        assertEquals("Linear: expected input of shape [batch, 4], got [10, 5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Linear(0, 2));
        assertEquals("Linear: in and out must be > 0, got in=0, out=2", e.getMessage());
    }

    @Test
    void linearWeightsAreReproducibleFromASeed() {
        double[] a = new Linear(5, 3, Activation.RELU, new Random(9)).weight().toDoubleArray();
        double[] b = new Linear(5, 3, Activation.RELU, new Random(9)).weight().toDoubleArray();
        assertArrayEquals(a, b, 0);
        double bound = Math.sqrt(2) * Math.sqrt(3.0 / 5);
        for (double v : a) {
            assertTrue(Math.abs(v) <= bound, v + " outside He bound " + bound);
        }
    }

    @Test
    void sequentialNamesChildrenByIndex() {
        Random rng = new Random(2);
        Sequential seq = new Sequential(new Linear(4, 8, Activation.TANH, rng), new Tanh(),
                new Linear(8, 1, Activation.NONE, rng));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(seq.namedParameters().keySet()));
        assertArrayEquals(new long[] {5, 1}, seq.forward(Tensor.zeros(5, 4)).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sequential(new ReLU(), null));
        assertEquals("Sequential: layer 1 is null", e.getMessage());
    }

    @Test
    void mlpBuilderNamesLayersAndPlacesActivationsAndDropout() {
        Mlp net = Mlp.builder().sizes(30, 64, 32, 2).hiddenActivation(Activation.RELU)
                .outputActivation(Activation.LOG_SOFTMAX).dropout(0.2).seed(42).build();
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.3.weight", "layers.3.bias",
                "layers.6.weight", "layers.6.bias"), List.copyOf(net.namedParameters().keySet()));
        List<Class<?>> types = net.layers().layers().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(Linear.class, ReLU.class, Dropout.class, Linear.class, ReLU.class, Dropout.class,
                Linear.class, LogSoftmax.class), types);
        assertEquals(30 * 64 + 64 + 64 * 32 + 32 + 32 * 2 + 2, net.parameterCount());
        Mlp same = Mlp.builder().sizes(30, 64, 32, 2).dropout(0.2).outputActivation(Activation.LOG_SOFTMAX)
                .seed(42).build();
        assertArrayEquals(net.parameters().get(0).toDoubleArray(), same.parameters().get(0).toDoubleArray(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.forward(Tensor.zeros(10, 29)));
        assertEquals("Mlp: expected input of shape [batch, 30], got [10, 29]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.builder().sizes(4));
        assertEquals("Mlp: sizes needs an input and an output size at least, got [4]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.builder().dropout(1.0));
        assertEquals("Mlp: dropout must be in [0, 1), got 1.0", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Mlp.builder().build());
    }

    @Test
    void mlpWithoutBiasHasOnlyWeights() {
        Mlp net = Mlp.builder().sizes(3, 4, 1).bias(false).seed(1).build();
        assertEquals(List.of("layers.0.weight", "layers.2.weight"), List.copyOf(net.namedParameters().keySet()));
    }

    @Test
    void dropoutScalesSurvivorsInTrainingAndIsTheIdentityInEval() {
        Dropout d = new Dropout(0.25, new Random(5));
        Tensor x = Tensor.ones(100, 100);
        double[] y = d.forward(x).toDoubleArray();
        int zeros = 0;
        for (double v : y) {
            if (v == 0) {
                zeros++;
            } else {
                assertEquals(1 / 0.75, v, 1e-15);
            }
        }
        assertEquals(0.25, zeros / 10000.0, 0.02);
        d.eval();
        assertSame(x, d.forward(x));
        d.train();
        Tensor z = Tensor.ones(4).requiresGrad(true);
        d.forward(z).sum().backward();
        for (double g : z.grad().toDoubleArray()) {
            assertTrue(g == 0 || Math.abs(g - 1 / 0.75) < 1e-15);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0));
        assertEquals("Dropout: p must be in [0, 1), got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1));
    }

    @Test
    void dropoutFollowsTheModeOfItsContainer() {
        Mlp net = Mlp.builder().sizes(2, 50, 1).dropout(0.5).seed(3).build();
        Tensor x = Tensor.ones(1, 2);
        net.eval();
        double first = net.forward(x).item();
        assertEquals(first, net.forward(x).item(), 0);
        net.train();
        boolean differs = false;
        for (int i = 0; i < 5 && !differs; i++) {
            differs = net.forward(x).item() != first;
        }
        assertTrue(differs, "dropout active in training mode");
    }

    @Test
    void moduleToChangesTheDtypeOfEveryParameter() {
        Mlp net = Mlp.builder().sizes(3, 4, 2).seed(1).build();
        net.to(org.autograd4j.core.DType.FLOAT32);
        for (Tensor p : net.parameters()) {
            assertEquals(org.autograd4j.core.DType.FLOAT32, p.dtype());
            assertTrue(p.requiresGrad());
        }
        try (Autograd.Scope scope = Autograd.noGrad()) {
            assertEquals(org.autograd4j.core.DType.FLOAT32,
                    net.forward(Tensor.zeros(1, 3).to(org.autograd4j.core.DType.FLOAT32)).dtype());
        }
    }
}
