package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Keras-style summary table. */
class SummaryTest {
    @Test
    void mlpSummaryListsLayersShapesAndCounts() {
        Mlp net = Mlp.builder().sizes(30, 64, 2).hiddenActivation(Activation.RELU).dropout(0.5)
                .outputActivation(Activation.SOFTMAX).seed(1).build();
        String expected = String.join("\n",
                "Layer (type)          Output Shape    Param #",
                "=============================================",
                "layers.0 (Linear)     [-1, 64]          1,984",
                "layers.1 (ReLU)       [-1, 64]              0",
                "layers.2 (Dropout)    [-1, 64]              0",
                "layers.3 (Linear)     [-1, 2]             130",
                "layers.4 (Softmax)    [-1, 2]               0",
                "=============================================",
                "Total params: 2,114",
                "Trainable params: 2,114",
                "Non-trainable params: 0",
                "");
        assertEquals(expected, net.summary(30));
        assertTrue(net.isTraining(), "summary leaves the mode as it was");
    }

    @Test
    void summaryCountsFrozenParametersAndNestedContainers() {
        Random rng = new Random(1);
        Sequential seq = new Sequential(new Linear(3, 4, Activation.TANH, rng),
                new Sequential(new Tanh(), new Linear(4, 2, Activation.NONE, rng)), new PReLU());
        seq.get(0).parameters().get(1).requiresGrad(false);
        seq.eval();
        String s = seq.summary(3);
        assertTrue(s.contains("1.1 (Linear)"), s);
        assertTrue(s.contains("2 (PReLU)"), s);
        assertTrue(s.contains("Total params: 27\n"), s);
        assertTrue(s.contains("Trainable params: 23\n"), s);
        assertTrue(s.contains("Non-trainable params: 4\n"), s);
        assertFalse(seq.isTraining());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> seq.summary(5));
        assertEquals("Linear: expected input of shape [batch, 3], got [1, 5]", e.getMessage());
        assertEquals("model (Linear)", new Linear(2, 2).summary(2).lines().skip(2).findFirst().orElseThrow()
                .substring(0, 14));
    }

    @Test
    void buffersCountAsNonTrainableAndOtherAxesKeepTheirSizes() {
        Sequential net = new Sequential(new Linear(4, 32), new BatchNorm1d(32), new ReLU(),
                new LayerNorm(32), new Flatten(0, -1));
        String expected = String.join("\n",
                "Layer (type)       Output Shape    Param #",
                "==========================================",
                "0 (Linear)         [-1, 32]            160",
                "1 (BatchNorm1d)    [-1, 32]            128",
                "2 (ReLU)           [-1, 32]              0",
                "3 (LayerNorm)      [-1, 32]             64",
                "4 (Flatten)        [-1]                  0",
                "==========================================",
                "Total params: 352",
                "Trainable params: 288",
                "Non-trainable params: 64",
                "");
        assertEquals(expected, net.summary(4));
        assertEquals("0 (Flatten)     [-1, 12]", new Sequential(new Flatten()).summary(3, 4).lines().skip(2)
                .findFirst().orElseThrow().substring(0, 24));
    }

    /**
     * The batch axis is found by running two batch sizes, not guessed from a size of 1: a module that moves it keeps
     * it marked, and an axis of size 1 that does not follow the batch keeps its size.
     */
    @Test
    void theBatchAxisIsMeasuredWhereverItIs() {
        Module transpose = new Module() {
            @Override
            public org.autograd4j.core.Tensor forward(org.autograd4j.core.Tensor x) {
                return x.transpose(0, 1).reshape(1, x.size(1), x.size(0));
            }
        };
        String row = new Sequential(new Linear(3, 4), transpose).summary(3).lines().skip(3).findFirst().orElseThrow();
        assertTrue(row.contains("[1, 4, -1]"), row);
    }

    @Test
    void aCustomModuleIsListedWithItsChildren() {
        String expected = String.join("\n",
                "Layer (type)              Output Shape    Param #",
                "=================================================",
                "model (TwoTower)          [-1, 2]               1",
                "left (Linear)             -                    10",
                "right.0 (Linear)          [-1, 2]              10",
                "right.1 (BatchNorm1d)     [-1, 2]               8",
                "right.2 (Wrapper)         [-1, 2]               0",
                "right.2.inner (Linear)    -                     6",
                "=================================================",
                "Total params: 35",
                "Trainable params: 31",
                "Non-trainable params: 4",
                "");
        assertEquals(expected, new TwoTower().summary(4));
    }

    /**
     * A user-defined module with a parameter of its own, a layer, and a container holding a nested custom module. The
     * shapes shown are those of the modules called through {@code apply} (the container's layers); {@code left} and
     * {@code inner} are called with {@code forward}, without hooks, so their shapes are not seen.
     */
    private static final class TwoTower extends Module {
        private final Linear left = registerModule("left", new Linear(4, 2));
        private final Sequential right = registerModule("right", new Sequential(new Linear(4, 2),
                new BatchNorm1d(2), new Wrapper()));
        private final org.autograd4j.core.Tensor scale = registerParameter("scale", org.autograd4j.core.Tensor.ones(1));

        @Override
        public org.autograd4j.core.Tensor forward(org.autograd4j.core.Tensor x) {
            return left.forward(x).add(right.forward(x)).mul(scale);
        }
    }

    /** A custom module around a Linear(2, 2). */
    private static final class Wrapper extends Module {
        private final Linear inner = registerModule("inner", new Linear(2, 2));

        @Override
        public org.autograd4j.core.Tensor forward(org.autograd4j.core.Tensor x) {
            return inner.forward(x);
        }
    }
}
