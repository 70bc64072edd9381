package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The numerical oracle must pass correct gradients and catch wrong ones, naming the worst element. */
class GradCheckTest {

    private final Random rng = new Random(3);

    @Test
    void passesOnCorrectGradients() {
        Tensor w = Tensor.randn(rng, 3, 2).requiresGrad(true);
        Tensor x = Tensor.randn(rng, 4, 3).requiresGrad(true);
        Tensor b = Tensor.randn(rng, 2).requiresGrad(true);
        GradCheck.Result r = GradCheck.check(in -> in.get(1).matmul(in.get(0)).add(in.get(2)).tanh()
                .logSoftmax(1), List.of(w, x, b));
        assertTrue(r.passed(), r::toString);
        assertTrue(r.maxAbsError() < 1e-7, r::toString);
        assertSame(r, r.orThrow());
        assertTrue(r.toString().startsWith("passed: max abs error "), r::toString);
    }

    @Test
    void leavesTheCallersTensorsAlone() {
        Tensor x = Tensor.randn(rng, 3).requiresGrad(true);
        double[] before = x.toDoubleArray();
        GradCheck.check(in -> in.get(0).exp().sum(), List.of(x)).orThrow();
        assertNull(x.grad());
        assertEquals(List.of(before[0], before[1], before[2]),
                List.of(x.toDoubleArray()[0], x.toDoubleArray()[1], x.toDoubleArray()[2]));
    }

    @Test
    void onlyInputsThatRequireAGradientAreChecked() {
        Tensor x = Tensor.of(new double[] {1, 2});
        Tensor y = Tensor.of(new double[] {3, 4}).requiresGrad(true);
        // wrong with respect to x (detached), right with respect to y: x is not checked, so it passes
        GradCheck.Result r = GradCheck.check(in -> in.get(0).detach().mul(in.get(0)).mul(in.get(1)).sum(),
                List.of(x, y));
        assertTrue(r.passed(), r::toString);
    }

    /** x·detach(x) has derivative x where the truth is 2x: autodiff misses the detached term. */
    @Test
    void failsWhenAutodiffMissesATermAndReportsTheWorstElement() {
        Tensor x = Tensor.of(new double[] {0.5, -3.0, 1.5}).requiresGrad(true);
        Function<List<Tensor>, Tensor> wrong = in -> in.get(0).mul(in.get(0).detach()).sum();
        GradCheck.Result r = GradCheck.check(wrong, List.of(x));
        assertFalse(r.passed());
        // analytic x, numerical 2x: the largest error |x| is at element 1 (x = -3)
        assertEquals(3.0, r.maxAbsError(), 1e-6);
        assertEquals(0.5, r.maxRelError(), 1e-6);
        assertTrue(r.worst().startsWith("input 0 (shape [3]) element 1: analytic -3.0, numerical -6.0"),
                r.worst());
        assertTrue(r.toString().startsWith("FAILED: max abs error "), r::toString);
        AssertionError e = assertThrows(AssertionError.class, r::orThrow);
        assertTrue(e.getMessage().contains("element 1"), e.getMessage());
        assertTrue(e.getMessage().startsWith("gradcheck failed: FAILED"), e.getMessage());
    }

    @Test
    void failureInASecondInputOfANonScalarFunctionNamesThatInput() {
        Tensor a = Tensor.randn(rng, 2, 3).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad(true);
        // correct in a, wrong in b (b² where autodiff sees b·const)
        GradCheck.Result r = GradCheck.check(in -> in.get(0).tanh().mul(in.get(1).mul(in.get(1).detach())),
                List.of(a, b));
        assertFalse(r.passed());
        assertTrue(r.worst().startsWith("input 1 (shape [2, 3]) element "), r.worst());
    }

    @Test
    void smallErrorsWithinTheTolerancesPass() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        // value 2x, but autodiff also sees 1e-6·(x - detach(x)), which is 0 in value: analytic 2 + 1e-6, numerical 2
        Function<List<Tensor>, Tensor> nearlyRight = in -> in.get(0).mul(2)
                .add(in.get(0).sub(in.get(0).detach()).mul(1e-6)).sum();
        assertTrue(GradCheck.check(nearlyRight, List.of(x)).passed(), "within atol 1e-5");
        assertFalse(GradCheck.check(nearlyRight, List.of(x), 1e-6, 0, 1e-9).passed(), "not within atol 0");
    }

    @Test
    void float32InputsAreCheckedInFloat64() {
        Tensor x = Tensor.of(new float[] {0.3f, -0.7f}).requiresGrad(true);
        GradCheck.check(in -> in.get(0).sigmoid().mul(in.get(0)).sum(), List.of(x)).orThrow();
    }

    @Test
    void secondOrderPassesOnCorrectHessians() {
        Tensor x = Tensor.randn(rng, 2, 3).requiresGrad(true);
        Tensor w = Tensor.randn(rng, 3, 2).requiresGrad(true);
        GradCheck.checkSecondOrder(in -> in.get(0).matmul(in.get(1)).tanh().exp().sum(), List.of(x, w)).orThrow();
    }

    /**
     * x³ written so that autodiff's first derivative is right (3x², as a detached constant) but carries no graph:
     * the first-order check passes, the second-order check must not.
     */
    @Test
    void secondOrderCatchesAGradientThatIsNotDifferentiable() {
        Tensor x = Tensor.of(new double[] {0.5, 1.5, -2.0}).requiresGrad(true);
        Function<List<Tensor>, Tensor> f = in -> {
            Tensor t = in.get(0);
            Tensor slope = t.pow(2).mul(3).detach();
            return t.pow(3).detach().add(t.mul(slope)).sub(t.mul(slope).detach()).sum();
        };
        GradCheck.check(f, List.of(x)).orThrow();
        GradCheck.Result r = GradCheck.checkSecondOrder(f, List.of(x));
        assertFalse(r.passed(), r::toString);
        assertTrue(r.worst().startsWith("input 0 (shape [3]) element "), r.worst());
        assertTrue(r.worst().contains("analytic 0.0, numerical "), r.worst());
    }

    @Test
    void worksWhenTheFunctionItselfUsesAutograd() {
        // a gradient penalty: f computes a gradient internally; the oracle must evaluate f with recording on
        Tensor x = Tensor.randn(rng, 4).requiresGrad(true);
        GradCheck.check(in -> {
            Tensor t = in.get(0);
            Tensor g = Autograd.grad(t.tanh().sum(), List.of(t), true).get(0);
            return g.pow(2).sum();
        }, List.of(x)).orThrow();
    }
}
