package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Pins the exact message of every misuse of the public API: the op, then the problem, then the values, shapes printed
 * as {@code [2, 3]}. Each is an {@link IllegalArgumentException} (the caller's mistake) or an
 * {@link IllegalStateException} (calls in the wrong order) — never an ND4J or other runtime exception.
 */
class ErrorMessagesTest {

    static final Tensor M23 = Tensor.zeros(2, 3);

    /** Asserts that {@code call} throws exactly an IllegalArgumentException with exactly this message. */
    static void argument(String message, Executable call) {
        Throwable e = assertThrows(Throwable.class, call);
        assertEquals(IllegalArgumentException.class, e.getClass(), () -> "wrong type: " + e);
        assertEquals(message, e.getMessage());
    }

    /** Asserts that {@code call} throws exactly an IllegalStateException with exactly this message. */
    static void state(String message, Executable call) {
        Throwable e = assertThrows(Throwable.class, call);
        assertEquals(IllegalStateException.class, e.getClass(), () -> "wrong type: " + e);
        assertEquals(message, e.getMessage());
    }

    static Tensor leaf(long... shape) {
        return Tensor.ones(shape).requiresGrad(true);
    }

    @Nested
    class Creation {
        @Test
        void dataAndShapeDisagree() {
            argument("of: shape [2, 2] holds 4 elements but 3 values were given",
                    () -> Tensor.of(new double[3], 2, 2));
            argument("of: shape [2, 2] holds 4 elements but 3 values were given",
                    () -> Tensor.of(new float[3], 2, 2));
        }

        @Test
        void raggedRows() {
            argument("of: row 1 has 2 elements but row 0 has 3", () -> Tensor.of(new double[][] {{1, 2, 3}, {4, 5}}));
        }

        @Test
        void negativeDimensions() {
            argument("of: dimensions must be >= 0, got [-1, -3]", () -> Tensor.of(new double[3], -1, -3));
            argument("zeros: dimensions must be >= 0, got [2, -1]", () -> Tensor.zeros(2, -1));
            argument("ones: dimensions must be >= 0, got [-1]", () -> Tensor.ones(-1));
            argument("full: dimensions must be >= 0, got [-2]", () -> Tensor.full(3.0, -2));
            argument("arange: dimensions must be >= 0, got [-1]", () -> Tensor.arange(-1));
            argument("eye: dimensions must be >= 0, got [-2, -2]", () -> Tensor.eye(-2));
            argument("rand: dimensions must be >= 0, got [3, -1]", () -> Tensor.rand(new Random(1), 3, -1));
            argument("randn: dimensions must be >= 0, got [-3]", () -> Tensor.randn(new Random(1), -3));
        }

        @Test
        void tooManyElements() {
            argument("zeros: shape [1048576, 1048576] has more elements than a tensor can hold (2^31 - 9)",
                    () -> Tensor.zeros(1 << 20, 1 << 20));
            argument("eye: shape [50000, 50000] has more elements than a tensor can hold (2^31 - 9)",
                    () -> Tensor.eye(50_000));
        }

        @Test
        void nullDtype() {
            argument("full: dtype must not be null", () -> Tensor.full(1.0, (DType) null, 2));
            argument("scalar: dtype must not be null", () -> Tensor.scalar(1.0, null));
            argument("to: dtype must not be null", () -> M23.to(null));
        }
    }

    @Nested
    class Broadcast {
        private final Tensor x = Tensor.zeros(2, 3);
        private final Tensor y = Tensor.zeros(4, 5);

        @Test
        void everyBinaryOpNamesItselfAndBothShapes() {
            argument("add: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.add(y));
            argument("sub: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.sub(y));
            argument("mul: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.mul(y));
            argument("div: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.div(y));
            argument("maximum: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.maximum(y));
            argument("minimum: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.minimum(y));
            argument("gt: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.gt(y));
            argument("ge: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.ge(y));
            argument("lt: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.lt(y));
            argument("le: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.le(y));
            argument("eq: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.eq(y));
            argument("where: shapes [2, 3] and [4, 5] cannot broadcast", () -> x.where(Tensor.ones(2, 3), y));
            argument("where: shapes [4, 5] and [2, 3] cannot broadcast", () -> Tensor.where(y, x, x));
        }

        @Test
        void trailingDimensionsMustMatchOrBeOne() {
            argument("add: shapes [2, 3] and [3, 2] cannot broadcast", () -> x.add(Tensor.zeros(3, 2)));
            argument("mul: shapes [2, 3] and [2] cannot broadcast", () -> x.mul(Tensor.zeros(2)));
            argument("add: shapes [3] and [0] cannot broadcast", () -> Tensor.zeros(3).add(Tensor.zeros(0)));
        }

        @Test
        void leafWithGradientFailsTheSameWay() {
            argument("add: shapes [2, 3] and [4, 5] cannot broadcast", () -> leaf(2, 3).add(leaf(4, 5)));
        }

        @Test
        void resultTooLargeIsAnErrorNotAnOverflow() {
            argument("add: result shape [65536, 65536] has more elements than a tensor can hold (2^31 - 9)",
                    () -> Tensor.zeros(65536, 1).add(Tensor.zeros(1, 65536)));
            argument("mul: result shape [50000, 50000] has more elements than a tensor can hold (2^31 - 9)",
                    () -> Tensor.zeros(50000, 1).mul(Tensor.zeros(1, 50000)));
        }

        @Test
        void broadcastTo() {
            argument("broadcastTo: cannot broadcast [3] to [2]", () -> Tensor.zeros(3).broadcastTo(2));
            argument("broadcastTo: cannot broadcast [2, 3] to [3]", () -> x.broadcastTo(3));
            argument("broadcastTo: dimensions must be >= 0, got [-1, 3]", () -> x.broadcastTo(-1, 3));
        }
    }

    @Nested
    class MatrixProduct {
        @Test
        void innerDimensions() {
            argument("matmul: inner dimensions differ: [2, 3] @ [2, 3]", () -> M23.matmul(M23));
            argument("matmul: inner dimensions differ: [3] @ [4]", () -> Tensor.zeros(3).matmul(Tensor.zeros(4)));
            argument("matmul: inner dimensions differ: [2, 3] @ [2]", () -> M23.matmul(Tensor.zeros(2)));
            argument("matmul: inner dimensions differ: [5, 2, 3] @ [5, 4, 2]",
                    () -> Tensor.zeros(5, 2, 3).matmul(Tensor.zeros(5, 4, 2)));
        }

        @Test
        void ranks() {
            argument("matmul: operands must have rank 1 or more, got [] @ [2]",
                    () -> Tensor.scalar(1).matmul(Tensor.zeros(2)));
            // ranks above 3 are batches since issue 12 (MatMulBroadcastProperties)
        }

        @Test
        void batchDimensions() {
            argument("matmul: batch dimensions differ: [2, 2, 3] @ [3, 3, 4]",
                    () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(3, 3, 4)));
        }

        @Test
        void resultTooLarge() {
            argument("matmul: result of [65536, 1] @ [1, 65536] would have 4294967296 elements, more than a tensor"
                    + " can hold (2^31 - 9)", () -> Tensor.zeros(65536, 1).matmul(Tensor.zeros(1, 65536)));
        }
    }

    @Nested
    class ShapeOps {
        @Test
        void reshape() {
            argument("reshape: cannot reshape [3] (3 elements) to [2, 2]", () -> Tensor.zeros(3).reshape(2, 2));
            argument("reshape: cannot reshape [2, 3] (6 elements) to [4, -1]", () -> M23.reshape(4, -1));
            argument("reshape: invalid shape [-1, -1] (only one -1 and no other negative dimension allowed)",
                    () -> M23.reshape(-1, -1));
            argument("reshape: invalid shape [-2, 3] (only one -1 and no other negative dimension allowed)",
                    () -> M23.reshape(-2, 3));
        }

        @Test
        void squeezeAndUnsqueeze() {
            argument("squeeze: axis 0 of shape [2, 3] has size 2, not 1", () -> M23.squeeze(0));
            argument("squeeze: axis 2 is out of range for a tensor of rank 2", () -> M23.squeeze(2));
            argument("unsqueeze: axis 3 is out of range [-3, 2] for a new axis in a tensor of rank 2",
                    () -> M23.unsqueeze(3));
            argument("unsqueeze: axis -4 is out of range [-3, 2] for a new axis in a tensor of rank 2",
                    () -> M23.unsqueeze(-4));
        }

        @Test
        void transposeAndPermute() {
            argument("transpose: axis 2 is out of range for a tensor of rank 2", () -> M23.transpose(0, 2));
            argument("transpose: axis -3 is out of range for a tensor of rank 2", () -> M23.transpose(-3, 0));
            argument("permute: needs 2 axes, got [0]", () -> M23.permute(0));
            argument("permute: axis 0 repeated in [0, 0]", () -> M23.permute(0, 0));
            argument("permute: axis 5 is out of range for a tensor of rank 2", () -> M23.permute(0, 5));
        }

        @Test
        void concat() {
            argument("concat: needs at least one tensor", () -> Tensor.concat(List.of(), 0));
            argument("concat: tensor 1 has shape [3, 3], which does not match tensor 0's [2, 3] outside axis 1",
                    () -> Tensor.concat(List.of(M23, Tensor.zeros(3, 3)), 1));
            argument("concat: tensor 1 has shape [3], which does not match tensor 0's [2, 3] outside axis 0",
                    () -> Tensor.concat(List.of(M23, Tensor.zeros(3)), 0));
            argument("concat: cannot join 0-d tensors (use stack)",
                    () -> Tensor.concat(List.of(Tensor.scalar(1), Tensor.scalar(2)), 0));
            argument("concat: axis 2 is out of range for a tensor of rank 2", () -> Tensor.concat(List.of(M23), 2));
        }

        @Test
        void stack() {
            argument("stack: needs at least one tensor", () -> Tensor.stack(List.of(), 0));
            argument("stack: tensor 1 has shape [3] but tensor 0 has shape [2]",
                    () -> Tensor.stack(List.of(Tensor.zeros(2), Tensor.zeros(3)), 0));
            argument("stack: axis 2 is out of range [-2, 1] for a new axis in a tensor of rank 1",
                    () -> Tensor.stack(List.of(Tensor.zeros(2), Tensor.zeros(2)), 2));
        }

        @Test
        void slice() {
            argument("slice: range [0, 5) is not within axis 0 of shape [2, 3]", () -> M23.slice(0, 0, 5));
            argument("slice: range [2, 1) is not within axis 1 of shape [2, 3]", () -> M23.slice(1, 2, 1));
            argument("slice: range [-4, 2) is not within axis 1 of shape [2, 3]", () -> M23.slice(1, -4, 2));
            argument("slice: axis 2 is out of range for a tensor of rank 2", () -> M23.slice(2, 0, 1));
        }

        @Test
        void index() {
            argument("index: row 3 (position 1) is out of range for shape [3, 2]",
                    () -> Tensor.zeros(3, 2).index(new long[] {0, 3}));
            argument("index: row -1 (position 0) is out of range for shape [3, 2]",
                    () -> Tensor.zeros(3, 2).index(new long[] {-1}));
            argument("index: cannot pick rows of a 0-d tensor", () -> Tensor.scalar(1).index(new long[] {0}));
        }

        @Test
        void gather() {
            argument("gather: index 3.0 at position 1 is not a whole number in [0, 3) for axis 1 of shape [2, 3]",
                    () -> M23.gather(1, Tensor.of(new double[] {0, 3}, 1, 2)));
            argument("gather: index -1.0 at position 0 is not a whole number in [0, 2) for axis 0 of shape [2, 3]",
                    () -> M23.gather(0, Tensor.of(new double[] {-1}, 1, 1)));
            argument("gather: index 0.5 at position 0 is not a whole number in [0, 3) for axis -1 of shape [2, 3]",
                    () -> M23.gather(-1, Tensor.of(new double[] {0.5}, 1, 1)));
            argument("gather: indices have shape [2] but the input has shape [2, 3]; the ranks must agree",
                    () -> M23.gather(1, Tensor.zeros(2)));
            argument("gather: indices of shape [3, 1] exceed the input's shape [2, 3] along axis 0",
                    () -> M23.gather(1, Tensor.zeros(3, 1)));
            argument("gather: axis 2 is out of range for a tensor of rank 2", () -> M23.gather(2, Tensor.zeros(1, 1)));
            argument("gather: axis 1 is out of range for a tensor of rank 0",
                    () -> Tensor.scalar(5).gather(1, Tensor.scalar(0)));
        }
    }

    @Nested
    class Reductions {
        @Test
        void badAxes() {
            argument("sum: axis 2 is out of range for a tensor of rank 2", () -> M23.sum(2, false));
            argument("sum: axis -3 is out of range for a tensor of rank 2", () -> M23.sum(-3, true));
            // a 0-d tensor takes axis 0 and -1, as in PyTorch (ScalarAxisTest); others fail
            argument("sum: axis 1 is out of range for a tensor of rank 0 (0 or -1 name its one element)",
                    () -> Tensor.scalar(1).sum(1, false));
            argument("mean: axis 2 is out of range for a tensor of rank 2", () -> M23.mean(2, false));
            argument("max: axis 2 is out of range for a tensor of rank 2", () -> M23.max(2, false));
            argument("min: axis 2 is out of range for a tensor of rank 2", () -> M23.min(2, false));
            argument("argmax: axis 2 is out of range for a tensor of rank 2", () -> M23.argmax(2));
            argument("argmin: axis 2 is out of range for a tensor of rank 2", () -> M23.argmin(2));
            argument("logSumExp: axis 2 is out of range for a tensor of rank 2", () -> M23.logSumExp(2, false));
            argument("logSoftmax: axis 2 is out of range for a tensor of rank 2", () -> M23.logSoftmax(2));
            argument("softmax: axis 2 is out of range for a tensor of rank 2", () -> M23.softmax(2));
            argument("size: axis 2 is out of range for a tensor of rank 2", () -> M23.size(2));
        }

        @Test
        void extremaOfAnEmptyAxis() {
            argument("max: axis 0 of shape [0, 3] is empty", () -> Tensor.zeros(0, 3).max(0, false));
            argument("min: axis 0 of shape [0] is empty", () -> Tensor.zeros(0).min());
            argument("argmax: axis 1 of shape [2, 0] is empty", () -> Tensor.zeros(2, 0).argmax(1));
        }
    }

    @Nested
    class Elementwise {
        @Test
        void clamp() {
            argument("clamp: needs lo <= hi, got lo=1.0, hi=0.0", () -> M23.clamp(1, 0));
            argument("clamp: needs lo <= hi, got lo=NaN, hi=1.0", () -> M23.clamp(Double.NaN, 1));
        }

        @Test
        void leakyRelu() {
            argument("leakyRelu: slope must be finite, got NaN", () -> M23.leakyRelu(Double.NaN));
            argument("leakyRelu: slope must be finite, got Infinity", () -> M23.leakyRelu(Double.POSITIVE_INFINITY));
        }
    }
}
