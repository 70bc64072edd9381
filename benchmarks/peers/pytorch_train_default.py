"""The CLI's default `train` (the Wisconsin breast-cancer MLP) written as a PyTorch user would, for issue 14's
comparison of whole processes (benchmarks/bin/cli-vs-pytorch; benchmarks/README.md, "Warm-up").

The same run as `examples/autograd4j train`: the data file shipped in the project
(examples/src/main/resources/datasets/wdbc.csv, 569 x 30, last column the class), the same stratified 80/20 split,
standardisation fitted on the training rows (population standard deviation), the MLP 30-32-16-2 with ReLU, He
uniform weights for the hidden layers and Xavier uniform for the last, zero biases, float32, cross-entropy, Adam
lr 0.001, batch 32 reshuffled every epoch, up to 200 epochs, early stopping on the validation loss with patience 15
and the best weights restored, then the scores on the validation rows. The split, the initial weights and every
epoch's batch order are drawn exactly as autograd4j draws them (java.util.Random and the loader's SplitMix64 mix,
ported below), so the two runs start from the same numbers and see the same batches; the scores then agree up to
float32 rounding. It saves the weights and the history as the CLI does (`-o DIR`, default runs/wdbc-pytorch) but
draws no plot (no matplotlib here; the CLI also writes learning_curves.png, which favours this script slightly).

Prints one line per epoch (unless -q), the validation scores, and last a TIME line: the wall-clock seconds since the
process started (from /proc, so the interpreter's start-up and `import torch` count) and the process's CPU seconds
(user + sys, all threads). Threads: PyTorch's default (one per core), as the CLI's OpenBLAS uses; THREADS=n sets
torch.set_num_threads(n).

Not part of the build; needs Python 3 with PyTorch and numpy:

    python3 benchmarks/peers/pytorch_train_default.py [-q] [-o DIR]
"""
import argparse
import csv
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "examples", "src", "main", "resources", "datasets", "wdbc.csv")
SEED = 42
HIDDEN = [32, 16]
LR = 1e-3
BATCH = 32
EPOCHS = 200
PATIENCE = 15
VALIDATION = 0.2
MASK64 = (1 << 64) - 1


class JavaRandom:
    """java.util.Random: the 48-bit linear congruential generator, bit for bit."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        return self.seed >> (48 - bits)  # non-negative for bits < 32, the only calls here

    def next_int(self, bound):
        r = self.next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        while True:
            r = u % bound
            if u - r + m < (1 << 31):
                return r
            u = self.next(31)

    def next_double(self):
        return ((self.next(26) << 27) + self.next(27)) * (1.0 / (1 << 53))


def shuffle(rows, rng):
    for i in range(len(rows) - 1, 0, -1):
        j = rng.next_int(i + 1)
        rows[i], rows[j] = rows[j], rows[i]


def split(labels, fraction, seed):
    """Splits.trainTestSplit(data, fraction, seed, stratify=true): row indices of the training and held-out rows."""
    n = len(labels)
    total = max(1, int(np.floor(fraction * n + 0.5)))  # Java's Math.round
    classes = [[i for i in range(n) if labels[i] == c] for c in sorted(set(labels))]
    rng = JavaRandom(seed)
    for rows in classes:
        shuffle(rows, rng)
    target = [fraction * len(rows) for rows in classes]
    counts = [min(int(np.floor(t)), len(rows)) for t, rows in zip(target, classes)]
    order = sorted(range(len(classes)), key=lambda c: -(target[c] - np.floor(target[c])))  # stable, as Java's sort
    for pass_ in range(2):
        for c in order:
            if sum(counts) >= total:
                break
            limit = int(np.ceil(target[c])) if pass_ == 0 else len(classes[c])
            while counts[c] < min(limit, len(classes[c])) and sum(counts) < total:
                counts[c] += 1
                if pass_ == 0:
                    break
    held = [i for c, rows in enumerate(classes) for i in rows[:counts[c]]]
    train = [i for c, rows in enumerate(classes) for i in rows[counts[c]:]]
    shuffle(train, rng)
    shuffle(held, rng)
    return train, held


def epoch_order(n, seed, epoch):
    """DataLoader.order(epoch): a Fisher-Yates permutation from the seed mixed with the epoch (counted from 0)."""
    z = (seed + 0x9E3779B97F4A7C15 * (epoch + 1)) & MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    z ^= z >> 31
    order = list(range(n))
    shuffle(order, JavaRandom(z))
    return order


def network(sizes):
    """Mlp.builder().sizes(...).seed(42): weights [in, out] filled row by row from one java.util.Random."""
    rng = JavaRandom(SEED)
    layers = []
    for i in range(len(sizes) - 1):
        fan_in, fan_out = sizes[i], sizes[i + 1]
        last = i + 2 == len(sizes)
        bound = np.sqrt(6.0 / (fan_in + fan_out)) if last else np.sqrt(2.0) * np.sqrt(3.0 / fan_in)
        w = np.array([(2.0 * rng.next_double() - 1.0) * bound for _ in range(fan_in * fan_out)])
        linear = torch.nn.Linear(fan_in, fan_out)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(w.reshape(fan_in, fan_out).T.astype(np.float32)))
            linear.bias.zero_()
        layers.append(linear)
        if not last:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def scores(y_true, y_pred):
    tp = int(((y_pred == 1) & (y_true == 1)).sum())
    fp = int(((y_pred == 1) & (y_true == 0)).sum())
    fn = int(((y_pred == 0) & (y_true == 1)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float((y_pred == y_true).mean()), precision, recall, f1


def process_seconds():
    """Wall seconds since this process started (from /proc where there is one) and its CPU seconds."""
    t = os.times()
    cpu = t.user + t.system
    try:
        with open("/proc/self/stat") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as f:
            return float(f.read().split()[0]) - start_ticks / os.sysconf("SC_CLK_TCK"), cpu
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - T0, cpu


T0 = time.perf_counter()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-q", "--quiet", action="store_true", help="no line per epoch")
    ap.add_argument("-o", "--output", default=os.path.join("runs", "wdbc-pytorch"))
    args = ap.parse_args()
    if os.environ.get("THREADS"):
        torch.set_num_threads(int(os.environ["THREADS"]))

    raw = np.loadtxt(DATA, delimiter=",", skiprows=1, dtype=np.float32)
    x_all, labels = raw[:, :-1], raw[:, -1].astype(np.int64)
    train_rows, val_rows = split(list(labels), VALIDATION, SEED)
    x_train = x_all[train_rows].astype(np.float64)
    mean = x_train.mean(axis=0)
    std = np.sqrt(((x_train - mean) ** 2).mean(axis=0))
    std[std < 10 * np.spacing(1.0)] = 1.0

    def prepare(rows):
        return torch.from_numpy(((x_all[rows].astype(np.float64) - mean) / std).astype(np.float32))

    x_tr, y_tr = prepare(train_rows), torch.from_numpy(labels[train_rows])
    x_val, y_val = prepare(val_rows), torch.from_numpy(labels[val_rows])
    sizes = [x_all.shape[1]] + HIDDEN + [2]
    model = network(sizes)
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    loss_fn = torch.nn.CrossEntropyLoss()
    print(f"wdbc: {len(train_rows)} training and {len(val_rows)} validation rows; MLP {'-'.join(map(str, sizes))}"
          f" (relu, cross-entropy, {sum(p.numel() for p in model.parameters())} parameters); adam lr {LR},"
          f" batch {BATCH}, up to {EPOCHS} epochs, patience {PATIENCE}; torch {torch.__version__},"
          f" {torch.get_num_threads()} threads")

    history, best, best_epoch, best_state, wait, ran, stopped = [], None, 0, None, 0, 0, False
    start = time.perf_counter()
    for epoch in range(1, EPOCHS + 1):
        model.train()
        loss_sum, correct = 0.0, 0
        order = epoch_order(len(train_rows), SEED, epoch - 1)
        for b in range(0, len(order), BATCH):
            idx = torch.tensor(order[b:b + BATCH])
            xb, yb = x_tr[idx], y_tr[idx]
            opt.zero_grad()
            out = model(xb)
            loss = loss_fn(out, yb)
            loss.backward()
            opt.step()
            loss_sum += loss.item() * len(idx)
            correct += int((out.argmax(1) == yb).sum())
        model.eval()
        with torch.no_grad():
            out = model(x_val)
            val_loss = loss_fn(out, y_val).item()
            val_acc = float((out.argmax(1) == y_val).float().mean())
        row = (epoch, loss_sum / len(train_rows), val_loss, correct / len(train_rows), val_acc)
        history.append(row)
        ran = epoch
        if not args.quiet:
            print("epoch %d/%d - loss %.4f - val_loss %.4f - accuracy %.4f - val_accuracy %.4f" % ((epoch, EPOCHS)
                                                                                                  + row[1:]))
        if np.isfinite(val_loss) and (best is None or val_loss < best):
            best, best_epoch, wait = val_loss, epoch, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
            continue
        wait += 1
        if wait >= PATIENCE:
            stopped = True
            break
    seconds = time.perf_counter() - start
    model.load_state_dict(best_state)

    model.eval()
    with torch.no_grad():
        out = model(x_val)
        val_loss = loss_fn(out, y_val).item()
    y_pred, y_true = out.argmax(1).numpy(), y_val.numpy()
    accuracy, precision, recall, f1 = scores(y_true, y_pred)
    os.makedirs(args.output, exist_ok=True)
    torch.save(model.state_dict(), os.path.join(args.output, "model.pt"))
    with open(os.path.join(args.output, "history.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["epoch", "loss", "val_loss", "accuracy", "val_accuracy"])
        w.writerows(history)
    print("trained %d epochs in %.1f s (%srestored the weights of epoch %d)"
          % (ran, seconds, "stopped early; " if stopped else "", best_epoch))
    print("validation: %d rows, loss %.4f, accuracy %.4f, precision %.4f, recall %.4f, f1 %.4f (of class malignant)"
          % (len(val_rows), val_loss, accuracy, precision, recall, f1))
    print("confusion matrix (rows: true class, columns: predicted; 0 = benign, 1 = malignant):")
    print("        pred 0  pred 1")
    for t in range(2):
        print("true %d  %6d  %6d" % (t, ((y_true == t) & (y_pred == 0)).sum(), ((y_true == t) & (y_pred == 1)).sum()))
    print("model: %s" % os.path.join(args.output, "model.pt"))
    print("history: %s" % os.path.join(args.output, "history.csv"))
    sys.stdout.flush()
    wall, cpu = process_seconds()
    print("TIME peer=pytorch wall_s=%.3f cpu_s=%.3f" % (wall, cpu))


if __name__ == "__main__":
    main()
