package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Known answers: the two expressions of micrograd's {@code test_engine.py} (Karpathy), whose values micrograd checks
 * against PyTorch. Every intermediate is a 0-d FLOAT64 tensor, as micrograd's {@code Value} is a scalar.
 */
class MicrogradTest {

    private static final double TOL = 1e-9;

    private static Tensor value(double v) {
        return Tensor.scalar(v).requiresGrad(true);
    }

    /** x = -4; z = 2x + 2 + x; q = relu(z) + z·x; h = relu(z·z); y = h + q + q·x. */
    @Test
    void sanityCheck() {
        Tensor x = value(-4.0);
        Tensor z = x.mul(2).add(2).add(x);
        Tensor q = z.relu().add(z.mul(x));
        Tensor h = z.mul(z).relu();
        Tensor y = h.add(q).add(q.mul(x));
        y.backward();
        assertEquals(-20.0, y.item(), TOL);
        assertEquals(46.0, x.grad().item(), TOL);
    }

    /**
     * a = -4; b = 2; c = a + b; d = a·b + b³; c += c + 1; c += 1 + c + (-a); d += d·2 + relu(b + a);
     * d += 3·d + relu(b - a); e = c - d; f = e²; g = f / 2; g += 10 / f.
     */
    @Test
    void moreOps() {
        Tensor a = value(-4.0);
        Tensor b = value(2.0);
        Tensor c = a.add(b);
        Tensor d = a.mul(b).add(b.pow(3));
        c = c.add(c.add(1));
        c = c.add(Tensor.scalar(1).add(c).add(a.neg()));
        d = d.add(d.mul(2).add(b.add(a).relu()));
        d = d.add(d.mul(3).add(b.sub(a).relu()));
        Tensor e = c.sub(d);
        Tensor f = e.pow(2);
        Tensor g = f.div(2.0);
        g = g.add(Tensor.scalar(10.0).div(f));
        g.backward();
        assertEquals(24.70408163265306, g.item(), TOL);
        assertEquals(138.83381924198252, a.grad().item(), TOL);
        assertEquals(645.5772594752186, b.grad().item(), TOL);
    }

    /** The same expression with Autograd.grad: same values, and no grad() touched. */
    @Test
    void moreOpsThroughTheFunctionalApi() {
        Tensor a = value(-4.0);
        Tensor b = value(2.0);
        Tensor c = a.add(b);
        Tensor d = a.mul(b).add(b.pow(3));
        c = c.add(c.add(1));
        c = c.add(Tensor.scalar(1).add(c).add(a.neg()));
        d = d.add(d.mul(2).add(b.add(a).relu()));
        d = d.add(d.mul(3).add(b.sub(a).relu()));
        Tensor f = c.sub(d).pow(2);
        Tensor g = f.div(2.0).add(Tensor.scalar(10.0).div(f));
        var grads = Autograd.grad(g, java.util.List.of(a, b), false);
        assertEquals(138.83381924198252, grads.get(0).item(), TOL);
        assertEquals(645.5772594752186, grads.get(1).item(), TOL);
        assertEquals(null, a.grad());
    }
}
