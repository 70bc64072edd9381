"""Writes the differential fuzzer's reference files: random programs and PyTorch's numbers for them.

DifferentialFuzzTest (Java) reads the files, runs each program with autograd4j and compares. The files are committed;
only regenerating them needs Python and PyTorch (2.x). From the repository root:

    python3 autograd-core/src/test/python/make_fuzz_programs.py autograd-core/src/test/resources/org/autograd4j/core

A program (fuzz_generate.py) is 2 to 8 ops over inputs of rank 0 to 3, drawn from its seed. Its input values, the
direction v_i of each input and the loss weights w are drawn from a second seed (`values=`) by SplitMix64, which the
Java test implements bit for bit, so no input is stored: for input i, element by element, lo + (hi - lo) * u with u
the top 53 bits of the next draw over 2^53; then every input's direction (-1 + 2u); then w (-1 + 2u), of the output's
shape. FLOAT32 tensors round these doubles to nearest. Stored: out, g_i = dL/dx_i for L = sum(w * out), the
Hessian-vector products h_i = d/dx_i sum_j <g_j, v_j>, and dL/dv for every intermediate result v (igrad), float64
numbers with 17 significant digits, float32 with 9 (both round-trip exactly).

Values are drawn again (a new values seed) until they are off every kink (fuzz_ops.GUARD) and the program is
well-conditioned there: the same program run in float32 and in float64 agrees to 1e-5 (|a - b| <= 1e-5 (1 + |b|)),
ten times tighter than the float32 tolerance, so that two correct implementations cannot differ by more than the
tolerances only through rounding. A program whose values keep failing is replaced by the next seed's.
"""
import os
import sys

import torch

from fuzz_generate import generate
from fuzz_program import SplitMix64
from fuzz_ops import GUARD, RUN

SCREEN = 1e-5        # float32 run against float64 run, before a program is accepted
MAX_VALUE = 1e4      # every intermediate value
MAX_RESULT = 1e6     # output, gradients, Hessian-vector products

# file -> list of (master seed, dtype, count)
SETS = {
    "fuzz-programs.txt": [(0x5EED_0064, "float64", 200), (0x5EED_0032, "float32", 100)],
    "fuzz-programs-wide.txt": [(0xF022_0064, "float64", 2000), (0xF022_0032, "float32", 1000)],
    # float32 with float64 0-d tensors: PyTorch's promotion (a 0-d tensor does not decide the float type of an
    # operation with a tensor that has dimensions; issue 11)
    "fuzz-programs-mixed.txt": [(0x313E_D000, "mixed", 150)],
}


class Rejected(Exception):
    pass


def torch_dtype(name):
    return torch.float64 if name == "float64" else torch.float32


def draw(rng, n, lo, hi):
    return [lo + (hi - lo) * rng.uniform() for _ in range(n)]


def tensor(values, shape, dtype):
    # doubles first, then rounded to the dtype: what Java's (float) cast does
    return torch.tensor(values, dtype=torch.float64).reshape(shape).to(dtype)


def run(prog, values_seed, dtype_of):
    """Runs the program on the values the seed gives, each input in dtype_of(its dtype); out, grads, hvps, loss."""
    rng = SplitMix64(values_seed)
    xs, vs = [], []
    for name, dt, shape, lo, hi in prog.inputs:
        n = 1
        for d in shape:
            n *= d
        xs.append(tensor(draw(rng, n, lo, hi), shape, dtype_of(dt)).requires_grad_(True))
    for x, (name, dt, shape, lo, hi) in zip(xs, prog.inputs):
        vs.append(tensor(draw(rng, x.numel(), -1.0, 1.0), shape, dtype_of(dt)))
    env = {name: x for x, (name, *_) in zip(xs, prog.inputs)}
    for name, op, operands, params in prog.insts:
        args = [env[o] for o in operands]
        guard = GUARD.get(op)
        if guard and not guard(params, *[a.detach().double() for a in args]):
            raise Rejected("kink: " + op)
        out = RUN[op](params, *args)
        if not torch.isfinite(out).all() or out.abs().max() > MAX_VALUE:
            raise Rejected("value: " + op)
        env[name] = out
    out = env[prog.insts[-1][0]]
    w = tensor(draw(rng, out.numel(), -1.0, 1.0), out.shape, out.dtype)
    loss = (w * out).sum()
    # dL/dv for every intermediate result too, first order: gradients with respect to non-leaf tensors. Not for a
    # result that is its operand's tensor object: PyTorch's flatten(a, a) returns self, where autograd4j returns a
    # new tensor (an op never returns its input, issue 11), so there dL/dv means another thing on either side.
    inames = [name for name, _, operands, _ in prog.insts[:-1]
              if env[name].requires_grad and all(env[name] is not env[o] for o in operands)]
    igrads = torch.autograd.grad(loss, [env[n] for n in inames], retain_graph=True, allow_unused=True) if inames else []
    igrads = [torch.zeros_like(env[n]) if g is None else g for n, g in zip(inames, igrads)]
    grads = torch.autograd.grad(loss, xs, create_graph=True, allow_unused=True)
    grads = [torch.zeros_like(x) if g is None else g for x, g in zip(xs, grads)]
    inner = None
    for g, v in zip(grads, vs):
        term = (g * v).sum()
        inner = term if inner is None else inner + term
    hvps = [torch.zeros_like(x) for x in xs]
    if inner.requires_grad:
        hs = torch.autograd.grad(inner, xs, allow_unused=True)
        hvps = [torch.zeros_like(x) if h is None else h for x, h in zip(xs, hs)]
    results = [t.detach().clone() for t in [out] + grads + hvps + igrads]
    for t in results:
        if not torch.isfinite(t).all() or (t.numel() and t.abs().max() > MAX_RESULT):
            raise Rejected("result too large")
    return results, inames


def close(a, b, tol):
    a, b = a.double().reshape(-1), b.double().reshape(-1)
    return bool(((a - b).abs() <= tol * (1 + b.abs())).all())


def accept(prog, values_seed):
    """PyTorch's numbers for the program at these values, or Rejected."""
    own = run(prog, values_seed, torch_dtype)
    if prog.dtype == "float64":
        # a float32 run of a float64 program: the inputs rounded, every op in float32
        other = run(prog, values_seed, lambda dt: torch.float32)
        reference = own
    else:
        other = own
        reference = run(prog, values_seed, lambda dt: torch.float64)
    for a, b in zip(other[0], reference[0]):
        if not close(a, b, SCREEN):
            raise Rejected("ill-conditioned")
    return own


def number(v, dtype):
    return ("%.17g" if dtype == torch.float64 else "%.9g") % v


def numbers(t):
    return " ".join(number(v, t.dtype) for v in t.reshape(-1).tolist())


def shape_text(shape):
    return "[" + ",".join(str(d) for d in shape) + "]"


def param_text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, torch.Tensor):
        return shape_text(v.shape) + ":" + ",".join(str(int(x)) for x in v.reshape(-1).tolist())
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(str(x) for x in v) + "]"
    return repr(v) if isinstance(v, float) else str(v)


def program_text(prog):
    lines = []
    for name, dt, shape, lo, hi in prog.inputs:
        lines.append("%s = input %s %s %r %r" % (name, dt, shape_text(shape), lo, hi))
    for name, op, operands, params in prog.insts:
        lines.append(" ".join([name, "=", op] + operands + ["%s=%s" % (k, param_text(v)) for k, v in params.items()]))
    return lines


def write_set(path, specs, stats):
    with open(path, "w") as f:
        f.write("# generated by make_fuzz_programs.py with PyTorch %s; do not edit\n" % torch.__version__)
        index = 0
        for master, dtype, count in specs:
            seeds = SplitMix64(master)
            made = 0
            while made < count:
                seed = seeds.next()
                prog = generate(seed, dtype)
                if prog is None:
                    stats["no program"] = stats.get("no program", 0) + 1
                    continue
                tries = SplitMix64(seed ^ 0xA5A5_A5A5_A5A5_A5A5)
                for _ in range(8):
                    values_seed = tries.next()
                    try:
                        results, inames = accept(prog, values_seed)
                        break
                    except Rejected as e:
                        key = str(e)
                        stats[key] = stats.get(key, 0) + 1
                    except RuntimeError as e:
                        stats["torch: " + str(e)[:60]] = stats.get("torch: " + str(e)[:60], 0) + 1
                        results = None
                        break
                else:
                    results = None
                if results is None:
                    continue
                n = len(prog.inputs)
                f.write("program %d %s seed=%016x values=%016x\n" % (index, dtype, seed, values_seed))
                for line in program_text(prog):
                    f.write(line + "\n")
                out = results[0]
                f.write("value %s %s %s\n" % (number_dtype(out), shape_text(out.shape), numbers(out)))
                for i in range(n):
                    f.write("grad %d %s\n" % (i, numbers(results[1 + i])))
                for i in range(n):
                    f.write("hvp %d %s\n" % (i, numbers(results[1 + n + i])))
                for name, g in zip(inames, results[1 + 2 * n:]):
                    f.write("igrad %s %s\n" % (name, numbers(g)))
                f.write("end\n")
                index += 1
                made += 1
                for name, op, operands, params in prog.insts:
                    stats["op " + op] = stats.get("op " + op, 0) + 1


def number_dtype(t):
    return "float64" if t.dtype == torch.float64 else "float32"


def main():
    out_dir = sys.argv[1]
    only = sys.argv[2:] or list(SETS)
    for name in only:
        stats = {}
        write_set(os.path.join(out_dir, name), SETS[name], stats)
        sys.stderr.write("%s: %s\n" % (name, ", ".join("%s %d" % kv for kv in sorted(stats.items()))))


if __name__ == "__main__":
    main()
