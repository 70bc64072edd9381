package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.autograd4j.core.DType;
import org.autograd4j.core.GradCheck;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * BatchNorm1d, LayerNorm and Flatten: gradients against GradCheck (first and second order, parameters included through
 * {@link Functional#gradCheck}), train/eval behaviour, buffers, and the messages of invalid arguments. Their numbers
 * against PyTorch's are in {@link PyTorchNnReferenceTest}.
 */
class NormalizationTest {
    private static Module withRandomAffine(Module m, Random rng) {
        Map<String, Tensor> state = m.stateDict();
        for (String name : List.of("weight", "bias")) {
            long[] shape = state.get(name).shape();
            state.put(name, Tensor.randn(rng, shape).mul(0.5).add(1));
        }
        m.loadStateDict(state);
        return m;
    }

    @Test
    void batchNormAndLayerNormGradientsPassGradCheckWithTheirParameters() {
        Random rng = new Random(3);
        List<Module> modules = List.of(withRandomAffine(new BatchNorm1d(3), rng),
                withRandomAffine(new BatchNorm1d(2, 1e-3, OptionalDouble.empty(), true, true), rng),
                withRandomAffine(new LayerNorm(3), rng), withRandomAffine(new LayerNorm(new long[] {2, 3}, 1e-2,
                        true), rng));
        List<Tensor> inputs = List.of(Tensor.randn(rng, 5, 3), Tensor.randn(rng, 4, 2, 3), Tensor.randn(rng, 4, 3),
                Tensor.randn(rng, 2, 2, 3));
        for (int i = 0; i < modules.size(); i++) {
            Module m = modules.get(i);
            Tensor x = inputs.get(i).requiresGrad(true);
            Functional.gradCheck(m, x).orThrow();
            GradCheck.checkSecondOrder(in -> m.forward(in.get(0)), List.of(x)).orThrow();
            m.eval();
            Functional.gradCheck(m, x).orThrow();
        }
    }

    @Test
    void batchNormNormalisesInTrainingAndUsesRunningStatisticsInEvaluation() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor x = Tensor.of(new double[][] {{1, 10}, {3, 20}, {5, 60}});
        double[] y = bn.forward(x).toDoubleArray();
        assertEquals(0.0, y[0] + y[2] + y[4], 1e-12, "each feature has mean 0");
        assertEquals(3.0, y[0] * y[0] + y[2] * y[2] + y[4] * y[4], 1e-4, "and biased variance 1");
        assertArrayEquals(new double[] {0.9 * 0 + 0.1 * 3, 0.1 * 30}, bn.runningMean().toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0.9 + 0.1 * 4, 0.9 + 0.1 * 700}, bn.runningVar().toDoubleArray(), 1e-12);
        bn.eval();
        double[] one = bn.forward(Tensor.of(new double[][] {{1, 10}})).toDoubleArray();
        assertEquals((1 - 0.3) / Math.sqrt(1.3 + 1e-5), one[0], 1e-12);
        assertArrayEquals(new double[] {0.3, 3}, bn.runningMean().toDoubleArray(), 1e-12, "eval does not track");
        assertTrue(bn.parameters().stream().allMatch(Tensor::requiresGrad));
        assertEquals(List.of("weight", "bias"), List.copyOf(bn.namedParameters().keySet()));
        assertEquals(List.of("running_mean", "running_var"), List.copyOf(bn.namedBuffers().keySet()));
        assertFalse(bn.namedBuffers().values().stream().anyMatch(Tensor::requiresGrad));
    }

    @Test
    void buffersAreInTheStateDictAndFollowTheDtype() {
        Sequential net = new Sequential(new Linear(2, 3), new BatchNorm1d(3));
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var"),
                List.copyOf(net.stateDict().keySet()));
        assertEquals(4, net.parameters().size());
        net.to(DType.FLOAT32);
        assertEquals(DType.FLOAT32, net.namedBuffers().get("1.running_var").dtype());
        net.forward(Tensor.randn(new Random(1), 4, 2).to(DType.FLOAT32));
        assertEquals(DType.FLOAT32, net.namedBuffers().get("1.running_mean").dtype());
        Map<String, Tensor> state = net.stateDict();
        state.remove("1.running_mean");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(state));
        assertEquals("loadStateDict: missing parameter '1.running_mean'", e.getMessage());
    }

    @Test
    void batchNormRefusesOneValuePerFeatureWhenTrainingAndBadShapes() {
        BatchNorm1d bn = new BatchNorm1d(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bn.forward(Tensor.zeros(1, 3)));
        assertEquals("BatchNorm1d: expected more than 1 value per feature when training, got input of shape [1, 3]",
                e.getMessage());
        bn.eval();
        assertEquals(3, bn.forward(Tensor.zeros(1, 3)).size());
        e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(2, 4)));
        assertEquals("BatchNorm1d: expected input of shape [batch, 3] or [batch, 3, length], got [2, 4]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LayerNorm(3).forward(Tensor.zeros(2, 4)));
        assertEquals("LayerNorm: expected input of shape [..., 3], got [2, 4]", e.getMessage());
    }

    @Test
    void hyperParametersAreCheckedWithTheBadValue() {
        assertMessage("BatchNorm1d: numFeatures must be > 0, got 0", () -> new BatchNorm1d(0));
        assertMessage("BatchNorm1d: eps must be finite and > 0, got NaN",
                () -> new BatchNorm1d(2, Double.NaN, OptionalDouble.of(0.1), true, true));
        assertMessage("BatchNorm1d: momentum must be in [0, 1], got NaN",
                () -> new BatchNorm1d(2, 1e-5, OptionalDouble.of(Double.NaN), true, true));
        assertMessage("BatchNorm1d: momentum must be in [0, 1], got 1.5",
                () -> new BatchNorm1d(2, 1e-5, OptionalDouble.of(1.5), true, true));
        assertMessage("LayerNorm: eps must be finite and > 0, got Infinity",
                () -> new LayerNorm(new long[] {2}, Double.POSITIVE_INFINITY, true));
        assertMessage("LayerNorm: normalizedShape must have at least one dimension, each > 0, got [2, 0]",
                () -> new LayerNorm(2, 0));
        assertMessage("Flatten: startDim must not come after endDim, got startDim=2, endDim=1",
                () -> new Flatten(2, 1));
    }

    @Test
    void flattenMergesTheGivenAxes() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        assertArrayEquals(new long[] {2, 12}, new Flatten().forward(x).shape());
        assertArrayEquals(new long[] {24}, new Flatten(0, -1).forward(x).shape());
        assertArrayEquals(new long[] {6, 4}, new Flatten(0, 1).forward(x).shape());
        assertArrayEquals(new long[] {2, 3, 4}, new Flatten(-1, -1).forward(x).shape());
        assertArrayEquals(x.toDoubleArray(), new Flatten().forward(x).toDoubleArray(), 0);
        assertMessage("Flatten: axes 1 to 3 do not fit input of shape [2, 3, 4]",
                () -> new Flatten(1, 3).forward(x));
        Tensor w = Tensor.randn(new Random(2), 2, 3, 2).requiresGrad(true);
        GradCheck.check(in -> new Flatten().forward(in.get(0)).square(), List.of(w)).orThrow();
    }

    @Test
    void functionalCallUsesTheGivenTensorsAndRestoresTheModule() {
        Linear lin = new Linear(2, 1, true, Init.zeros(), new Random(1));
        Tensor w = Tensor.of(new double[] {2, 3}, 2, 1).requiresGrad(true);
        Tensor x = Tensor.of(new double[][] {{1, 1}});
        Tensor y = Functional.call(lin, Map.of("weight", w.mul(2)), x);
        assertEquals(10.0, y.item(), 0);
        y.backward();
        assertArrayEquals(new double[] {2, 2}, w.grad().toDoubleArray(), 0, "the gradient reaches the given tensor");
        assertEquals(0.0, lin.forward(x).item(), 0, "the module's own weight is back");
        assertMessage("Functional.call: Linear has no parameter or buffer 'wieght'; it has [weight, bias]",
                () -> Functional.call(lin, Map.of("wieght", w), x));
        assertMessage("Functional.call: 'weight' has shape [2, 1] in the model, got [2]",
                () -> Functional.call(lin, Map.of("weight", Tensor.zeros(2)), x));
        assertMessage("Linear: forward takes 1 input, got 2; override forward(Tensor...) to take several",
                () -> Functional.call(lin, Map.of(), x, x));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
