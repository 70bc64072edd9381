"""The program under construction for the differential fuzzer: its inputs and instructions, the SplitMix64 stream
every random choice comes from, and the shape helpers the op generators of fuzz_generate.py share.
"""
import torch

from fuzz_ops import POSITIVE_ALWAYS, POSITIVE_KEEPS, RUN

MASK64 = (1 << 64) - 1


class SplitMix64:
    """Steele, Lea and Flood's SplitMix64; DifferentialFuzzTest.SplitMix64 is the same generator, bit for bit."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def uniform(self):
        """A double in [0, 1): the top 53 bits, scaled."""
        return (self.next() >> 11) * (1.0 / (1 << 53))

    def below(self, n):
        return self.next() % n

    def chance(self, p):
        return self.uniform() < p

    def pick(self, items):
        return items[self.below(len(items))]


class Value:
    def __init__(self, name, shape, positive, dtype):
        self.name, self.shape, self.positive, self.dtype = name, tuple(shape), positive, dtype


class Program:
    """Inputs (name, dtype, shape, lo, hi) and instructions (name, op, operand names, params), in order."""

    def __init__(self, rng, dtype):
        # a "mixed" program is float32 with float64 0-d tensors (and casts) among its operands
        self.rng, self.dtype = rng, dtype
        self.base = "float32" if dtype == "mixed" else dtype
        self.values, self.inputs, self.insts = [], [], []

    def fresh(self, shape, positive=False, dtype=None):
        name = "v%d" % len(self.values)
        lo, hi = (0.5, 2.0) if positive else (-2.0, 2.0)
        if not positive and self.rng.chance(0.1):
            # now and then wide values: the saturated and overflow-guarded paths (softplus, logSumExp, logSigmoid)
            lo, hi = self.rng.pick([(-8.0, 8.0), (-30.0, 30.0)])
        dtype = dtype or self.base
        self.inputs.append((name, dtype, tuple(shape), lo, hi))
        v = Value(name, shape, positive, dtype)
        self.values.append(v)
        return v

    def emit(self, op, operands, params):
        """Appends op(operands) if PyTorch accepts it (shapes are found by running it on ones); the new value or None."""
        try:
            xs = [torch.ones(v.shape, dtype=torch.float64 if v.dtype == "float64" else torch.float32)
                  for v in operands]
            out = RUN[op](params, *xs)
        except (RuntimeError, IndexError, ValueError, TypeError):
            return None
        if out.dim() > 4 or out.numel() > 64 or out.numel() == 0:
            return None
        if op in POSITIVE_ALWAYS:
            positive = True
        elif op in POSITIVE_KEEPS:
            positive = all(v.positive for v in (operands[1:] if op == "where" else operands))
        elif op in ("addc", "mulc", "divc"):
            positive = operands[0].positive and params["c"] > 0
        elif op == "clamp":
            positive = params["lo"] > 0.1
        else:
            positive = False
        dtype = "float64" if out.dtype == torch.float64 else "float32"
        v = Value("v%d" % len(self.values), out.shape, positive, dtype)
        self.values.append(v)
        self.insts.append((v.name, op, [u.name for u in operands], params))
        return v

    # ---------------------------------------------------------------- choices

    def current(self):
        """Mostly the latest value, so that ops chain; sometimes an earlier one."""
        return self.values[-1] if self.rng.chance(0.8) else self.rng.pick(self.values)

    def dangling(self):
        """Names of op results that no later op reads, the latest excepted."""
        read = {o for _, _, operands, _ in self.insts for o in operands}
        return {name for name, _, _, _ in self.insts[:-1] if name not in read}

    def prune(self):
        """Drops the ops and inputs the last result does not depend on."""
        live = {self.insts[-1][0]}
        for name, _, operands, _ in reversed(self.insts):
            if name in live:
                live.update(operands)
        self.insts = [i for i in self.insts if i[0] in live]
        self.inputs = [i for i in self.inputs if i[0] in live]

    def shape(self):
        rank = self.rng.pick([0, 1, 1, 2, 2, 2, 3, 3])
        return tuple(self.rng.pick([1, 2, 2, 3, 3]) for _ in range(rank))

    def partner(self, shape):
        """A shape that broadcasts with `shape`: some axes set to 1, some of its 1s set larger (both operands then
        expand), leading axes dropped or added."""
        s = [(1 if self.rng.chance(0.25) else d) if d != 1 else self.rng.pick([1, 1, 2, 3]) for d in shape]
        if s and self.rng.chance(0.3):
            s = s[self.rng.below(len(s) + 1):]
        if len(s) < 3 and self.rng.chance(0.15):
            s = [self.rng.pick([2, 3])] + s
        return tuple(s)

    def axes(self, rank):
        """A non-empty set of distinct axes, some written negative."""
        chosen = [a for a in range(rank) if self.rng.chance(0.5)] or [self.rng.below(rank)]
        return [a - rank if self.rng.chance(0.3) else a for a in chosen]

    def axis(self, rank):
        a = self.rng.below(max(rank, 1))
        return a - max(rank, 1) if self.rng.chance(0.3) else a
