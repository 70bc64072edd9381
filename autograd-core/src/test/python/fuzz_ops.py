"""The op table of the differential fuzzer (make_fuzz_programs.py): for each op, how PyTorch computes it, which values
are too close to a kink or a domain edge to compare (a guard), and which results are known to be positive.

DifferentialFuzzTest (Java) maps the same op names to autograd4j's Tensor methods; the program text written to the
resource files uses these names and parameter spellings. Keep the two in step.
"""
import torch
import torch.nn.functional as F

KINK = 1e-3      # |x - kink| at least this: relu/abs/sign at 0, maximum ties, clamp bounds, where's condition
DOMAIN = 0.05    # log, sqrt, rsqrt, fractional powers: x at least this; reciprocal and division: |x| at least 0.1


def _ax(p, key="axes"):
    return tuple(p[key])


def _gap_ok(x, axes):
    """The two largest (and the two smallest) values of each reduced group differ by KINK: no tie to split."""
    if x.dim() == 0:
        return True
    axes = [a % x.dim() for a in axes]
    keep = [d for d in range(x.dim()) if d not in axes]
    y = x.permute(*keep, *axes).reshape(*[x.shape[d] for d in keep], -1)
    if y.shape[-1] < 2:
        return True
    s = y.sort(-1).values
    return bool(((s[..., -1] - s[..., -2]).min() >= KINK) and ((s[..., 1] - s[..., 0]).min() >= KINK))


def _is_int(p):
    return float(p) == int(p)


# name -> (torch function of (params, *xs), guard of (params, *xs) -> bool)
RUN = {
    # elementwise, one input
    "neg": lambda p, x: -x,
    "exp": lambda p, x: torch.exp(x),
    "log": lambda p, x: torch.log(x),
    "sqrt": lambda p, x: torch.sqrt(x),
    "rsqrt": lambda p, x: torch.rsqrt(x),
    "reciprocal": lambda p, x: torch.reciprocal(x),
    "abs": lambda p, x: torch.abs(x),
    "tanh": lambda p, x: torch.tanh(x),
    "sigmoid": lambda p, x: torch.sigmoid(x),
    "relu": lambda p, x: torch.relu(x),
    "softplus": lambda p, x: F.softplus(x),
    "erf": lambda p, x: torch.erf(x),
    "log1p": lambda p, x: torch.log1p(x),
    "expm1": lambda p, x: torch.expm1(x),
    "sin": lambda p, x: torch.sin(x),
    "cos": lambda p, x: torch.cos(x),
    "gelu": lambda p, x: F.gelu(x),
    "geluTanh": lambda p, x: F.gelu(x, approximate="tanh"),
    "silu": lambda p, x: F.silu(x),
    "logSigmoid": lambda p, x: F.logsigmoid(x),
    "square": lambda p, x: torch.square(x),
    "sign": lambda p, x: torch.sign(x),
    "leakyRelu": lambda p, x: F.leaky_relu(x, p["slope"]),
    "pow": lambda p, x: torch.pow(x, p["p"]),
    "clamp": lambda p, x: torch.clamp(x, p["lo"], p["hi"]),
    "addc": lambda p, x: x + p["c"],
    "subc": lambda p, x: x - p["c"],
    "mulc": lambda p, x: x * p["c"],
    "divc": lambda p, x: x / p["c"],
    # elementwise, broadcasting
    "add": lambda p, x, y: x + y,
    "sub": lambda p, x, y: x - y,
    "mul": lambda p, x, y: x * y,
    "div": lambda p, x, y: x / y,
    "maximum": lambda p, x, y: torch.maximum(x, y),
    "minimum": lambda p, x, y: torch.minimum(x, y),
    "powT": lambda p, x, y: torch.pow(x, y),
    "where": lambda p, c, x, y: torch.where(c > 0, x, y),
    "maskedFill": lambda p, x: x.masked_fill(p["mask"].bool(), p["value"]),
    # products
    "matmul": lambda p, x, y: torch.matmul(x, y),
    "dot": lambda p, x, y: torch.dot(x, y),
    "outer": lambda p, x, y: torch.outer(x, y),
    "addmm": lambda p, b, x, y: torch.addmm(b, x, y),
    # reductions
    "sumAll": lambda p, x: x.sum(),
    "sum": lambda p, x: x.sum(_ax(p), keepdim=p["keep"]),
    "meanAll": lambda p, x: x.mean(),
    "mean": lambda p, x: x.mean(_ax(p), keepdim=p["keep"]),
    "var": lambda p, x: torch.var(x, _ax(p), correction=p["correction"], keepdim=p["keep"]),
    "std": lambda p, x: torch.std(x, _ax(p), correction=p["correction"], keepdim=p["keep"]),
    "varAll": lambda p, x: torch.var(x),
    "stdAll": lambda p, x: torch.std(x),
    "norm": lambda p, x: torch.linalg.vector_norm(x, float(p["p"]), _ax(p), keepdim=p["keep"]),
    "normAll": lambda p, x: torch.linalg.vector_norm(x, float(p["p"])),
    "prod": lambda p, x: _prod(x, _ax(p), p["keep"]),
    "prodAll": lambda p, x: x.prod(),
    "amax": lambda p, x: torch.amax(x, _ax(p), keepdim=p["keep"]),
    "amin": lambda p, x: torch.amin(x, _ax(p), keepdim=p["keep"]),
    "amaxAll": lambda p, x: torch.amax(x),
    "aminAll": lambda p, x: torch.amin(x),
    "max": lambda p, x: x.max(p["axis"], keepdim=p["keep"]).values,
    "min": lambda p, x: x.min(p["axis"], keepdim=p["keep"]).values,
    "maxAll": lambda p, x: x.max(),
    "minAll": lambda p, x: x.min(),
    "logSumExp": lambda p, x: torch.logsumexp(x, _ax(p), keepdim=p["keep"]),
    "logSumExpAll": lambda p, x: torch.logsumexp(x.reshape(-1), 0),
    "softmax": lambda p, x: torch.softmax(x, p["axis"]),
    "logSoftmax": lambda p, x: torch.log_softmax(x, p["axis"]),
    "cumsum": lambda p, x: torch.cumsum(x, p["axis"]),
    # shape
    "reshape": lambda p, x: x.reshape(tuple(p["shape"])),
    "transpose": lambda p, x: x.transpose(p["a"], p["b"]),
    "permute": lambda p, x: x.permute(*p["axes"]),
    "broadcastTo": lambda p, x: x.broadcast_to(tuple(p["shape"])),
    "unsqueeze": lambda p, x: x.unsqueeze(p["axis"]),
    "squeeze": lambda p, x: x.squeeze(p["axis"]),
    "squeezeAll": lambda p, x: x.squeeze(),
    "flatten": lambda p, x: x.flatten(p["start"], p["end"]),
    "flattenAll": lambda p, x: x.reshape(-1),
    "slice": lambda p, x: x.narrow(p["axis"], p["from"], p["to"] - p["from"]),
    "concat": lambda p, x, y: torch.cat([x, y], p["axis"]),
    "stack": lambda p, x, y: torch.stack([x, y], p["axis"]),
    "flip": lambda p, x: x.flip(_ax(p)),
    "repeat": lambda p, x: x.repeat(*p["reps"]),
    "tile": lambda p, x: x.tile(tuple(p["reps"])),
    "indexSelect": lambda p, x: torch.index_select(x, p["axis"], torch.tensor(p["indices"])),
    "index": lambda p, x: x[torch.tensor(p["rows"])],
    "gather": lambda p, x: torch.gather(x, p["axis"], p["index"].long()),
    "scatterAdd": lambda p, x, y: x.scatter_add(p["axis"], p["index"].long(), y),
    "chunk": lambda p, x: x.chunk(p["chunks"], p["axis"])[p["piece"]],
    "scatter": lambda p, x, y: x.scatter(p["axis"], p["index"].long(), y),
    "scatterValue": lambda p, x: x.scatter(p["axis"], p["index"].long(), p["value"]),
    "splitSizes": lambda p, x: x.split(p["sizes"], p["axis"])[p["piece"]],
    "einsum": lambda p, x, y: torch.einsum(p["equation"], x, y),
    "detach": lambda p, x: x.detach(),
    "transposeLast": lambda p, x: x.transpose(-2, -1),
    "sumAxis": lambda p, x: x.sum(p["axis"], keepdim=p["keep"]),
    "meanAxis": lambda p, x: x.mean(p["axis"], keepdim=p["keep"]),
    "logSumExpAxis": lambda p, x: torch.logsumexp(x, p["axis"], keepdim=p["keep"]),
    "cast": lambda p, x: x.to(torch.float64 if p["dtype"] == "float64" else torch.float32),
    "split": lambda p, x: x.split(p["size"], p["axis"])[p["piece"]],
}


def _prod(x, axes, keep):
    # torch.prod takes one axis at a time; reduce the highest first so the lower ones keep their numbers
    for a in sorted((a % x.dim() for a in axes), reverse=True):
        x = x.prod(a, keepdim=True)
    if not keep:
        x = x.squeeze([a % (x.dim()) for a in axes]) if axes else x
    return x


def _away(x, at):
    return bool(((x - at).abs() >= KINK).all())


GUARD = {
    # PyTorch's F.softplus (threshold 20) returns x itself above 20: first derivative 1, second 0. autograd4j's is
    # exact there (sigma(x), sigma(x)(1 - sigma(x))), and must stay so: logSigmoid and the logits losses are built on
    # it, and PyTorch computes those exactly. The values differ by under 2e-9, but a Hessian-vector product through a
    # chain that magnifies it does not (issue 11 note), so inputs above 20 are left out.
    "softplus": lambda p, x: bool((x <= 20 - KINK).all()),
    "log": lambda p, x: bool((x >= DOMAIN).all()),
    "sqrt": lambda p, x: bool((x >= DOMAIN).all()),
    "rsqrt": lambda p, x: bool((x >= DOMAIN).all()),
    "reciprocal": lambda p, x: bool((x.abs() >= 0.1).all()),
    "log1p": lambda p, x: bool((x >= DOMAIN - 1).all()),
    "abs": lambda p, x: _away(x, 0),
    "relu": lambda p, x: _away(x, 0),
    "sign": lambda p, x: _away(x, 0),
    "leakyRelu": lambda p, x: _away(x, 0),
    "pow": lambda p, x: bool((x >= DOMAIN).all()) if not _is_int(p["p"]) else (
        p["p"] >= 0 or bool((x.abs() >= 0.1).all())),
    "clamp": lambda p, x: _away(x, p["lo"]) and _away(x, p["hi"]),
    "div": lambda p, x, y: bool((y.abs() >= 0.1).all()),
    "maximum": lambda p, x, y: _away(x - y, 0),
    "minimum": lambda p, x, y: _away(x - y, 0),
    "powT": lambda p, x, y: bool((x >= DOMAIN).all()),
    "where": lambda p, c, x, y: _away(c, 0),
    "std": lambda p, x: bool((torch.std(x, _ax(p), correction=p["correction"]) >= DOMAIN).all()),
    "stdAll": lambda p, x: bool(torch.std(x) >= DOMAIN),
    "norm": lambda p, x: _norm_ok(p, x, _ax(p)),
    "normAll": lambda p, x: _norm_ok(p, x, tuple(range(x.dim()))),
    "amax": lambda p, x: _gap_ok(x, _ax(p)),
    "amin": lambda p, x: _gap_ok(x, _ax(p)),
    "amaxAll": lambda p, x: _gap_ok(x, range(x.dim())),
    "aminAll": lambda p, x: _gap_ok(x, range(x.dim())),
    "max": lambda p, x: _gap_ok(x, [p["axis"]]),
    "min": lambda p, x: _gap_ok(x, [p["axis"]]),
    "maxAll": lambda p, x: _gap_ok(x, range(x.dim())),
    "minAll": lambda p, x: _gap_ok(x, range(x.dim())),
}


def _norm_ok(p, x, axes):
    if p["p"] == "inf":
        return _gap_ok(x.abs(), axes) and _away(x, 0)
    if p["p"] == 1:
        return _away(x, 0)
    return bool((torch.linalg.vector_norm(x, 2, axes) >= DOMAIN).all()) if x.dim() else _away(x, 0)


# ops whose result is positive when every (listed) input is; None: positive whatever the input
POSITIVE_ALWAYS = {"exp", "softplus", "sigmoid", "softmax", "sqrt", "rsqrt", "std", "stdAll", "norm", "normAll"}
POSITIVE_KEEPS = {"reciprocal", "pow", "mul", "div", "add", "maximum", "minimum", "matmul", "dot", "outer", "sumAll",
                  "sum", "meanAll", "mean", "prod", "prodAll", "amax", "amin", "amaxAll", "aminAll", "max", "min",
                  "maxAll", "minAll", "cumsum", "reshape", "transpose", "permute", "broadcastTo", "unsqueeze",
                  "squeeze", "squeezeAll", "flatten", "flattenAll", "slice", "concat", "stack", "flip", "repeat",
                  "tile", "indexSelect", "index", "gather", "chunk", "split", "where", "scatterAdd", "powT", "cast",
                  "scatter", "splitSizes", "einsum", "detach", "transposeLast", "sumAxis", "meanAxis"}
