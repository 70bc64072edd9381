"""Writes pytorch-reference.txt: values, gradients and Hessian-vector products computed by PyTorch in float64.

PyTorchReferenceTest reads the file and checks that autograd4j computes the same numbers, to float64 precision, for
the same inputs. The file is committed; only regenerating it needs Python and PyTorch (any 2.x):

    python3 autograd-core/src/test/python/make_pytorch_reference.py \
        > autograd-core/src/test/resources/org/autograd4j/core/pytorch-reference.txt

For each case: inputs x_i; a fixed weight tensor w of the output's shape, so the loss L = sum(w * op(x)) is a scalar
whatever the output; g_i = dL/dx_i; fixed directions v_i; and h_i = d/dx_i sum_j <g_j, v_j>, the Hessian of L times v.
Inputs are drawn away from kinks and ties (relu at 0, equal maxima, clamp bounds), where the derivative is a
convention rather than a number.
"""
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
gen = torch.Generator().manual_seed(20261126)


def normal(*shape):
    return torch.randn(shape, generator=gen)


def away_from_zero(*shape, gap=0.2):
    x = normal(*shape)
    return x.sign() * (x.abs() + gap)


def positive(*shape):
    return torch.rand(shape, generator=gen) * 2 + 0.5


def distinct(*shape):
    # a random permutation of spaced values: no ties, so max/min have one winner
    n = 1
    for s in shape:
        n *= s
    return (torch.randperm(n, generator=gen).double() * 0.37 - n * 0.15).reshape(shape)


# name, op (as in the Java test), params (ints/floats written after the name), inputs, function of the inputs
CASES = [
    ("add", "add", [], [normal(3, 1), normal(4)], lambda a, b: a + b),
    ("add_same", "add", [], [normal(2, 3), normal(2, 3)], lambda a, b: a + b),
    ("sub", "sub", [], [normal(2, 3, 4), normal(3, 1)], lambda a, b: a - b),
    ("mul", "mul", [], [normal(2, 1, 4), normal(3, 4)], lambda a, b: a * b),
    ("mul_scalar_tensor", "mul", [], [normal(2, 3), normal()], lambda a, b: a * b),
    ("div", "div", [], [normal(3, 4), positive(4)], lambda a, b: a / b),
    ("neg", "neg", [], [normal(2, 3)], lambda a: -a),
    ("pow", "pow", [2.5], [positive(2, 3)], lambda a: a ** 2.5),
    ("pow_negative", "pow", [-1.5], [positive(4)], lambda a: a ** -1.5),
    ("square", "square", [], [normal(3, 2)], lambda a: a * a),
    ("maximum", "maximum", [], [normal(3, 4), normal(4) + 0.05], lambda a, b: torch.maximum(a, b)),
    ("minimum", "minimum", [], [normal(2, 3), normal(2, 1) + 0.05], lambda a, b: torch.minimum(a, b)),
    ("exp", "exp", [], [normal(2, 3)], torch.exp),
    ("log", "log", [], [positive(3, 2)], torch.log),
    ("sqrt", "sqrt", [], [positive(5)], torch.sqrt),
    ("abs", "abs", [], [away_from_zero(2, 3)], torch.abs),
    ("tanh", "tanh", [], [normal(3, 3)], torch.tanh),
    ("sigmoid", "sigmoid", [], [normal(2, 4) * 3], torch.sigmoid),
    ("relu", "relu", [], [away_from_zero(3, 4)], torch.relu),
    ("leaky_relu", "leakyRelu", [0.1], [away_from_zero(3, 4)], lambda a: F.leaky_relu(a, 0.1)),
    ("softplus", "softplus", [], [normal(2, 5) * 3], F.softplus),
    ("erf", "erf", [], [normal(2, 3)], torch.erf),
    ("clamp", "clamp", [-0.5, 0.5], [away_from_zero(3, 4, gap=0.0) * 0.9 + 0.013], lambda a: a.clamp(-0.5, 0.5)),
    ("matmul", "matmul", [], [normal(3, 4), normal(4, 2)], torch.matmul),
    ("matmul_batched", "matmul", [], [normal(2, 3, 4), normal(2, 4, 5)], torch.matmul),
    ("matmul_batch_broadcast", "matmul", [], [normal(2, 3, 4), normal(4, 2)], torch.matmul),
    ("matmul_vector_matrix", "matmul", [], [normal(4), normal(4, 3)], torch.matmul),
    ("matmul_matrix_vector", "matmul", [], [normal(3, 4), normal(4)], torch.matmul),
    ("addmm", "addmm", [], [normal(3), normal(4, 2), normal(2, 3)], torch.addmm),
    ("addmm_tanh", "addmmTanh", [], [normal(1, 3), normal(4, 2), normal(2, 3)],
     lambda b, x, w: torch.tanh(torch.addmm(b, x, w))),
    ("addmm_column_bias", "addmm", [], [normal(4, 1), normal(4, 2), normal(2, 3)], torch.addmm),
    ("transpose", "transpose", [0, 2], [normal(2, 3, 4)], lambda a: a.transpose(0, 2)),
    ("permute", "permute", [2, 0, 1], [normal(2, 3, 4)], lambda a: a.permute(2, 0, 1)),
    ("reshape", "reshape", [3, 4], [normal(2, 6)], lambda a: a.reshape(3, 4)),
    ("broadcast_to", "broadcastTo", [2, 3, 4], [normal(3, 1)], lambda a: a.broadcast_to(2, 3, 4)),
    ("concat", "concat", [1], [normal(2, 3), normal(2, 2)], lambda a, b: torch.cat([a, b], 1)),
    ("stack", "stack", [0], [normal(2, 3), normal(2, 3)], lambda a, b: torch.stack([a, b], 0)),
    ("slice", "slice", [1, 1, 3], [normal(2, 4, 3)], lambda a: a[:, 1:3]),
    ("index", "index", [2, 0, 2, 1], [normal(3, 4)], lambda a: a[torch.tensor([2, 0, 2, 1])]),
    ("gather", "gather", [1, 2, 0, 0, 1, 1, 2], [normal(2, 3)],
     lambda a: torch.gather(a, 1, torch.tensor([[2, 0, 0], [1, 1, 2]]))),
    ("slice_squared", "sliceSquared", [1, 1, 3], [normal(2, 4, 3)], lambda a: a[:, 1:3] ** 2),
    ("index_squared", "indexSquared", [2, 0, 2, 1], [normal(3, 4)], lambda a: a[torch.tensor([2, 0, 2, 1])] ** 2),
    ("gather_squared", "gatherSquared", [1, 2, 0, 0, 1, 1, 2], [normal(2, 3)],
     lambda a: torch.gather(a, 1, torch.tensor([[2, 0, 0], [1, 1, 2]])) ** 2),
    ("where", "where", [1, 0, 0, 1, 1, 0], [normal(2, 3), normal(3)],
     lambda a, b: torch.where(torch.tensor([[True, False, False], [True, True, False]]), a, b) ** 2),
    ("cast_round_trip", "castTimesSelf", [], [normal(2, 3)], lambda a: a.float().double() * a),
    ("sum_all", "sum", [], [normal(2, 3)], lambda a: a.sum()),
    ("sum_axis", "sumAxis", [1, 0], [normal(2, 3, 4)], lambda a: a.sum(1)),
    ("sum_axis_keep", "sumAxis", [0, 1], [normal(2, 3)], lambda a: a.sum(0, keepdim=True)),
    ("mean_all", "mean", [], [normal(3, 4)], lambda a: a.mean()),
    ("mean_axis", "meanAxis", [-1, 0], [normal(2, 3, 4)], lambda a: a.mean(-1)),
    ("max_axis", "maxAxis", [1, 0], [distinct(3, 4)], lambda a: a.max(1).values),
    ("min_axis_keep", "minAxis", [0, 1], [distinct(3, 4)], lambda a: a.min(0, keepdim=True).values),
    ("logsumexp", "logSumExp", [1, 0], [normal(3, 4) * 2], lambda a: torch.logsumexp(a, 1)),
    ("softmax", "softmax", [1], [normal(3, 4) * 2], lambda a: torch.softmax(a, 1)),
    ("log_softmax", "logSoftmax", [-1], [normal(2, 3, 4) * 2], lambda a: torch.log_softmax(a, -1)),
    ("log_softmax_axis0", "logSoftmax", [0], [normal(3, 2) * 2], lambda a: torch.log_softmax(a, 0)),
    ("cross_entropy_like", "crossEntropyLike", [], [normal(4, 3), normal(4, 3)],
     lambda a, b: -(torch.softmax(b, 1) * torch.log_softmax(a, 1)).sum(1).mean()),
    ("mlp", "mlp", [], [normal(5, 3), normal(3, 4), normal(4), normal(4, 2)],
     lambda x, w1, b1, w2: torch.tanh(x @ w1 + b1) @ w2),
    # PyTorch parity, part 2 (issue 12): elementwise
    ("log1p", "log1p", [], [positive(2, 3) - 0.9], torch.log1p),
    ("expm1", "expm1", [], [normal(2, 3)], torch.expm1),
    ("sin", "sin", [], [normal(3, 2) * 2], torch.sin),
    ("cos", "cos", [], [normal(3, 2) * 2], torch.cos),
    ("sign", "signTimesSelf", [], [away_from_zero(2, 3)], lambda a: torch.sign(a) * a),
    ("reciprocal", "reciprocal", [], [away_from_zero(2, 3)], torch.reciprocal),
    ("rsqrt", "rsqrt", [], [positive(4)], torch.rsqrt),
    ("gelu", "gelu", [], [normal(2, 4) * 2], F.gelu),
    ("gelu_tanh", "geluTanh", [], [normal(2, 4) * 2], lambda a: F.gelu(a, approximate="tanh")),
    ("silu", "silu", [], [normal(2, 4) * 2], F.silu),
    ("log_sigmoid", "logSigmoid", [], [normal(2, 4) * 5], F.logsigmoid),
    ("pow_tensor", "powTensor", [], [positive(2, 3), normal(2, 3)], torch.pow),
    ("pow_tensor_broadcast", "powTensor", [], [positive(3, 1), normal(4)], torch.pow),
    ("masked_fill", "maskedFill", [-2.5, 1, 0, 1], [normal(2, 3)],
     lambda a: a.masked_fill(torch.tensor([[True, False, True]]), -2.5) ** 2),
    # reductions over sets of axes; params: keepdim, then the axes (var/std: correction first; norm: p first, -1 = inf)
    ("sum_axes", "sumAxes", [0, 0, -1], [normal(2, 3, 4)], lambda a: a.sum((0, -1))),
    ("mean_axes_keep", "meanAxes", [1, 1, 2], [normal(2, 3, 4)], lambda a: a.mean((1, 2), keepdim=True)),
    ("var_all", "var", [], [normal(3, 4)], torch.var),
    ("var_axes", "varAxes", [0, 0, 1], [normal(3, 4, 2)], lambda a: torch.var(a, (1,), correction=0)),
    ("var_axes_bessel", "varAxes", [1, 1, 0, 2], [normal(3, 4, 2)],
     lambda a: torch.var(a, (0, 2), correction=1, keepdim=True)),
    ("std_all", "std", [], [normal(3, 4)], torch.std),
    ("std_axes", "stdAxes", [1, 0, -1], [normal(3, 4)], lambda a: torch.std(a, -1)),
    ("norm_all", "norm", [2, 0], [normal(3, 4)], torch.linalg.vector_norm),
    ("norm_frobenius", "norm", [2, 0, -2, -1], [normal(2, 3, 4)],
     lambda a: torch.linalg.matrix_norm(a, "fro")),
    ("norm_1", "norm", [1, 1, 1], [away_from_zero(3, 4)], lambda a: torch.linalg.vector_norm(a, 1, 1, keepdim=True)),
    ("norm_inf", "norm", [-1, 0, 0], [distinct(4, 3)], lambda a: torch.linalg.vector_norm(a, float("inf"), 0)),
    ("prod_all", "prod", [], [positive(2, 3)], torch.prod),
    ("prod_axes_zeros", "prodAxes", [0, 1], [torch.tensor([[2.0, 0.0, 3.0], [0.0, 0.0, 5.0], [1.5, -2.0, 0.5]])],
     lambda a: a.prod(1)),
    ("prod_axes_keep", "prodAxes", [1, 0, 2], [normal(2, 3, 2)],
     lambda a: a.prod(0, keepdim=True).prod(2, keepdim=True)),
    ("cumsum", "cumsum", [1], [normal(2, 4, 3)], lambda a: torch.cumsum(a, 1) ** 2),
    ("amax_ties", "amaxAxes", [0, 1], [torch.tensor([[1.0, 3.0, 3.0], [-2.0, -2.0, 0.5]])],
     lambda a: torch.amax(a, 1) ** 2),
    ("amin_axes", "aminAxes", [1, 0, 2], [distinct(2, 3, 2)], lambda a: torch.amin(a, (0, 2), keepdim=True) ** 2),
    ("logsumexp_all", "logSumExpAll", [], [normal(3, 4) * 3], lambda a: torch.logsumexp(a.reshape(-1), 0)),
    ("logsumexp_axes", "logSumExpAxes", [1, 0, 2], [normal(2, 3, 4) * 3],
     lambda a: torch.logsumexp(a, (0, 2), keepdim=True)),
    ("sum_scalar_axis", "sumScalarAxisTimesSelf", [], [normal()], lambda a: a.sum(-1, keepdim=True) * a),
    # shape and indexing
    ("squeeze_all", "squeezeAll", [], [normal(2, 1, 3, 1)], lambda a: a.squeeze()),
    ("flatten_range", "flattenRange", [1, 2], [normal(2, 3, 4, 2)], lambda a: a.flatten(1, 2)),
    ("index_select", "indexSelectSquared", [1, 2, 0, 2], [normal(3, 4)],
     lambda a: torch.index_select(a, 1, torch.tensor([2, 0, 2])) ** 2),
    # scatter params: axis, index rows, index columns, index values. src has the index's shape: PyTorch's backward
    # fails for a larger src (its gradient for src has the index's shape), which autograd4j allows
    ("scatter", "scatterSquared", [0, 2, 3, 0, 1, 2, 2, 0, 1], [normal(3, 3), normal(2, 3)],
     lambda a, b: a.scatter(0, torch.tensor([[0, 1, 2], [2, 0, 1]]), b) ** 2),
    ("scatter_add", "scatterAddSquared", [1, 2, 2, 0, 0, 2, 1], [normal(2, 3), normal(2, 2)],
     lambda a, b: a.scatter_add(1, torch.tensor([[0, 0], [2, 1]]), b) ** 2),
    ("flip", "flip", [0, 2], [normal(2, 3, 4)], lambda a: a.flip((0, 2))),
    ("repeat", "repeat", [2, 1, 2], [normal(2, 3)], lambda a: a.repeat(2, 1, 2) ** 2),
    ("tile", "tile", [2, 2], [normal(3)], lambda a: a.tile((2, 2)) ** 2),
    ("split", "splitJoined", [2, 1], [normal(2, 5)],
     lambda a: torch.cat([p * (i + 1) for i, p in enumerate(a.split(2, 1))], 1) ** 2),
    ("split_sizes", "splitSizesJoined", [0, 1, 3], [normal(4, 2)],
     lambda a: torch.cat([p * (i + 1) for i, p in enumerate(a.split([1, 3], 0))], 0) ** 2),
    ("chunk", "chunkJoined", [3, -1], [normal(2, 5)],
     lambda a: torch.cat([p * (i + 1) for i, p in enumerate(a.chunk(3, -1))], -1) ** 2),
    ("dot", "dot", [], [normal(4), normal(4)], torch.dot),
    ("outer", "outer", [], [normal(3), normal(2)], torch.outer),
    ("einsum_linear", "einsum:bi,oi->bo", [], [normal(3, 4), normal(2, 4)],
     lambda a, b: torch.einsum("bi,oi->bo", a, b)),
    ("einsum_attention", "einsum:bhqd,bhkd->bhqk", [], [normal(2, 2, 3, 4), normal(2, 2, 2, 4)],
     lambda a, b: torch.einsum("bhqd,bhkd->bhqk", a, b)),
    ("einsum_sum_away", "einsum:ij,jk->k", [], [normal(2, 3), normal(3, 2)],
     lambda a, b: torch.einsum("ij,jk->k", a, b)),
    ("matmul_4d_broadcast", "matmul", [], [normal(2, 1, 3, 4), normal(3, 4, 2)], torch.matmul),
    ("matmul_5d_vector", "matmul", [], [normal(2, 2, 1, 3, 4), normal(4)], torch.matmul),
    # trust (issue 11); fixed inputs, so the shared generator's draws for the cases above stay as they were.
    # A full max()/min() shares the gradient among tied extremes; a full-range view passes it on
    ("max_all_ties", "maxAll", [], [torch.tensor([[1.0, 3.0, 3.0], [-2.0, 3.0, 0.5]])], lambda a: a.max() ** 2),
    ("min_all_ties", "minAll", [], [torch.tensor([[-1.5, 2.0], [-1.5, 0.25]])], lambda a: a.min() ** 2),
    ("max_all_single", "maxAll", [], [torch.tensor([0.5, -1.0, 2.5])], lambda a: a.max() ** 2),
    ("broadcast_to_same", "broadcastTo", [2, 3], [torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -3.0]])],
     lambda a: a.broadcast_to(2, 3)),
    ("slice_full", "sliceSquared", [1, 0, 3], [torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -3.0]])],
     lambda a: a[:, 0:3] ** 2),
    # INT64 (issue 12), fixed inputs as above: argmax/argmin return int64 (the "dtype" line; no gradient), int64
    # indices pick and route the gradient as float-valued ones did, and int64 operands promote by PyTorch's categories
    ("argmax", "argmax", [1], [torch.tensor([[0.5, 2.0, -1.0, 1.5], [3.0, -2.0, 0.25, 1.0], [-1.0, -0.5, 4.0, 0.0]])],
     lambda a: a.argmax(1)),
    ("argmin", "argmin", [0], [torch.tensor([[0.5, 2.0, -1.0, 1.5], [3.0, -2.0, 0.25, 1.0], [-1.0, -0.5, 4.0, 0.0]])],
     lambda a: a.argmin(0)),
    ("gather_argmax", "gatherArgmaxSquared", [1], [torch.tensor([[0.5, 2.0, -1.0], [3.0, -2.0, 0.25]])],
     lambda a: torch.gather(a, 1, a.argmax(1, keepdim=True)) ** 2),
    ("index_select_int64", "indexSelectInt64Squared", [0, 2, 0, 2, 1],
     [torch.tensor([[0.5, -1.0], [1.5, 2.0], [-3.0, 0.25]])],
     lambda a: torch.index_select(a, 0, torch.tensor([2, 0, 2, 1])) ** 2),
    ("int64_promotion", "int64Promotion", [], [torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -3.0]])],
     lambda a: a * torch.tensor([[1, -2, 3]]) + torch.tensor([1, 2, 3]) / torch.tensor([2])),
]


def values(t):
    return " ".join(repr(float(v)) for v in (t.detach() + torch.zeros(t.shape)).reshape(-1).tolist())


def shape(t):
    return " ".join(str(d) for d in t.shape)


def main():
    print("# generated by make_pytorch_reference.py with PyTorch " + torch.__version__ + "; do not edit")
    for name, op, params, inputs, f in CASES:
        xs = [x.clone().requires_grad_(True) for x in inputs]
        out = f(*xs)
        if not out.dtype.is_floating_point:
            # an integer result (argmax): its values and dtype, no weight and no gradient
            print("case " + name)
            print("op " + op)
            print("params " + " ".join(repr(p) for p in params))
            for x in inputs:
                print("input [" + shape(x) + "] " + values(x))
            print("output [" + shape(out) + "] " + values(out.double()))
            print("dtype " + str(out.dtype).replace("torch.", ""))
            print("end")
            continue
        w = normal(*out.shape)
        loss = (w * out).sum()
        grads = torch.autograd.grad(loss, xs, create_graph=True, allow_unused=True)
        grads = [torch.zeros_like(x) if g is None else g for x, g in zip(xs, grads)]
        vs = [normal(*x.shape) for x in xs]
        inner = sum((g * v).sum() for g, v in zip(grads, vs))
        if inner.requires_grad:
            hvps = torch.autograd.grad(inner, xs, allow_unused=True)
            hvps = [torch.zeros_like(x) if h is None else h for x, h in zip(xs, hvps)]
        else:
            hvps = [torch.zeros_like(x) for x in xs]
        print("case " + name)
        print("op " + op)
        print("params " + " ".join(repr(p) for p in params))
        for x in inputs:
            print("input [" + shape(x) + "] " + values(x))
        print("weight [" + shape(w) + "] " + values(w))
        print("output [" + shape(out) + "] " + values(out.detach()))
        for g in grads:
            print("grad " + values(g.detach()))
        for v in vs:
            print("direction " + values(v))
        for h in hvps:
            print("hvp " + values(h))
        print("end")


if __name__ == "__main__":
    main()
