package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code einsum}, a composite (sums, permutes, reshapes and one batched matmul), on the contractions MLP and
 * attention code writes, with random letter sizes; the reference loops over every assignment of the letters.
 */
class EinsumProperties {
    private static final List<String> EQUATIONS = List.of("ij,jk->ik", "bi,oi->bo", "bij,bjk->bik",
            "bhqd,bhkd->bhqk", "i,j->ij", "i,i->", "ij,ij->ij", "ij,jk->ki", "ijk,k->ij", "ab,cd->ad", "ij,j->",
            "bqd,kd->bkq");

    record Case(String equation, Tensor x, Tensor y) {
        @Override
        public String toString() {
            return "einsum(\"" + equation + "\", " + TensorGen.describe(x) + ", " + TensorGen.describe(y) + ")";
        }
    }

    private static final Gen<Case> CASES = integers().between(0, EQUATIONS.size() - 1).zip(
            lists().of(integers().between(1, 3)).ofSize(26), (e, sizes) -> {
                String eq = EQUATIONS.get(e);
                String[] ops = eq.substring(0, eq.indexOf("->")).split(",");
                return new Object[] {eq, shape(ops[0], sizes), shape(ops[1], sizes)};
            }).flatMap(p -> TensorGen.tensorOf((int[]) p[1], TensorGen.uniform(-2, 2)).zip(
                    TensorGen.tensorOf((int[]) p[2], TensorGen.uniform(-2, 2)), (x, y) -> new Case((String) p[0], x,
                            y)));

    private static int[] shape(String letters, List<Integer> sizes) {
        return letters.chars().map(c -> sizes.get(c - 'a')).toArray();
    }

    /** Σ over every assignment of the letters of x[...] · y[...], into out[...]. */
    static Ref.Expected reference(Case c) {
        String eq = c.equation();
        String[] ops = eq.substring(0, eq.indexOf("->")).split(",");
        String out = eq.substring(eq.indexOf("->") + 2);
        String letters = (ops[0] + ops[1]).chars().distinct().collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString();
        int[] size = new int[128];
        for (int i = 0; i < ops[0].length(); i++) {
            size[ops[0].charAt(i)] = c.x().shape[i];
        }
        for (int i = 0; i < ops[1].length(); i++) {
            size[ops[1].charAt(i)] = c.y().shape[i];
        }
        int[] outShape = out.chars().map(ch -> size[ch]).toArray();
        int[] all = letters.chars().map(ch -> size[ch]).toArray();
        double[] result = new double[Ref.size(outShape)];
        for (int k = 0; k < Ref.size(all); k++) {
            int[] at = Ref.unravel(k, all);
            result[Ref.ravel(pick(at, letters, out), outShape)] += c.x().at(Ref.ravel(pick(at, letters, ops[0]),
                    c.x().shape)) * c.y().at(Ref.ravel(pick(at, letters, ops[1]), c.y().shape));
        }
        return new Ref.Expected(outShape, result);
    }

    private static int[] pick(int[] at, String letters, String which) {
        return which.chars().map(ch -> at[letters.indexOf(ch)]).toArray();
    }

    private static Function<List<Tensor>, Tensor> op(Case c) {
        return in -> Tensor.einsum(c.equation(), in.get(0), in.get(1));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.assertMatches(reference(c),
                Tensor.einsum(c.equation(), c.x(), c.y())));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> OpChecks.gradcheck(op(c), c.x(), c.y()));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(20).forAll(CASES).checkAssert(c -> OpChecks.gradHasInputShape(op(c), c.x(), c.y()));
    }

    @Test
    void float32MatchesFloat64() {
        qt().withExamples(20).forAll(CASES).checkAssert(c -> OpChecks.assertFloat32MatchesFloat64(op(c), c.x(),
                c.y()));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(25).forAll(CASES).checkAssert(c -> OpChecks.gradcheckSecondOrder(op(c), c.x(), c.y()));
    }

    @Test
    void spacesAreIgnoredAndMistakesNamed() {
        Tensor a = Tensor.ones(2, 3);
        Tensor b = Tensor.ones(3, 4);
        assertArrayEquals(new long[] {2, 4}, Tensor.einsum(" ij , jk -> ik ", a, b).shape());
        ErrorMessagesTest.argument("einsum: the equation must give its output explicitly, as in \"ij,jk->ik\", got"
                + " \"ij,jk\"", () -> Tensor.einsum("ij,jk", a, b));
        ErrorMessagesTest.argument("einsum: expects two operands, got 1 in \"ij->i\"",
                () -> Tensor.einsum("ij->i", a, b));
        ErrorMessagesTest.argument("einsum: letter 'j' has size 3 and 2 in \"ij,jk->ik\"",
                () -> Tensor.einsum("ij,jk->ik", a, Tensor.ones(2, 4)));
        ErrorMessagesTest.argument("einsum: operand 1 has 2 letters \"jk\" but shape [3]",
                () -> Tensor.einsum("ij,jk->ik", a, Tensor.ones(3)));
        ErrorMessagesTest.argument("einsum: letter 'i' repeats in operand 0 of \"ii,jk->ik\"; diagonals and"
                + " traces are not supported", () -> Tensor.einsum("ii,jk->ik", a, b));
        ErrorMessagesTest.argument("einsum: output letter 'z' of \"ij,jk->iz\" appears in no operand",
                () -> Tensor.einsum("ij,jk->iz", a, b));
        ErrorMessagesTest.argument("einsum: '.' in operand 0 of \"...j,jk->k\" is not a letter (\"...\" is not"
                + " supported)", () -> Tensor.einsum("...j,jk->k", a, b));
    }
}
