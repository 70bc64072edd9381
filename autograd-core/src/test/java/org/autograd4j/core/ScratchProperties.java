package org.autograd4j.core;

import static org.quicktheories.QuickTheory.qt;
import org.junit.jupiter.api.Test;

class ScratchProperties {
    @Test
    void show() {
        int[] count = {0};
        qt().withExamples(15).forAll(TensorGen.pairs(TensorGen.uniform(-2, 2), TensorGen.signed(0.5, 2))).checkAssert(p -> System.out.println(p));
        qt().withExamples(5).forAll(TensorGen.tensors(TensorGen.grid(0.25))).checkAssert(p -> System.out.println(TensorGen.describe(p)));
        qt().withExamples(5).forAll(TensorGen.shapes(1,3).flatMap(TensorGen::distinct)).checkAssert(p -> System.out.println(TensorGen.describe(p)));
        qt().withExamples(50).forAll(TensorGen.pairs(TensorGen.uniform(-2, 2), TensorGen.uniform(-2, 2))).checkAssert(p -> OpChecks.gradcheck(in -> in.get(0).add(in.get(1).mul(in.get(0))), p.get(0), p.get(1)));
        qt().withExamples(50).forAll(TensorGen.pairs(TensorGen.uniform(-2, 2), TensorGen.uniform(-2, 2))).checkAssert(p -> OpChecks.assertMatches(Ref.zip(p.get(0), p.get(1), (a, b) -> a - b), p.get(0).add(p.get(1))));
    }
}
