package org.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

class GradClipTest {
    /** Two parameters with gradients [3, 4] and [12]: 2-norm 13, inf-norm 12, 1-norm 19. */
    private static List<Tensor> params() {
        Tensor a = OptimTesting.param(0, 0);
        Tensor b = OptimTesting.param(0);
        a.setGrad(Tensor.of(new double[] {3, 4}));
        b.setGrad(Tensor.of(new double[] {12}));
        return List.of(a, b);
    }

    @Test
    void twoNormScalesAllGradientsTogether() {
        List<Tensor> p = params();
        assertEquals(13.0, GradClip.clipGradNorm(p, 6.5, 2.0));
        double coef = 6.5 / (13 + 1e-6);
        assertArrayEquals(new double[] {3 * coef, 4 * coef}, p.get(0).grad().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {12 * coef}, p.get(1).grad().toDoubleArray(), 1e-15);
        assertEquals(13.0, GradClip.clipGradNorm(params(), 6.5));
    }

    @Test
    void infinityNormIsTheLargestMagnitude() {
        List<Tensor> p = params();
        p.get(0).setGrad(Tensor.of(new double[] {3, -40}));
        assertEquals(40.0, GradClip.clipGradNorm(p, 4, Double.POSITIVE_INFINITY));
        double coef = 4 / (40 + 1e-6);
        assertArrayEquals(new double[] {3 * coef, -40 * coef}, p.get(0).grad().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {12 * coef}, p.get(1).grad().toDoubleArray(), 1e-15);
    }

    @Test
    void otherOrdersFollowTheirDefinition() {
        assertEquals(19.0, GradClip.clipGradNorm(params(), 100, 1.0));
        double p3 = Math.pow(Math.pow(Math.pow(27 + 64, 1 / 3.0), 3) + 1728, 1 / 3.0);
        assertEquals(p3, GradClip.clipGradNorm(params(), 100, 3.0), 1e-13);
    }

    @Test
    void gradientsWithinTheLimitAreLeftAlone() {
        List<Tensor> p = params();
        Tensor before = p.get(0).grad();
        assertEquals(13.0, GradClip.clipGradNorm(p, 14, 2.0));
        assertSame(before, p.get(0).grad());
        GradClip.clipGradNorm(p, 13, 2.0);   // 13 / (13 + 1e-6) < 1: clipped, as in PyTorch
        assertEquals(3 * 13 / (13 + 1e-6), p.get(0).grad().toDoubleArray()[0], 1e-15);
    }

    @Test
    void parametersWithoutGradientsAreIgnored() {
        Tensor none = OptimTesting.param(1);
        List<Tensor> p = List.of(params().get(0), none);
        assertEquals(5.0, GradClip.clipGradNorm(p, 1, 2.0));
        assertNull(none.grad());
        assertEquals(0.0, GradClip.clipGradNorm(List.of(none), 1, 2.0));
    }

    @Test
    void sharedGradientStorageIsClippedOncePerParameter() {
        // backward of a + b hands both leaves the same gradient storage.
        Tensor a = OptimTesting.param(0, 0);
        Tensor b = OptimTesting.param(0, 0);
        a.add(b).mul(Tensor.of(new double[] {3, 4})).sum().backward();
        assertEquals(Math.sqrt(50), GradClip.clipGradNorm(List.of(a, b), 1, 2.0), 1e-15);
        double coef = 1 / (Math.sqrt(50) + 1e-6);
        assertArrayEquals(new double[] {3 * coef, 4 * coef}, a.grad().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {3 * coef, 4 * coef}, b.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void float32GradientsStayFloat32() {
        Tensor w = Tensor.of(new float[] {0f, 0f}).requiresGrad(true);
        w.setGrad(Tensor.of(new float[] {3f, 4f}));
        GradClip.clipGradNorm(List.of(w), 1, 2.0);
        assertEquals(DType.FLOAT32, w.grad().dtype());
        assertEquals((float) (3 / (5 + 1e-6)), w.grad().toFloatArray()[0]);
    }

    @Test
    void nonFiniteNormsPoisonTheGradientsOrFailOnRequest() {
        List<Tensor> p = params();
        p.get(0).setGrad(Tensor.of(new double[] {Double.NaN, 1}));
        assertTrue(Double.isNaN(GradClip.clipGradNorm(p, 1, 2.0)));
        assertTrue(Double.isNaN(p.get(1).grad().item()));
        List<Tensor> q = params();
        q.get(1).setGrad(Tensor.of(new double[] {Double.POSITIVE_INFINITY}));
        Tensor before = q.get(0).grad();
        assertEquals("clipGradNorm: the total norm of order 2.0 of the gradients is Infinity; they cannot be clipped",
                assertThrows(IllegalStateException.class, () -> GradClip.clipGradNorm(q, 1, 2.0, true))
                        .getMessage());
        assertSame(before, q.get(0).grad());
    }

    @Test
    void clipGradValueClampsEachElement() {
        List<Tensor> p = params();
        p.get(0).setGrad(Tensor.of(new double[] {-7, 0.5}));
        GradClip.clipGradValue(p, 1.0);
        assertArrayEquals(new double[] {-1, 0.5}, p.get(0).grad().toDoubleArray());
        assertArrayEquals(new double[] {1}, p.get(1).grad().toDoubleArray());
    }

    @Test
    void badArgumentsAreRejectedWithTheirValue() {
        assertEquals("clipGradNorm: maxNorm must be >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> GradClip.clipGradNorm(params(), -1, 2)).getMessage());
        assertEquals("clipGradNorm: normType must be > 0 or infinity, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> GradClip.clipGradNorm(params(), 1, 0))
                        .getMessage());
        assertEquals("clipGradValue: clip must be >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> GradClip.clipGradValue(params(), Double.NaN)).getMessage());
    }
}
