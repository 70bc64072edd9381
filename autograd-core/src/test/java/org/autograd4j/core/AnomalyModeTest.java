package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Anomaly mode ({@link Autograd#detectAnomaly()}): the first op whose gradient or value is NaN/Inf is named. */
class AnomalyModeTest {

    /** sqrt'(0) is infinite: the backward of sqrt is the first to produce a non-finite gradient. */
    private static Tensor sqrtAtZero(Tensor x) {
        return x.sqrt().mul(2).sum();
    }

    @Test
    void theFirstBackwardThatProducesNaNOrInfThrowsNamingOpShapesAndSite() {
        Tensor x = Tensor.of(new double[] {0, 1, 4}).requiresGrad(true);
        AnomalyException e;
        try (var anomaly = Autograd.detectAnomaly()) {
            assertTrue(Autograd.isAnomalyEnabled());
            Tensor loss = sqrtAtZero(x);
            e = assertThrows(AnomalyException.class, loss::backward);
        }
        assertFalse(Autograd.isAnomalyEnabled());
        assertEquals("SqrtBackward", e.gradFn());
        StackTraceElement site = e.creationSite().get(0);
        assertEquals(AnomalyModeTest.class.getName(), site.getClassName());
        assertEquals("sqrtAtZero", site.getMethodName());
        assertTrue(e.getMessage().startsWith("backward: SqrtBackward returned an infinite value in its gradient for"
                + " input 0 of sqrt (inputs [3] FLOAT64); created at org.autograd4j.core.AnomalyModeTest.sqrtAtZero("
                + "AnomalyModeTest.java:"), e.getMessage());
    }

    @Test
    void nanGradientsAreNamedAsNaN() {
        Tensor x = Tensor.of(new double[] {-1, 2}).requiresGrad(true);
        try (var anomaly = Autograd.detectAnomaly()) {
            Tensor loss = x.log().sum();        // forward NaN at -1, gradient 1/x finite: no throw
            loss.backward();
            Tensor y = Tensor.of(new double[] {Double.NaN, 1}).requiresGrad(true);
            Tensor m = y.mul(x).sum();
            AnomalyException e = assertThrows(AnomalyException.class, m::backward);
            assertTrue(e.getMessage().startsWith("backward: MulBackward returned NaN in its gradient for input 1 of"
                    + " mul (inputs [2] FLOAT64, [2] FLOAT64); created at"), e.getMessage());
        }
    }

    @Test
    void withoutTheModeNothingIsChecked() {
        Tensor x = Tensor.of(new double[] {0, 1}).requiresGrad(true);
        sqrtAtZero(x).backward();
        assertEquals(Double.POSITIVE_INFINITY, x.grad().toDoubleArray()[0]);
        assertEquals(null, x.mul(1).node.site);
    }

    @Test
    void anOpRecordedOutsideTheModeSaysItsSiteIsUnknown() {
        Tensor x = Tensor.of(new double[] {0, 1}).requiresGrad(true);
        Tensor loss = sqrtAtZero(x);
        try (var anomaly = Autograd.detectAnomaly()) {
            AnomalyException e = assertThrows(AnomalyException.class, loss::backward);
            assertTrue(e.getMessage().endsWith("; it was recorded outside anomaly mode, so its creation site is"
                    + " unknown"), e.getMessage());
            assertEquals(List.of(), e.creationSite());
        }
    }

    @Test
    void autogradGradIsCheckedToo() {
        Tensor x = Tensor.of(new float[] {0, 1}).requiresGrad(true);
        try (var anomaly = Autograd.detectAnomaly()) {
            Tensor loss = sqrtAtZero(x);
            assertThrows(AnomalyException.class, () -> Autograd.grad(loss, List.of(x), false));
        }
    }

    @Test
    void checkNaNStopsAtTheOpThatProducedTheFirstNaNInForward() {
        Tensor x = Tensor.of(new double[] {-1, 2}).requiresGrad(true);
        try (var anomaly = Autograd.detectAnomaly(true)) {
            Tensor ok = x.mul(3);
            AnomalyException e = assertThrows(AnomalyException.class, () -> ok.log());
            assertEquals("LogBackward", e.gradFn());
            assertTrue(e.getMessage().startsWith("log: produced NaN in its result of shape [2] from finite inputs"
                    + " (grad_fn LogBackward, inputs [2] FLOAT64); created at org.autograd4j.core.AnomalyModeTest"),
                    e.getMessage());
            Tensor inf = Tensor.of(new double[] {Double.POSITIVE_INFINITY}).requiresGrad(true);
            AnomalyException again = assertThrows(AnomalyException.class, () -> inf.mul(2));
            assertTrue(again.getMessage().startsWith("mul: produced an infinite value in its result of shape [1] (an"
                    + " input already had one)"), again.getMessage());
        }
        try (var anomaly = Autograd.detectAnomaly()) {
            assertTrue(Double.isNaN(x.log().toDoubleArray()[0]), "without checkNaN forward values are not checked");
        }
    }

    @Test
    void scopesNestRestoreAndBelongToTheirThread() throws InterruptedException {
        try (var outer = Autograd.detectAnomaly(true)) {
            try (var inner = Autograd.detectAnomaly()) {
                assertTrue(GradMode.anomaly());
                assertFalse(GradMode.checkNaN());
            }
            assertTrue(GradMode.checkNaN());
            AtomicBoolean other = new AtomicBoolean(true);
            Thread t = new Thread(() -> other.set(Autograd.isAnomalyEnabled()));
            t.start();
            t.join();
            assertFalse(other.get());
            outer.close();
            outer.close();
            assertFalse(Autograd.isAnomalyEnabled());
        }
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        x.mul(x).sum().backward();
        assertArrayEquals(new double[] {2, 4}, x.grad().toDoubleArray());
    }
}
