package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.data.MinMaxScaler;
import org.autograd4j.nn.data.Splits;
import org.autograd4j.nn.optim.Adagrad;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.AdamW;
import org.autograd4j.nn.optim.CosineAnnealingLr;
import org.autograd4j.nn.optim.ExponentialLr;
import org.autograd4j.nn.optim.GradClip;
import org.autograd4j.nn.optim.ReduceLrOnPlateau;
import org.autograd4j.nn.optim.RmsProp;
import org.autograd4j.nn.optim.Sgd;
import org.autograd4j.nn.optim.StepLr;
import org.autograd4j.nn.train.EarlyStopping;
import org.junit.jupiter.api.Test;

/** NaN is never a hyper-parameter: no option takes NaN as "the default" or "off"; each names itself and NaN. */
class NaNHyperParametersTest {
    private static final double NAN = Double.NaN;

    @Test
    void everyHyperParameterRefusesNaN() {
        List<Tensor> p = List.of(Tensor.zeros(2).requiresGrad(true));
        Map<String, Runnable> cases = new LinkedHashMap<>();
        cases.put("Sgd lr", () -> Sgd.builder(p).lr(NAN).build());
        cases.put("Sgd momentum", () -> Sgd.builder(p).lr(0.1).momentum(NAN).build());
        cases.put("Sgd dampening", () -> Sgd.builder(p).lr(0.1).dampening(NAN).build());
        cases.put("Sgd weightDecay", () -> Sgd.builder(p).lr(0.1).weightDecay(NAN).build());
        cases.put("RmsProp alpha", () -> RmsProp.builder(p).alpha(NAN).build());
        cases.put("RmsProp eps", () -> RmsProp.builder(p).eps(NAN).build());
        cases.put("RmsProp momentum", () -> RmsProp.builder(p).momentum(NAN).build());
        cases.put("RmsProp weightDecay", () -> RmsProp.builder(p).weightDecay(NAN).build());
        cases.put("Adagrad lrDecay", () -> Adagrad.builder(p).lrDecay(NAN).build());
        cases.put("Adagrad weightDecay", () -> Adagrad.builder(p).weightDecay(NAN).build());
        cases.put("Adagrad initialAccumulatorValue", () -> Adagrad.builder(p).initialAccumulatorValue(NAN).build());
        cases.put("Adagrad eps", () -> Adagrad.builder(p).eps(NAN).build());
        cases.put("Adam lr", () -> Adam.builder(p).lr(NAN).build());
        cases.put("Adam beta1", () -> Adam.builder(p).betas(NAN, 0.999).build());
        cases.put("Adam beta2", () -> Adam.builder(p).betas(0.9, NAN).build());
        cases.put("Adam eps", () -> Adam.builder(p).eps(NAN).build());
        cases.put("AdamW weightDecay", () -> AdamW.builder(p).weightDecay(NAN).build());
        cases.put("setLearningRate", () -> Adam.builder(p).build().setLearningRate(NAN));
        cases.put("StepLr gamma", () -> new StepLr(Adam.builder(p).build(), 2, NAN));
        cases.put("ExponentialLr gamma", () -> new ExponentialLr(Adam.builder(p).build(), NAN));
        cases.put("CosineAnnealingLr etaMin", () -> new CosineAnnealingLr(Adam.builder(p).build(), 5, NAN));
        cases.put("ReduceLrOnPlateau factor", () -> new ReduceLrOnPlateau(Adam.builder(p).build(),
                ReduceLrOnPlateau.Mode.MIN, NAN, 1, 1e-4, 0, 0));
        cases.put("ReduceLrOnPlateau threshold", () -> new ReduceLrOnPlateau(Adam.builder(p).build(),
                ReduceLrOnPlateau.Mode.MIN, 0.5, 1, NAN, 0, 0));
        cases.put("ReduceLrOnPlateau minLr", () -> new ReduceLrOnPlateau(Adam.builder(p).build(),
                ReduceLrOnPlateau.Mode.MIN, 0.5, 1, 1e-4, 0, NAN));
        cases.put("clipGradNorm maxNorm", () -> GradClip.clipGradNorm(p, NAN));
        cases.put("clipGradNorm normType", () -> GradClip.clipGradNorm(p, 1.0, NAN));
        cases.put("clipGradValue", () -> GradClip.clipGradValue(p, NAN));
        cases.put("EarlyStopping minDelta", () -> EarlyStopping.builder().minDelta(NAN).build());
        cases.put("Dropout p", () -> new Dropout(NAN));
        cases.put("LeakyReLU slope", () -> new LeakyReLU(NAN));
        cases.put("ELU alpha", () -> new ELU(NAN));
        cases.put("PReLU init", () -> new PReLU(1, NAN));
        cases.put("Mlp dropout", () -> Mlp.builder().sizes(2, 2).dropout(NAN).build());
        cases.put("Init gain", () -> Init.xavierUniform(NAN));
        cases.put("huber delta", () -> Losses.huber(Tensor.zeros(2), Tensor.zeros(2), NAN));
        cases.put("label smoothing", () -> Losses.crossEntropy(Tensor.zeros(1, 2), new int[] {0}, null, NAN,
                Reduction.MEAN));
        cases.put("MinMaxScaler range", () -> new MinMaxScaler(new double[] {0}, new double[] {1}, NAN, 1));
        Dataset d = Dataset.of(new double[][] {{1}, {2}, {3}, {4}}, new double[] {0, 1, 0, 1});
        cases.put("trainTestSplit fraction", () -> Splits.trainTestSplit(d, NAN, 1, false));
        StringBuilder accepted = new StringBuilder();
        for (Map.Entry<String, Runnable> c : cases.entrySet()) {
            try {
                c.getValue().run();
                accepted.append(c.getKey()).append("; ");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("NaN"), c.getKey() + ": the message shows the value: "
                        + e.getMessage());
            }
        }
        assertTrue(accepted.length() == 0, "accepted NaN: " + accepted);
    }

    @Test
    void aNaNLearningRateIsRefusedWhenSetLater() {
        assertThrows(IllegalArgumentException.class,
                () -> Sgd.builder(List.of(Tensor.zeros(1).requiresGrad(true))).lr(0.1).build().setLearningRate(NAN));
    }
}
