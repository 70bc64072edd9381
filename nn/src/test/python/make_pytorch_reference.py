"""Writes pytorch-nn-reference.txt: losses, optimizer trajectories and learning-rate schedules computed by PyTorch.

PyTorchNnReferenceTest reads the file and checks that autograd4j's nn computes the same numbers in float64. The file is
committed; only regenerating it needs Python and PyTorch (any 2.x):

    python3 nn/src/test/python/make_pytorch_reference.py \
        > nn/src/test/resources/org/autograd4j/nn/pytorch-nn-reference.txt

Line formats (values in row-major order, floats as Python's repr, exact in float64):
    loss NAME | pred [shape] values | target [shape] values | targetdtype int64 (integer targets only) | value v |
        grad values
    optim NAME | start values | grad values (one line per step, "step g...") | after each step: "param values"
    optgroups NAME | start0/start1 values (two parameters, one per group) | per step "grad0", "grad1" values, then
        "param0", "param1" values after the step
    sched NAME | lr values (the learning rate after each of 12 epochs) | lr1 values (the same for a second parameter
        group whose base rate is 0.02) | for cases named *momentum*, mom and mom1 values (each group's momentum)
    layer NAME | x [shape] values | gradout [shape] values | weight, bias values | then per training pass
        "y values", "gradx values", "gradweight values", "gradbias values", "runmean values", "runvar values";
        finally "evaly values" (the output in evaluation mode on x)
    embedding NAME | weight [shape] values | x [shape] indices | xdtype int64 | gradout [shape] values | y values |
        gradweight values
"""
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
gen = torch.Generator().manual_seed(1126)


def normal(*shape):
    return torch.randn(shape, generator=gen)


def values(t):
    return " ".join(repr(float(v)) for v in t.detach().reshape(-1).tolist())


def shape(t):
    return "[" + " ".join(str(d) for d in t.shape) + "]"


def loss_case(name, pred, target, f, extra=""):
    p = pred.clone().requires_grad_(True)
    value = f(p, target)
    (g,) = torch.autograd.grad(value, [p])
    print("loss " + name)
    if extra:
        print("extra " + extra)
    print("pred " + shape(pred) + " " + values(pred))
    print("target " + shape(target) + " " + values(target))
    if not target.dtype.is_floating_point:
        print("targetdtype " + str(target.dtype).replace("torch.", ""))
    print("value " + repr(float(value.detach())))
    print("grad " + values(g))
    print("end")


def losses():
    pred = normal(4, 3)
    target = normal(4, 3)
    loss_case("mse", pred, target, F.mse_loss)
    loss_case("mse_sum", pred, target, lambda p, t: F.mse_loss(p, t, reduction="sum"))
    loss_case("l1", pred, target + 0.05, F.l1_loss)
    loss_case("huber", pred * 2, target, lambda p, t: F.huber_loss(p, t, delta=1.0))
    loss_case("huber_delta", pred * 2, target, lambda p, t: F.huber_loss(p, t, delta=0.5))
    prob = torch.rand((4, 3), generator=gen) * 0.9 + 0.05
    bits = (torch.rand((4, 3), generator=gen) > 0.5).double()
    loss_case("bce", prob, bits, F.binary_cross_entropy)
    # Probabilities at and next to 0 and 1: logs clamped at -100, gradient (p - t) / max(p(1-p), 1e-12).
    edge_prob = torch.tensor([0.0, 1.0, 0.0, 1.0, 1e-13, 1 - 1e-13, 0.0, 1.0, 3.720076e-44, 1e-300, 1e-7, 0.5])
    edge_target = torch.tensor([1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.3, 0.7, 1.0, 1.0, 1.0, 0.0])
    loss_case("bce_edges", edge_prob, edge_target, F.binary_cross_entropy)
    loss_case("bce_edges_sum", edge_prob, edge_target, lambda p, t: F.binary_cross_entropy(p, t, reduction="sum"))
    loss_case("bce_logits", pred, bits, F.binary_cross_entropy_with_logits)
    pos_weight = torch.tensor([0.5, 2.0, 3.0])
    loss_case("bce_logits_pos_weight", pred, bits,
              lambda p, t: F.binary_cross_entropy_with_logits(p, t, pos_weight=pos_weight), values(pos_weight))
    labels = torch.tensor([2, 0, 1, 2])
    loss_case("cross_entropy", pred, labels.double(), lambda p, t: F.cross_entropy(p, t.long()))
    loss_case("cross_entropy_sum", pred, labels.double(), lambda p, t: F.cross_entropy(p, t.long(), reduction="sum"))
    weights = torch.tensor([0.2, 1.0, 3.0])
    loss_case("cross_entropy_weighted_smoothed", pred, labels.double(),
              lambda p, t: F.cross_entropy(p, t.long(), weight=weights, label_smoothing=0.1), values(weights))
    soft = torch.softmax(normal(4, 3), 1)
    loss_case("cross_entropy_probabilities", pred, soft, F.cross_entropy)
    loss_case("nll", torch.log_softmax(pred, 1), labels.double(), lambda p, t: F.nll_loss(p, t.long()))
    # INT64 targets (issue 12), the tensors above and no new draws: F.cross_entropy decides by the target's dtype
    loss_case("cross_entropy_int64", pred, labels, F.cross_entropy)
    loss_case("cross_entropy_int64_weighted_smoothed_sum", pred, labels,
              lambda p, t: F.cross_entropy(p, t, weight=weights, label_smoothing=0.1, reduction="sum"), values(weights))
    loss_case("nll_int64_weighted", torch.log_softmax(pred, 1), labels,
              lambda p, t: F.nll_loss(p, t, weight=weights), values(weights))


OPTIMIZERS = [
    ("sgd", lambda p: torch.optim.SGD(p, lr=0.1)),
    ("sgd_momentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)),
    ("sgd_dampening", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, dampening=0.1)),
    ("sgd_nesterov_decay", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)),
    ("rmsprop", lambda p: torch.optim.RMSprop(p, lr=0.01)),
    ("rmsprop_centered_momentum_decay",
     lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, momentum=0.5, centered=True, weight_decay=0.1)),
    ("adagrad", lambda p: torch.optim.Adagrad(p, lr=0.1)),
    ("adagrad_decay", lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.01, weight_decay=0.1,
                                                     initial_accumulator_value=0.1)),
    ("adam", lambda p: torch.optim.Adam(p, lr=0.01)),
    ("adam_amsgrad_decay", lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.8, 0.99), amsgrad=True, weight_decay=0.1)),
    ("adamw", lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1)),
    ("adamw_amsgrad", lambda p: torch.optim.AdamW(p, lr=0.01, amsgrad=True)),
]


def optimizers():
    start = normal(5)
    grads = [normal(5) for _ in range(10)]
    for name, make in OPTIMIZERS:
        p = start.clone().requires_grad_(True)
        opt = make([p])
        print("optim " + name)
        print("start " + values(start))
        for g in grads:
            p.grad = g.clone()
            opt.step()
            print("step " + values(g))
            print("param " + values(p))
        print("end")


def optimizer_groups():
    """AdamW with two parameter groups: decoupled weight decay on the weights, none on the bias, own betas there."""
    w = normal(2, 3)
    b = normal(3)
    grads = [(normal(2, 3), normal(3)) for _ in range(10)]
    pw = w.clone().requires_grad_(True)
    pb = b.clone().requires_grad_(True)
    opt = torch.optim.AdamW([{"params": [pw], "weight_decay": 0.1},
                             {"params": [pb], "weight_decay": 0.0, "lr": 0.02, "betas": (0.8, 0.99)}], lr=0.01)
    print("optgroups adamw_two_groups")
    print("start0 " + values(w))
    print("start1 " + values(b))
    for gw, gb in grads:
        pw.grad = gw.clone()
        pb.grad = gb.clone()
        opt.step()
        print("grad0 " + values(gw))
        print("grad1 " + values(gb))
        print("param0 " + values(pw))
        print("param1 " + values(pb))
    print("end")


def warmup_cosine(o):
    warmup = torch.optim.lr_scheduler.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=3)
    cosine = torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=9, eta_min=0.001)
    return torch.optim.lr_scheduler.SequentialLR(o, [warmup, cosine], milestones=[3])


def schedules():
    metrics = [1.0, 0.9, 0.95, 0.97, 0.96, 0.99, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9]
    cases = [
        ("step", lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5), False),
        ("exponential", lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.9), False),
        ("cosine", lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=5, eta_min=0.01), False),
        ("plateau", lambda o: torch.optim.lr_scheduler.ReduceLROnPlateau(o, mode="min", factor=0.5, patience=1,
                                                                          threshold=1e-4, cooldown=1, min_lr=0.02),
         True),
        ("multistep", lambda o: torch.optim.lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.5), False),
        ("lambda", lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda e: 1 / (1 + 0.5 * e)), False),
        ("linear_warmup", lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=0.25, total_iters=4), False),
        ("linear_decay", lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=1.0, end_factor=0.1,
                                                                     total_iters=6), False),
        ("warmup_cosine", warmup_cosine, False),
        ("one_cycle", lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=[1.0, 0.2], total_steps=12,
                                                                    cycle_momentum=False), False),
        ("one_cycle_linear_three_phase",
         lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=12, pct_start=0.25,
                                                       anneal_strategy="linear", three_phase=True, div_factor=10.0,
                                                       final_div_factor=100.0, cycle_momentum=False), False),
        ("one_cycle_momentum", lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=12,
                                                                             base_momentum=0.8, max_momentum=0.9),
         False),
        ("warm_restarts", lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2,
                                                                                         eta_min=0.001), False),
        ("warm_restarts_constant", lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=4),
         False),
    ]
    for name, make, needs_metric in cases:
        opt = torch.optim.SGD([{"params": [torch.zeros(1, requires_grad=True)]},
                               {"params": [torch.zeros(1, requires_grad=True)], "lr": 0.02}], lr=0.1)
        sched = make(opt)
        lrs = []
        lrs1 = []
        moms = []
        moms1 = []
        for epoch in range(12):
            opt.step()
            if needs_metric:
                sched.step(metrics[epoch])
            else:
                sched.step()
            lrs.append(opt.param_groups[0]["lr"])
            lrs1.append(opt.param_groups[1]["lr"])
            moms.append(opt.param_groups[0]["momentum"])
            moms1.append(opt.param_groups[1]["momentum"])
        print("sched " + name)
        if needs_metric:
            print("metrics " + " ".join(repr(m) for m in metrics))
        print("lr " + " ".join(repr(float(v)) for v in lrs))
        print("lr1 " + " ".join(repr(float(v)) for v in lrs1))
        if "momentum" in name:
            print("mom " + " ".join(repr(float(v)) for v in moms))
            print("mom1 " + " ".join(repr(float(v)) for v in moms1))
        print("end")


def layer_case(name, module, x, passes):
    """Runs `passes` training forward/backward passes on x (scaled by 1 + pass), then one evaluation pass."""
    with torch.no_grad():
        module.weight.copy_(1 + 0.5 * normal(*module.weight.shape))
        module.bias.copy_(normal(*module.bias.shape))
    print("layer " + name)
    print("x " + shape(x) + " " + values(x))
    print("weight " + values(module.weight))
    print("bias " + values(module.bias))
    gradout = normal(*x.shape)
    print("gradout " + shape(gradout) + " " + values(gradout))
    module.train()
    for k in range(passes):
        xi = (x * (1 + k)).clone().requires_grad_(True)
        module.zero_grad()
        y = module(xi)
        y.backward(gradout)
        print("y " + values(y))
        print("gradx " + values(xi.grad))
        print("gradweight " + values(module.weight.grad))
        print("gradbias " + values(module.bias.grad))
        if getattr(module, "running_mean", None) is not None:
            print("runmean " + values(module.running_mean))
            print("runvar " + values(module.running_var))
    module.eval()
    print("evaly " + values(module(x)))
    print("end")


def layers():
    x = normal(6, 4) * 2 + 0.5
    layer_case("batchnorm1d", torch.nn.BatchNorm1d(4), x, 3)
    layer_case("batchnorm1d_cumulative", torch.nn.BatchNorm1d(4, eps=1e-3, momentum=None), x, 3)
    layer_case("batchnorm1d_3d", torch.nn.BatchNorm1d(3, momentum=0.3), normal(4, 3, 5), 2)
    layer_case("batchnorm1d_untracked", torch.nn.BatchNorm1d(4, track_running_stats=False), x, 1)
    layer_case("layernorm", torch.nn.LayerNorm(4), x, 1)
    layer_case("layernorm_2d", torch.nn.LayerNorm([3, 5], eps=1e-3), normal(2, 3, 5), 1)


def embeddings():
    """embedding NAME | weight [shape] values | x [shape] indices | gradout [shape] values | y, gradweight values."""
    module = torch.nn.Embedding(6, 3, padding_idx=2)
    with torch.no_grad():
        module.weight.copy_(normal(6, 3))  # the padding row too: it keeps its value and gets no gradient
    x = torch.tensor([[1, 2, 5], [2, 1, 0]])
    y = module(x)
    gradout = normal(*y.shape)
    y.backward(gradout)
    print("embedding padded")
    print("weight " + shape(module.weight) + " " + values(module.weight))
    print("x " + shape(x) + " " + values(x.double()))
    print("xdtype " + str(x.dtype).replace("torch.", ""))
    print("gradout " + shape(gradout) + " " + values(gradout))
    print("y " + values(y))
    print("gradweight " + values(module.weight.grad))
    print("end")


def main():
    print("# generated by make_pytorch_reference.py with PyTorch " + torch.__version__ + "; do not edit")
    losses()
    optimizers()
    optimizer_groups()
    schedules()
    layers()
    embeddings()


if __name__ == "__main__":
    main()
