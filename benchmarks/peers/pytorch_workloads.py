"""The three training workloads of issue 5 in PyTorch eager mode, for a side-by-side comparison with autograd4j.

Prints the same RESULT lines as org.autograd4j.benchmarks.Workloads (peer=pytorch), a STEADY line (median of further
rounds) and, for mlp-mnist-shape, a GEMM line: the step's 8 matrix products alone through torch.mm, PyTorch's own
GEMM bound. Honours WORKLOAD (tiny, mlp-mnist-shape, wdbc-shape or all) and THREADS, as the Java main does.

Not part of the build: it needs Python and PyTorch, which the project does not. Run it on the machine that ran the
Java workloads, right after them (the machines are noisy):

    THREADS=1 WORKLOAD=all python3 benchmarks/peers/pytorch_workloads.py

Data follow the same recipes as the Java side (Data.java) from a fixed seed, not the same random numbers: timings do
not depend on the values.
"""
import os
import statistics
import time

import torch

SPECS = {
    # name: (sizes, activation, batch, adam, lr, steps, warmup, pool)
    "tiny": ([2, 8, 2], "sigmoid", 100, False, 0.1, 2000, 0, 1),
    "mlp-mnist-shape": ([784, 256, 128, 10], "relu", 128, False, 0.1, 300, 20, 8),
    "wdbc-shape": ([30, 64, 32, 2], "relu", 32, True, 1e-3, 2000, 0, 17),
}


def batches(name, batch, n_in, n_out, pool, gen):
    out = []
    for _ in range(pool):
        if name == "tiny":
            centers = torch.tensor([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]])
            which = torch.randint(0, 4, (batch,), generator=gen)
            x = centers[which] + 0.3 * torch.randn(batch, 2, generator=gen)
            y = (which >= 2).long()
        elif name == "mlp-mnist-shape":
            x = torch.rand(batch, n_in, generator=gen) * (torch.rand(batch, n_in, generator=gen) < 0.2)
            y = torch.randint(0, n_out, (batch,), generator=gen)
        else:
            x = torch.randn(batch, n_in, generator=gen)
            y = torch.randint(0, n_out, (batch,), generator=gen)
        out.append((x.float().contiguous(), y))
    return out


def model_for(sizes, activation):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.Sigmoid() if activation == "sigmoid" else torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def run(name, spec, gen):
    sizes, activation, batch, adam, lr, steps, warmup, pool = spec
    data = batches(name, batch, sizes[0], sizes[-1], pool, gen)
    model = model_for(sizes, activation)
    opt = torch.optim.Adam(model.parameters(), lr=lr) if adam else torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss()

    def step(i):
        x, y = data[i % len(data)]
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss

    for i in range(warmup):
        step(i)
    t0, cpu0 = time.perf_counter(), time.process_time()
    for i in range(steps):
        step(warmup + i)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return seconds, cpu, step


def gemm_bound(threads, rounds=50):
    """The 8 products of an mlp-mnist-shape step (3 forward, 5 backward), with transposes as views, as autograd does."""
    g = torch.Generator().manual_seed(2)
    x = torch.rand(128, 784, generator=g)
    w1, w2, w3 = (torch.randn(a, b, generator=g) for a, b in ((784, 256), (256, 128), (128, 10)))
    h1, h2 = torch.randn(128, 256, generator=g), torch.randn(128, 128, generator=g)
    d3, d2, d1 = torch.randn(128, 10, generator=g), torch.randn(128, 128, generator=g), torch.randn(128, 256, generator=g)

    def products():
        torch.mm(x, w1); torch.mm(h1, w2); torch.mm(h2, w3)
        torch.mm(h2.t(), d3); torch.mm(d3, w3.t()); torch.mm(h1.t(), d2); torch.mm(d2, w2.t()); torch.mm(x.t(), d1)

    for _ in range(10):
        products()
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        products()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def main():
    threads = int(os.environ.get("THREADS", "1"))
    torch.set_num_threads(threads)
    which = os.environ.get("WORKLOAD", "all")
    names = list(SPECS) if which == "all" else [which]
    gen = torch.Generator().manual_seed(42)
    for name in names:
        spec = SPECS[name]
        seconds, cpu, step = run(name, spec, gen)
        steps, batch = spec[5], spec[2]
        print(f"RESULT peer=pytorch workload={name} steps={steps} seconds={seconds:.4f} "
              f"samples_per_s={steps * batch / seconds:.1f} ms_per_step={seconds * 1e3 / steps:.4f} threads={threads} "
              f"cpu_ms_per_step={cpu * 1e3 / steps:.4f}")
        rounds = []
        count = int(os.environ.get("STEADY_ROUNDS", "15"))
        for _ in range(count):
            t0 = time.perf_counter()
            for i in range(steps):
                step(i)
            rounds.append((time.perf_counter() - t0) * 1e3 / steps)
        rounds.sort()
        median = rounds[count // 2] if rounds else float("nan")
        if rounds:
            print(f"STEADY peer=pytorch workload={name} ms_per_step={median:.4f} rounds={count} min_ms={rounds[0]:.4f} "
                  f"max_ms={rounds[-1]:.4f} cold_over_steady={seconds * 1e3 / steps / median:.2f} threads={threads}")
        if name == "mlp-mnist-shape":
            print(f"GEMM peer=pytorch workload={name} products=8 ms={gemm_bound(threads):.4f} threads={threads}")
    print(f"INFO peer=pytorch version={torch.__version__} blas={'mkl' if torch.backends.mkl.is_available() else '?'}")


if __name__ == "__main__":
    main()
