package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.optim.Adagrad;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.AdamW;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.RmsProp;
import org.autograd4j.nn.optim.Sgd;
import org.junit.jupiter.api.Test;

/**
 * The nn API that issue 3 lists as a contract, called exactly as written there: a renamed method or a changed
 * signature stops this file from compiling. Each call also checks one fact about its result.
 */
class ApiContractTest {
    private static final Tensor LOGITS = Tensor.of(new double[] {2, -1, 0.5, 0.1, 1, -2}, 2, 3);

    @Test
    void module() {
        Module m = Mlp.builder().sizes(3, 4, 2).seed(1).build();
        assertEquals(2, m.forward(Tensor.ones(5, 3)).size(1));
        List<Tensor> params = m.parameters();
        Map<String, Tensor> named = m.namedParameters();
        assertEquals(params.size(), named.size());
        assertTrue(named.containsKey("layers.0.weight"));
        m.eval();
        assertFalse(m.isTraining());
        m.train();
        assertTrue(m.isTraining());
        m.forward(Tensor.ones(1, 3)).sum().backward();
        m.zeroGrad();
        assertNull(params.get(0).grad());
    }

    @Test
    void losses() {
        Tensor pred = Tensor.of(new double[] {0.2, 0.7});
        Tensor target = Tensor.of(new double[] {0, 1});
        assertEquals((0.04 + 0.09) / 2, Losses.mse(pred, target).item(), 1e-12);
        assertEquals(-(Math.log(0.8) + Math.log(0.7)) / 2, Losses.binaryCrossEntropy(pred, target).item(), 1e-12);
        assertTrue(Losses.binaryCrossEntropyWithLogits(pred, target).item() > 0);
        double ce = Losses.crossEntropy(LOGITS, new int[] {0, 1}).item();
        Tensor oneHot = Tensor.of(new double[] {1, 0, 0, 0, 1, 0}, 2, 3);
        assertEquals(ce, Losses.crossEntropy(LOGITS, oneHot).item(), 1e-12);
    }

    @Test
    void optimizers() {
        List<Tensor> ps = List.of(Tensor.of(new double[] {1, -1}).requiresGrad(true));
        List<Optimizer> all = List.of(
                Sgd.builder(ps).lr(0.1).momentum(0.9).dampening(0.0).nesterov(true).weightDecay(0.0).build(),
                RmsProp.builder(ps).lr(0.01).alpha(0.99).eps(1e-8).momentum(0.0).centered(false).weightDecay(0.0)
                        .build(),
                Adagrad.builder(ps).lr(0.01).eps(1e-10).weightDecay(0.0).build(),
                Adam.builder(ps).lr(1e-3).betas(0.9, 0.999).eps(1e-8).weightDecay(0.0).amsgrad(false).build(),
                AdamW.builder(ps).lr(1e-3).betas(0.9, 0.999).eps(1e-8).weightDecay(0.01).build());
        for (Optimizer opt : all) {
            opt.zeroGrad();
            double before = ps.get(0).toDoubleArray()[0];
            ps.get(0).pow(2).sum().backward();
            opt.step();
            assertTrue(ps.get(0).toDoubleArray()[0] < before, opt.getClass().getSimpleName());
        }
    }
}
