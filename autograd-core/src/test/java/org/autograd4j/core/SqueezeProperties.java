package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@code squeeze()}, a composite (a {@link Reshape} dropping every size-1 axis); {@code squeeze(axis)}: Reshape's. */
class SqueezeProperties extends OneInputOpProperties<SqueezeProperties.All> {
    record All(Tensor x) implements OneInputOpProperties.Case {
        @Override
        public Tensor apply(Tensor t) {
            return t.squeeze();
        }

        @Override
        public String toString() {
            return TensorGen.describe(x);
        }
    }

    @Override
    Gen<All> cases() {
        return TensorGen.tensors(TensorGen.uniform(-2, 2)).map(All::new);
    }

    @Override
    Ref.Expected reference(All c) {
        return new Ref.Expected(java.util.Arrays.stream(c.x().shape).filter(d -> d != 1).toArray(), c.x().data);
    }

    @Test
    void examples() {
        assertArrayEquals(new long[] {2, 3}, Tensor.zeros(1, 2, 1, 3, 1).squeeze().shape());
        assertArrayEquals(new long[0], Tensor.zeros(1, 1).squeeze().shape());
        assertArrayEquals(new long[0], Tensor.scalar(1).squeeze().shape());
    }
}
