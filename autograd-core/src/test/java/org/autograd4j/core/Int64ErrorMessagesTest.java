package org.autograd4j.core;

import static org.autograd4j.core.ErrorMessagesTest.argument;
import static org.autograd4j.core.ErrorMessagesTest.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the message of every INT64 misuse (see {@link DType}, "INT64 note"): never a silent rounding. */
class Int64ErrorMessagesTest {
    private static final Tensor I = Tensor.of(new long[] {1, 2, 3});

    @Test
    void int64NeverRequiresAGradient() {
        argument("requiresGrad: only Tensors of floating point dtype can require gradients; this one is INT64"
                + " (shape [3]); convert it with to(DType.FLOAT64) first", () -> I.requiresGrad(true));
        I.requiresGrad(false);   // asking for none is fine
    }

    @Test
    void creationRefusesWhatInt64CannotHold() {
        argument("of: value 9007199254740993 at position 1 is beyond ±2^53 (9007199254740992), the range INT64"
                + " tensors hold exactly", () -> Tensor.of(new long[] {0, 9007199254740993L}));
        argument("scalar: value 2.5 at position 0 is not a whole number; INT64 tensors hold whole numbers within"
                + " ±2^53", () -> Tensor.scalar(2.5, DType.INT64));
        argument("full: value 1.0E17 at position 0 is beyond ±2^53 (9007199254740992), where doubles stop holding"
                + " every integer; compute in FLOAT64 instead", () -> Tensor.full(1e17, DType.INT64, 2));
        argument("of: shape [2, 2] holds 4 elements but 3 values were given", () -> Tensor.of(new long[3], 2, 2));
    }

    @Test
    void conversionRefusesNanInfinityAndHugeValues() {
        argument("to(INT64): value NaN at position 1 of shape [2] is NaN and has no INT64 value",
                () -> Tensor.of(new double[] {1, Double.NaN}).to(DType.INT64));
        argument("to(INT64): value -Infinity at position 0 of shape [1] is infinite and has no INT64 value",
                () -> Tensor.of(new float[] {Float.NEGATIVE_INFINITY}).to(DType.INT64));
        argument("to(INT64): value 1.0E16 at position 0 of shape [] is beyond ±2^53 (9007199254740992) and has no"
                + " INT64 value", () -> Tensor.scalar(1e16).to(DType.INT64));
        state("toLongArray: tensor of shape [2] is FLOAT64; convert it with to(DType.INT64) (truncates toward zero)"
                + " first", () -> Tensor.zeros(2).toLongArray());
    }

    @Test
    void integerResultsBeyondTwoToThe53AreRefused() {
        Tensor big = Tensor.of(new long[] {1L << 52, 3});
        argument("mul: value 1.8014398509481984E16 at position 0 is beyond ±2^53 (9007199254740992), where doubles"
                + " stop holding every integer; compute in FLOAT64 instead", () -> big.mul(Tensor.of(new long[] {4, 4})));
        argument("add: value 1.3510798882111488E16 at position 0 is beyond ±2^53 (9007199254740992), where doubles"
                + " stop holding every integer; compute in FLOAT64 instead", () -> big.add(big).add(big));
        argument("INT64 result: value 1.3510798882111488E16 at position 0 is beyond ±2^53 (9007199254740992), where"
                + " doubles stop holding every integer; compute in FLOAT64 instead",
                () -> Tensor.of(new long[] {1L << 52, 1L << 52, 1L << 52}).sum());
        argument("maskedFill: value 0.5 at position 0 is not a whole number; INT64 tensors hold whole numbers"
                + " within ±2^53", () -> I.maskedFill(Tensor.of(new double[] {0, 1, 0}), 0.5));
        argument("scatter: value NaN at position 0 is not a whole number; INT64 tensors hold whole numbers"
                + " within ±2^53", () -> I.scatter(0, Tensor.of(new long[] {0}), Double.NaN));
    }

    @Test
    void aReplayRechecksInt64Results() {
        CapturedStep step = Autograd.capture(in -> in[0].mul(in[1]).sum(0, false));
        Tensor small = Tensor.of(new long[] {2, 3});
        assertEquals(26.0, step.run(small, small.add(small)).item());
        assertEquals(52.0, step.run(small.add(small), small.add(small)).item());
        assertEquals(1, step.captures());
        Tensor big = Tensor.of(new long[] {1L << 40, 1L << 40});
        argument("mul: value 1.2089258196146292E24 at position 0 is beyond ±2^53 (9007199254740992), where doubles"
                + " stop holding every integer; compute in FLOAT64 instead", () -> step.run(big, big));
        Tensor half = Tensor.of(new long[] {1L << 52, (1L << 52) + 2});
        argument("sum: value 9.007199254740994E15 at position 0 is beyond ±2^53 (9007199254740992), where doubles"
                + " stop holding every integer; compute in FLOAT64 instead",
                () -> step.run(half, Tensor.of(new long[] {1, 1})));
    }

    @Test
    void opsPyTorchRefusesOnIntegersAreRefused() {
        for (String op : List.of("mean", "var", "std", "norm")) {
            Throwable e = assertThrows(IllegalArgumentException.class, () -> {
                switch (op) {
                    case "mean" -> I.mean();
                    case "var" -> I.var();
                    case "std" -> I.std(new int[] {0}, false);
                    default -> I.norm();
                }
            });
            assertEquals(op + ": input is INT64 (shape [3]); as in PyTorch, it needs a floating point input: convert"
                    + " it with to(DType.FLOAT64)", e.getMessage());
        }
        Tensor m = Tensor.of(new long[] {1, 2, 3, 4}, 2, 2);
        argument("matmul: an operand of shape [2, 2] is INT64; matrix products take FLOAT32 or FLOAT64: convert it"
                + " with to(DType.FLOAT64)", () -> Tensor.ones(2, 2).matmul(m));
        argument("addmm: an operand of shape [2, 2] is INT64; matrix products take FLOAT32 or FLOAT64: convert it"
                + " with to(DType.FLOAT64)", () -> Tensor.addmm(Tensor.zeros(2), m, Tensor.ones(2, 2)));
        argument("einsum: an operand of shape [2, 2] is INT64; matrix products take FLOAT32 or FLOAT64: convert it"
                + " with to(DType.FLOAT64)", () -> Tensor.einsum("ij,jk->ik", m, m));
    }

    @Test
    void indicesStillNameTheBadPosition() {
        argument("gather: index 3.0 at position 1 is not a whole number in [0, 3) for axis 0 of shape [3]",
                () -> Tensor.zeros(3).gather(0, Tensor.of(new long[] {0, 3})));
        argument("indexSelect: index -1 at position 0 is out of range [0, 3) for axis 0 of shape [3]",
                () -> Tensor.zeros(3).indexSelect(0, Tensor.of(new long[] {-1})));
    }

    @Test
    void gradCheckRefusesAnInt64Output() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        argument("gradcheck: f returned an INT64 tensor (shape [2]), which carries no gradient; return a floating"
                + " point tensor", () -> GradCheck.check(xs -> xs.get(0).argmax(0).broadcastTo(2), List.of(x)));
    }
}
