"""Random programs for the differential fuzzer: 2 to 8 ops over broadcastable shapes of rank 0 to 3 (dimensions 1 to
3), each op's arguments valid for its operands' shapes. Used by make_fuzz_programs.py; every choice is drawn from a
SplitMix64 stream, so a program is a function of its seed.
"""
import torch

from fuzz_program import Program, SplitMix64

# ---------------------------------------------------------------- one op at a time

UNARY = ["neg", "exp", "tanh", "sigmoid", "softplus", "erf", "expm1", "sin", "cos", "gelu", "geluTanh", "silu",
         "logSigmoid", "square", "abs", "relu", "sign"]
NEEDS_POSITIVE = ["log", "sqrt", "rsqrt", "reciprocal", "log1p"]
BINARY = ["add", "sub", "mul", "div", "maximum", "minimum"]


def positive_operand(prog):
    """The current value if known positive, else the current value through softplus, exp or sigmoid."""
    x = prog.current()
    if x.positive:
        return x
    return prog.emit(prog.rng.pick(["softplus", "exp", "sigmoid"]), [x], {})


def other(prog, shape, positive=False, dtype=None):
    """A second operand whose shape broadcasts with `shape`: an earlier value that fits, or a new input; in a mixed
    program often a float64 0-d tensor, which does not decide the result's dtype when `shape` has dimensions."""
    if prog.dtype == "mixed" and dtype is None and prog.rng.chance(0.5):
        scalars = [v for v in prog.values if v.shape == () and v.dtype == "float64" and (v.positive or not positive)]
        if scalars and prog.rng.chance(0.3):
            return prog.rng.pick(scalars)
        return prog.fresh((), positive, "float64")
    fits = [v for v in prog.values if _broadcasts(v.shape, shape) and (v.positive or not positive)
            and (dtype is None or v.dtype == dtype)]
    # a result nothing uses yet, so that no op is dead code
    unused = [v for v in fits if v.name in prog.dangling()]
    if unused and prog.rng.chance(0.8):
        return prog.rng.pick(unused)
    if fits and prog.rng.chance(0.4):
        return prog.rng.pick(fits)
    return prog.fresh(prog.partner(shape), positive, dtype)


def _broadcasts(a, b):
    return all(x == y or x == 1 or y == 1 for x, y in zip(reversed(a), reversed(b)))


def g_unary(prog):
    return prog.emit(prog.rng.pick(UNARY), [prog.current()], {})


def g_positive(prog):
    x = positive_operand(prog)
    return x and prog.emit(prog.rng.pick(NEEDS_POSITIVE), [x], {})


def g_param_unary(prog):
    r = prog.rng
    kind = r.pick(["leakyRelu", "pow", "clamp", "addc", "subc", "mulc", "divc"])
    if kind == "pow":
        p = r.pick([2.0, 3.0, -1.0, 0.5, 1.5, -0.5, 2.5])
        x = prog.current() if _is_whole(p) else positive_operand(prog)
        return x and prog.emit("pow", [x], {"p": p})
    x = prog.current()
    if kind == "leakyRelu":
        return prog.emit(kind, [x], {"slope": r.pick([0.01, 0.1, 0.3])})
    if kind == "clamp":
        lo = r.pick([-1.5, -0.5, 0.0, 0.25])
        return prog.emit(kind, [x], {"lo": lo, "hi": lo + r.pick([0.5, 1.0, 2.5])})
    c = r.pick([-1.5, -0.5, 0.25, 0.75, 2.0, 3.0])
    return prog.emit(kind, [x], {"c": c})


def _is_whole(p):
    return float(p) == int(p)


def g_binary(prog):
    op = prog.rng.pick(BINARY)
    x = prog.current()
    y = other(prog, x.shape, positive=op == "div")
    if y is x and op in ("maximum", "minimum"):
        y = prog.fresh(prog.partner(x.shape))  # maximum(x, x) ties everywhere
    if prog.rng.chance(0.5):
        x, y = (y, x) if op != "div" else (x, y)
    return prog.emit(op, [x, y], {})


def g_pow_tensor(prog):
    x = positive_operand(prog)
    return x and prog.emit("powT", [x, other(prog, x.shape)], {})


def g_where(prog):
    x = prog.current()
    return prog.emit("where", [other(prog, x.shape), x, other(prog, x.shape)], {})


def g_masked_fill(prog):
    x = prog.current()
    # The mask broadcasts to x's shape, never beyond it, so that the committed programs stay as generated. A larger
    # mask (x [1, 1, 1], mask [3, 1, 1] gives [3, 1, 1], as PyTorch) is covered by MaskedFillProperties.
    shape = tuple(d if prog.rng.chance(0.7) else 1 for d in x.shape[prog.rng.below(len(x.shape) + 1):])
    mask = torch.tensor([float(prog.rng.below(2)) for _ in range(_numel(shape))]).reshape(shape)
    return prog.emit("maskedFill", [x], {"mask": mask, "value": prog.rng.pick([-2.5, 0.5, 1.0])})


def _numel(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def g_big_matmul(prog):
    """A product above the size (512 multiply-adds, 128 in float32) from which BLAS computes it instead of Java."""
    r = prog.rng
    m, n = r.pick([(4, 8), (8, 8), (8, 4), (6, 6)])
    k = r.pick([9, 12, 16])
    x = prog.current()
    if len(x.shape) != 2 or x.shape[0] * x.shape[1] < 4 or r.chance(0.5):
        x = prog.fresh((m, k))
    else:
        x = prog.emit("reshape", [x], {"shape": [1, -1]})
        x = x and prog.emit("broadcastTo", [x], {"shape": [m, x.shape[1]]})
        if x is None:
            return None
    return prog.emit("matmul", [x, prog.fresh((x.shape[1], n))], {})


def g_matmul(prog):
    r = prog.rng
    x = prog.current()
    if len(x.shape) == 0:
        return None
    k = x.shape[-1]
    kind = r.pick(["matmul", "matmul", "dot", "outer", "addmm"])
    if kind == "dot" or kind == "outer":
        if len(x.shape) != 1:
            x = prog.emit("flattenAll", [x], {})
            if x is None:
                return None
        y = prog.fresh((x.shape[0] if kind == "dot" else r.pick([1, 2, 3]),))
        return prog.emit(kind, [x, y], {})
    if kind == "addmm":
        if len(x.shape) != 2:
            return None
        m = r.pick([1, 2, 3])
        bias = prog.fresh(r.pick([(m,), (1, m), (x.shape[0], m), (x.shape[0], 1), ()]))
        return prog.emit("addmm", [bias, x, prog.fresh((k, m))], {})
    m = r.pick([1, 2, 3])
    if r.chance(0.2):
        shape = (k,)
    elif len(x.shape) >= 2 and r.chance(0.4):
        shape = tuple(x.shape[-3:-2]) + (k, m) if r.chance(0.5) else (k, m)
    else:
        shape = (k, m)
    y = prog.fresh(shape)
    if r.chance(0.2) and len(x.shape) == 1:
        return prog.emit("matmul", [prog.fresh((m, k)), x], {})
    return prog.emit("matmul", [x, y], {})


REDUCE_AXES = ["sum", "mean", "var", "std", "norm", "prod", "amax", "amin", "logSumExp"]
REDUCE_ALL = ["sumAll", "meanAll", "varAll", "stdAll", "normAll", "prodAll", "amaxAll", "aminAll", "logSumExpAll",
              "maxAll", "minAll"]
ALONG_AXIS = ["max", "min", "softmax", "logSoftmax", "cumsum"]


def g_reduce(prog):
    r = prog.rng
    x = prog.current()
    rank = len(x.shape)
    if rank == 0 or r.chance(0.25):
        op = r.pick(REDUCE_ALL)
        if op in ("varAll", "stdAll") and _numel(x.shape) < 2:
            return None
        return prog.emit(op, [x], {"p": 2} if op == "normAll" else {})
    op = r.pick(REDUCE_AXES)
    p = {"axes": prog.axes(rank), "keep": r.chance(0.4)}
    if op in ("var", "std"):
        p = {"axes": p["axes"], "correction": r.pick([0, 1]), "keep": p["keep"]}
        if _numel([x.shape[a] for a in p["axes"]]) <= p["correction"]:
            return None
    if op == "norm":
        p = {"p": r.pick([1, 2, 2, "inf"]), "axes": p["axes"], "keep": p["keep"]}
    return prog.emit(op, [x], p)


def g_along_axis(prog):
    x = prog.current()
    op = prog.rng.pick(ALONG_AXIS)
    # a 0-d tensor takes axis 0 or -1, as in PyTorch
    return prog.emit(op, [x], {"axis": prog.axis(len(x.shape))} if op in ("softmax", "logSoftmax", "cumsum")
                     else {"axis": prog.axis(len(x.shape)), "keep": prog.rng.chance(0.4)})


def g_shape(prog):
    r = prog.rng
    x = prog.current()
    s = list(x.shape)
    rank = len(s)
    op = r.pick(["reshape", "transpose", "permute", "broadcastTo", "unsqueeze", "squeeze", "squeezeAll", "flatten",
                 "flattenAll", "slice", "flip", "repeat", "tile", "indexSelect", "index", "gather", "chunk",
                 "split"])
    if op == "reshape":
        return prog.emit(op, [x], {"shape": _factor(r, _numel(s))})
    if op == "unsqueeze":
        a = r.below(rank + 1)
        return prog.emit(op, [x], {"axis": a - rank - 1 if r.chance(0.3) else a})
    if op == "broadcastTo":
        target = [d if d != 1 or r.chance(0.3) else r.pick([2, 3]) for d in s]
        if len(target) < 3 and r.chance(0.5):
            target = [r.pick([1, 2, 3])] + target
        return prog.emit(op, [x], {"shape": target})
    if op in ("flattenAll", "squeezeAll"):
        return prog.emit(op, [x], {})
    if op in ("repeat", "tile"):
        reps = [r.pick([1, 2]) for _ in range(rank + (r.below(2) if op == "repeat" else r.below(2) - r.below(2)))]
        if (op == "repeat" and len(reps) < rank) or not reps:
            return None
        return prog.emit(op, [x], {"reps": reps})
    if rank == 0:
        return None
    if op == "transpose":
        return prog.emit(op, [x], {"a": prog.axis(rank), "b": prog.axis(rank)})
    if op == "permute":
        axes = list(range(rank))
        for i in range(rank - 1, 0, -1):
            j = r.below(i + 1)
            axes[i], axes[j] = axes[j], axes[i]
        return prog.emit(op, [x], {"axes": axes})
    if op == "squeeze":
        ones = [a for a in range(rank) if s[a] == 1]
        return ones and prog.emit(op, [x], {"axis": r.pick(ones)})
    if op == "flatten":
        a, b = sorted([r.below(rank), r.below(rank)])
        return prog.emit(op, [x], {"start": a, "end": b})
    if op == "flip":
        return prog.emit(op, [x], {"axes": prog.axes(rank)})
    a = r.below(rank)
    n = s[a]
    if op == "slice":
        lo = r.below(n)
        return prog.emit(op, [x], {"axis": a, "from": lo, "to": lo + 1 + r.below(n - lo)})
    if op in ("indexSelect", "index"):
        idx = [r.below(n if op == "indexSelect" else s[0]) for _ in range(1 + r.below(3))]
        return prog.emit(op, [x], {"axis": a, "indices": idx} if op == "indexSelect" else {"rows": idx})
    if op == "gather":
        shape = [(1 + r.below(d)) if i != a else 1 + r.below(3) for i, d in enumerate(s)]
        index = torch.tensor([float(r.below(n)) for _ in range(_numel(shape))]).reshape(shape)
        return prog.emit(op, [x], {"axis": a, "index": index})
    if op == "chunk":
        chunks = 1 + r.below(3)
        pieces = len(torch.ones(n).chunk(chunks))
        return prog.emit(op, [x], {"chunks": chunks, "axis": a, "piece": r.below(pieces)})
    size = 1 + r.below(n)
    return prog.emit("split", [x], {"size": size, "axis": a, "piece": r.below(-(-n // size))})


def _factor(r, n):
    """A random shape with n elements, possibly with one -1."""
    dims, left = [], n
    while left > 1 and len(dims) < 3:
        d = r.pick([f for f in range(2, left + 1) if left % f == 0])
        dims.append(d)
        left //= d
    if left > 1:
        dims[-1] *= left
    while len(dims) < 3 and r.chance(0.3):
        dims.insert(r.below(len(dims) + 1), 1)
    if dims and r.chance(0.3):
        dims[r.below(len(dims))] = -1
    return dims


def g_join(prog):
    r = prog.rng
    x = prog.current()
    rank = len(x.shape)
    op = r.pick(["concat", "stack", "scatterAdd"])
    if op == "stack":
        a = r.below(rank + 1)
        return prog.emit(op, [x, _same_shape(prog, x.shape)], {"axis": a - rank - 1 if r.chance(0.3) else a})
    if rank == 0:
        return None
    a = r.below(rank)
    if op == "concat":
        shape = list(x.shape)
        shape[a] = r.pick([1, 2])
        y = prog.fresh(shape)
        return prog.emit(op, [x, y] if r.chance(0.5) else [y, x], {"axis": a - rank if r.chance(0.3) else a})
    # scatterAdd: index and src of one shape, no larger than x off the axis; repeated positions add up
    shape = [(1 + r.below(d)) if i != a else 1 + r.below(3) for i, d in enumerate(x.shape)]
    index = torch.tensor([float(r.below(x.shape[a])) for _ in range(_numel(shape))]).reshape(shape)
    return prog.emit(op, [x, prog.fresh(shape)], {"axis": a, "index": index})


def g_scatter(prog):
    """scatter with a tensor or a scalar: positions distinct along the axis (PyTorch leaves the winner of a repeated
    position unspecified); src has the index's shape (PyTorch's backward fails for a larger src)."""
    r = prog.rng
    x = prog.current()
    if not x.shape:
        return None
    rank = len(x.shape)
    a = r.below(rank)
    n = x.shape[a]
    shape = [(1 + r.below(d)) if i != a else 1 + r.below(n) for i, d in enumerate(x.shape)]
    index = torch.zeros(shape)
    moved = index.movedim(a, -1)  # a view: writing a row of it writes the positions along the axis
    for row in _rows(moved):
        row.copy_(torch.tensor([float(i) for i in _permutation(r, n)[:shape[a]]]))
    if r.chance(0.3):
        return prog.emit("scatterValue", [x], {"axis": a, "index": index, "value": r.pick([-1.5, 0.5, 2.0])})
    return prog.emit("scatter", [x, prog.fresh(shape)], {"axis": a, "index": index})


def _rows(t):
    """Every 1-D slice of t along its last axis, as views."""
    if t.dim() == 1:
        return [t]
    return [row for sub in t for row in _rows(sub)]


def _permutation(r, n):
    p = list(range(n))
    for i in range(n - 1, 0, -1):
        j = r.below(i + 1)
        p[i], p[j] = p[j], p[i]
    return p


def g_einsum(prog):
    """Two operands with distinct letters each: shared ones contracted or kept, the rest summed or kept."""
    r = prog.rng
    x = prog.current()
    if not x.shape:
        return None
    letters = "abcd"[:len(x.shape)]
    shared = [c for c in letters if r.chance(0.6)]
    own = "efg"[:r.below(3)]
    sizes = dict(zip(letters, x.shape))
    sizes.update({c: r.pick([1, 2, 3]) for c in own})
    ys = shared + list(own)
    order = _permutation(r, len(ys))
    ys = "".join(ys[i] for i in order)
    every = sorted(set(letters) | set(ys))
    out = "".join(c for c in every if r.chance(0.5))
    out = "".join(out[i] for i in _permutation(r, len(out)))
    y = prog.fresh(tuple(sizes[c] for c in ys))
    return prog.emit("einsum", [x, y], {"equation": letters + "," + ys + "->" + out})


def g_more(prog):
    """Single-axis reductions, detach, the last two axes swapped, split into given sizes."""
    r = prog.rng
    x = prog.current()
    rank = len(x.shape)
    op = r.pick(["sumAxis", "meanAxis", "logSumExpAxis", "detach", "transposeLast", "splitSizes"])
    if op == "detach":
        # x * x.detach(): the detached factor's values count, its gradient does not
        d = prog.emit(op, [x], {})
        return d and prog.emit("mul", [x, d], {})
    if op == "transposeLast":
        return prog.emit(op, [x], {}) if rank >= 2 else None
    if op == "splitSizes":
        if rank == 0:
            return None
        a = r.below(rank)
        sizes, left = [], x.shape[a]
        while left:
            sizes.append(1 + r.below(left))
            left -= sizes[-1]
        return prog.emit(op, [x], {"sizes": sizes, "axis": a, "piece": r.below(len(sizes))})
    return prog.emit(op, [x], {"axis": prog.axis(rank), "keep": r.chance(0.4)})


def _same_shape(prog, shape):
    same = [v for v in prog.values if v.shape == tuple(shape)]
    return prog.rng.pick(same) if same and prog.rng.chance(0.3) else prog.fresh(shape)


def g_cast(prog):
    if prog.dtype != "mixed":
        return None
    x = prog.current()
    return prog.emit("cast", [x], {"dtype": "float32" if x.dtype == "float64" else "float64"})


# family -> weight
FAMILIES = [(g_unary, 6), (g_positive, 3), (g_param_unary, 3), (g_binary, 6), (g_pow_tensor, 1), (g_where, 1),
            (g_masked_fill, 1), (g_matmul, 2), (g_reduce, 4), (g_along_axis, 2), (g_shape, 5), (g_join, 2),
            (g_scatter, 1), (g_einsum, 1), (g_more, 2), (g_cast, 1), (g_big_matmul, 1)]


def generate(seed, dtype):
    """A program of 2 to 8 ops over one to several inputs, all of `dtype` (float64 or float32), or float32 inputs
    and float64 0-d ones (mixed); a positivity op put before log or sqrt counts as one of the ops."""
    rng = SplitMix64(seed)
    prog = Program(rng, dtype)
    if dtype == "mixed" and rng.chance(0.2):
        prog.fresh((), positive=rng.chance(0.3), dtype="float64")
    else:
        prog.fresh(prog.shape(), positive=rng.chance(0.3))
    target = 2 + rng.below(6)
    total = sum(w for _, w in FAMILIES)
    tries = 0
    while len(prog.insts) < target and tries < 200:
        tries += 1
        pick = rng.below(total)
        for family, w in FAMILIES:
            if pick < w:
                break
            pick -= w
        family(prog)
    if not prog.insts:
        return None
    prog.prune()
    if prog.dtype == "mixed" and all(dt == "float32" for _, dt, _, _, _ in prog.inputs):
        return None
    return prog if len(prog.insts) >= 2 else None
