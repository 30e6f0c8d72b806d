#!/usr/bin/python3
"""Training throughput (images/s) of one NAS-Bench-101 network in PyTorch: the reference for
evalnas's DJL network (plugins/space-nasbench101 ... network/TrainingThroughputBench.java).

Same cell, network (official model_builder.py channel rules), batch, SGD (momentum 0.9,
Nesterov, weight decay 5e-4), Fashion-MNIST images normalized the same way, and threads.

    /usr/bin/python3 bench/nb101_torch_throughput.py CHANNELS STACKS CELLS BATCH STEPS THREADS [--channels-last-pool]

With --channels-last-pool the cells' 3x3 max pooling runs through libtorch's channels-last kernel
(converted there and back), as evalnas's ChannelsLastMaxPool does: the same values and gradients,
for comparing the frameworks with the same operators on both sides. Without it, the network is
written as PyTorch users write it (nn.MaxPool2d / F.max_pool2d on NCHW tensors).
"""
import contextlib
import gzip
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MATRIX = [[0, 1, 1, 0, 0], [0, 0, 0, 1, 1], [0, 0, 0, 0, 1], [0, 0, 0, 0, 1], [0, 0, 0, 0, 0]]
OPS = ["input", "conv3x3-bn-relu", "maxpool3x3", "conv1x1-bn-relu", "output"]
CHANNELS_LAST_POOL = "--channels-last-pool" in sys.argv


def int_args():
    """The positional integer arguments, the option left out."""
    return [a for a in sys.argv[1:] if a != "--channels-last-pool"]


def max_pool3x3(s):
    """A vertex's 3x3 max pooling of stride 1 (see --channels-last-pool)."""
    if CHANNELS_LAST_POOL and s.shape[1] >= 8:  # as ChannelsLastMaxPool.VECTOR_FLOATS
        return F.max_pool2d(s.contiguous(memory_format=torch.channels_last), 3, 1, 1).contiguous()
    return F.max_pool2d(s, 3, 1, 1)


def conv_bn_relu(cin, cout, k):
    return nn.Sequential(nn.Conv2d(cin, cout, k, padding=k // 2, bias=False),
                         nn.BatchNorm2d(cout, eps=1e-5, momentum=0.1), nn.ReLU())


def vertex_channels(cin, cout, m):
    n = len(m)
    ch = [0] * n
    ch[0], ch[-1] = cin, cout
    if n == 2:
        return ch
    deg = sum(m[v][n - 1] for v in range(1, n - 1))
    interior, corr = cout // deg, cout % deg
    for v in range(1, n - 1):
        if m[v][n - 1]:
            ch[v] = interior + (1 if corr > 0 else 0)
            corr -= 1 if corr > 0 else 0
    for v in range(n - 3, 0, -1):
        if not m[v][n - 1]:
            for d in range(v + 1, n - 1):
                if m[v][d]:
                    ch[v] = max(ch[v], ch[d])
    return ch


class Cell(nn.Module):
    def __init__(self, m, ops, cin, cout):
        super().__init__()
        self.m, self.n = m, len(m)
        self.ch = vertex_channels(cin, cout, m)
        self.proj = nn.ModuleDict()
        self.op = nn.ModuleDict()
        for v in range(1, self.n):
            if m[0][v]:
                self.proj[str(v)] = conv_bn_relu(cin, self.ch[v], 1)
            if v < self.n - 1 and ops[v] != "maxpool3x3":
                self.op[str(v)] = conv_bn_relu(self.ch[v], self.ch[v], 3 if ops[v] == "conv3x3-bn-relu" else 1)

    def forward(self, x):
        n, m, ch = self.n, self.m, self.ch
        vals, concat = [x], []
        for t in range(1, n - 1):
            terms = [vals[s][:, :ch[t]] for s in range(1, t) if m[s][t]]
            if m[0][t]:
                terms.append(self.proj[str(t)](x))
            s = sum(terms)
            v = self.op[str(t)](s) if str(t) in self.op else max_pool3x3(s)
            vals.append(v)
            if m[t][n - 1]:
                concat.append(v)
        out = torch.cat(concat, 1) if len(concat) > 1 else concat[0]
        if m[0][n - 1]:
            out = out + self.proj[str(n - 1)](x)
        return out


class Network(nn.Module):
    def __init__(self, channels, stacks, cells, classes=10, cin=1):
        super().__init__()
        layers = [conv_bn_relu(cin, channels, 3)]
        c, prev = channels, channels
        for s in range(stacks):
            if s > 0:
                layers.append(nn.MaxPool2d(2, 2, ceil_mode=True))
                c *= 2
            for _ in range(cells):
                layers.append(Cell(MATRIX, OPS, prev, c))
                prev = c
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(c, classes)

    def forward(self, x):
        return self.classifier(self.features(x).mean((2, 3)))


def fashion_mnist(n):
    root = "/usr/share/datasets/fashion-mnist/"
    with gzip.open(root + "train-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)[:n]
    with gzip.open(root + "train-labels-idx1-ubyte.gz") as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)[:n]
    x = (torch.from_numpy(images.astype(np.float32)) / 255 - 0.2860) / 0.3530
    return x, torch.from_numpy(labels.astype(np.int64))


def measure(name, build, batch, steps, threads, before_step=None, zero_filled_grads=False):
    """Trains the network `build()` makes with the benchmarks' SGD (lr 0.05, Nesterov 0.9,
    weight decay 5e-4) on Fashion-MNIST, BENCH_WARMUP (environment, default 5, as on the Java
    side) warm-up steps then `steps` timed ones, and prints
    images/s. `before_step(net, i)` runs before step i (counted from the first warm-up step);
    `zero_filled_grads` keeps every gradient a zero tensor instead of None, so that every step
    updates every parameter as evalnas's SgdOptimizer does. With BENCH_PROFILE set to a file, the
    autograd profiler records the timed steps there (Chrome trace JSON, as the Java bench)."""
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    net = build()
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=5e-4)
    if zero_filled_grads:
        for p in net.parameters():
            p.grad = torch.zeros_like(p)
    warmup = int(os.environ.get("BENCH_WARMUP", "5"))
    x, y = fashion_mnist(batch * (steps + warmup))
    params = sum(p.numel() for p in net.parameters())
    net.train()

    def step(i):
        if before_step:
            before_step(net, i)
        # the batch is gathered from a shuffled order, as the DJL batcher does
        idx = torch.randperm(x.shape[0])[:batch]
        opt.zero_grad(set_to_none=False)  # torch 1.13's default, kept explicit
        loss = F.cross_entropy(net(x[idx]), y[idx])
        loss.backward()
        opt.step()
        return loss.item()

    for i in range(warmup):
        step(i)
    profile = os.environ.get("BENCH_PROFILE")
    with torch.autograd.profiler.profile() if profile else contextlib.nullcontext() as prof:
        t0 = time.perf_counter()
        for i in range(warmup, warmup + steps):
            step(i)
        seconds = time.perf_counter() - t0
    if profile:
        prof.export_chrome_trace(profile)
    print(f"{name} parameters={params} batch={batch} warmup={warmup} steps={steps} threads={threads} "
          f"seconds={seconds:.3f} images/s={steps * batch / seconds:.1f}")


def main():
    channels, stacks, cells, batch, steps, threads = map(int, int_args()[0:6])
    measure("torch", lambda: Network(channels, stacks, cells), batch, steps, threads)


if __name__ == "__main__":
    main()
