package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.shapes;
import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Concat}: {@code concat} along an existing axis and {@code stack} along a new one. */
class ConcatProperties {
    /** One to three tensors of rank 1 to 3 that agree outside axis 0 (the axis is chosen in each property). */
    private static final Gen<TensorGen.Inputs> PARTS = shapes(1, 3).flatMap(s -> lists()
            .of(integers().between(1, TensorGen.MAX_DIM).flatMap(len -> tensorOf(Shapes.with(s, 0, len),
                    uniform(-2, 2)))).ofSizeBetween(1, 3).map(TensorGen.Inputs::new));
    private static final Gen<Integer> AXES = integers().between(-3, 2);

    /** The parts, with axis 0 moved to {@code axis} (so that they agree outside it). */
    private static Tensor[] along(TensorGen.Inputs parts, int axis) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : parts.list()) {
            out.add(t.detach().transpose(0, axis));
        }
        return out.toArray(new Tensor[0]);
    }

    private static int axis(TensorGen.Inputs parts, int raw) {
        return TensorGen.axis(raw, parts.get(0).rank());
    }

    /** out[idx] comes from the part whose range along {@code axis} holds idx[axis]. */
    private static Ref.Expected reference(List<Tensor> xs, int signedAxis) {
        int axis = Math.floorMod(signedAxis, xs.get(0).rank());
        int[] shape = xs.get(0).shape.clone();
        shape[axis] = xs.stream().mapToInt(t -> t.shape[axis]).sum();
        double[] out = new double[Ref.size(shape)];
        for (int o = 0; o < out.length; o++) {
            int[] idx = Ref.unravel(o, shape);
            int part = 0;
            while (idx[axis] >= xs.get(part).shape[axis]) {
                idx[axis] -= xs.get(part++).shape[axis];
            }
            out[o] = xs.get(part).data[Ref.ravel(idx, xs.get(part).shape)];
        }
        return new Ref.Expected(shape, out);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(PARTS, AXES).checkAssert((p, a) -> OpChecks.gradcheck(
                in -> Tensor.concat(in, axis(p, a)), along(p, axis(p, a))));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(PARTS, AXES).checkAssert((p, a) -> OpChecks.gradHasInputShape(
                in -> Tensor.concat(in, axis(p, a)), along(p, axis(p, a))));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(PARTS, AXES).checkAssert((p, a) -> {
            List<Tensor> xs = List.of(along(p, axis(p, a)));
            OpChecks.assertMatches(reference(xs, axis(p, a)), Tensor.concat(xs, axis(p, a)));
        });
    }

    @Test
    void stackIsConcatOfUnsqueezed() {
        Gen<TensorGen.Inputs> sameShape = shapes(0, 3).flatMap(s -> lists().of(tensorOf(s, uniform(-2, 2)))
                .ofSizeBetween(1, 3).map(TensorGen.Inputs::new));
        qt().withExamples(60).forAll(sameShape, integers().between(-4, 3)).checkAssert((p, a) -> {
            int rank = p.get(0).rank();
            int axis = Math.floorMod(a, rank + 1);
            List<Tensor> unsqueezed = new ArrayList<>();
            p.list().forEach(t -> unsqueezed.add(new Tensor(t.data, Shapes.inserted(t.shape, axis, 1), t.dtype)));
            OpChecks.assertMatches(reference(unsqueezed, axis), Tensor.stack(p.list(), axis - rank - 1));
            OpChecks.gradcheck(in -> Tensor.stack(in, axis), p.list().toArray(new Tensor[0]));
            OpChecks.gradHasInputShape(in -> Tensor.stack(in, axis), p.list().toArray(new Tensor[0]));
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(PARTS, AXES).checkAssert((p, a) -> OpChecks.gradcheckSecondOrder(
                in -> Tensor.concat(in, axis(p, a)).square(), along(p, axis(p, a))));
    }
}
