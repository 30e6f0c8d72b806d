#!/usr/bin/python3
"""Single-path training throughput (images/s) of the NAS-Bench-101 weight-sharing supernet of
the 4-vertex space in PyTorch: the reference for evalnas's DJL supernet
(plugins/space-nasbench101 ... network/SupernetThroughputBench.java).

The same supernet as Nb101Supernet / Nb101SupernetCell / SlicedConvBnRelu / SupernetBatchNorm:
per cell, per interior vertex 1..V-2 a 3x3 and a 1x1 conv-bn-relu as wide as the cell's output,
per vertex 1..V-1 a 1x1 projection of the cell input; a path that gives a vertex `out` channels
from `in` uses the weights [:out, :in] and the batch-norm parameters and running statistics
[:out] (views, so the statistics update in place). Interior vertex t of a path runs on vertex
t's layers, the path's output on vertex V-1's projection (the edge encoding places a smaller
cell on the first vertices and the output, and pruning keeps the vertex order).

Paths: the 91 cells of `./evalnas nasbench101 enumerate --max-vertices 4 --output FILE`, in
the file's order (that of Nb101Space.enumerate()); step i, counted from the first warm-up step,
trains cell (i * 37) % 91, as the Java side does. Same stem, stacks, pooling, classifier, batch,
SGD (lr 0.05, momentum 0.9, Nesterov, weight decay 5e-4), Fashion-MNIST normalization and
threads. As evalnas's SgdOptimizer, every step updates every parameter (a parameter off the
path has a zero gradient: weight decay and momentum still move it), so all gradients are zero
tensors from the start and are zeroed in place, never set to None.

    ./evalnas nasbench101 enumerate --max-vertices 4 --output /tmp/nb101-v4.jsonl
    /usr/bin/python3 bench/nb101_torch_supernet.py CHANNELS STACKS CELLS BATCH STEPS THREADS /tmp/nb101-v4.jsonl [--channels-last-pool]

--channels-last-pool: as in nb101_torch_throughput.py.
"""
import json
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

# the official channel rules and the data, as the standalone network's benchmark has them
from nb101_torch_throughput import int_args, max_pool3x3, measure, vertex_channels

VERTICES = 4
CELLS = 91


def path_index(step):
    """The fixed path sequence both sides share: step i trains cell (i * 37) % 91."""
    return step * 37 % CELLS


def is_pruned(m):
    """Whether every vertex lies on a path from the input to the output (CellSpec.prune keeps all)."""
    n = len(m)
    reach = {0}
    for v in range(n):
        if v in reach:
            reach |= {w for w in range(n) if m[v][w]}
    back = {n - 1}
    for v in range(n - 1, -1, -1):
        if any(m[v][w] for w in back):
            back.add(v)
    return len(reach & back) == n


class SlicedConvBnRelu(nn.Module):
    """SlicedConvBnRelu + SupernetBatchNorm: weights [:out, :in], batch norm [:out]."""

    def __init__(self, k, max_in, max_out):
        super().__init__()
        self.k, self.max_in, self.max_out = k, max_in, max_out
        self.weight = nn.Parameter(torch.empty(max_out, max_in, k, k))
        nn.init.xavier_uniform_(self.weight)
        self.gamma = nn.Parameter(torch.ones(max_out))
        self.beta = nn.Parameter(torch.zeros(max_out))
        self.register_buffer("running_mean", torch.zeros(max_out))
        self.register_buffer("running_var", torch.ones(max_out))

    def forward(self, x, out):
        cin = x.shape[1]
        assert cin <= self.max_in and 1 <= out <= self.max_out
        w = self.weight
        if cin < self.max_in or out < self.max_out:
            w = w[:out, :cin]
        y = F.conv2d(x, w, None, 1, self.k // 2)
        if out < self.max_out:
            rm, rv = self.running_mean[:out], self.running_var[:out]
            g, b = self.gamma[:out], self.beta[:out]
        else:
            rm, rv, g, b = self.running_mean, self.running_var, self.gamma, self.beta
        y = F.batch_norm(y, rm, rv, g, b, training=self.training, momentum=0.1, eps=1e-5)
        return F.relu(y)


class Path:
    """The active single path, shared by all cells (ActivePath)."""

    def __init__(self):
        self.matrix = None
        self.ops = None


class SupernetCell(nn.Module):
    def __init__(self, cin, cout, path):
        super().__init__()
        self.cin, self.cout, self.path = cin, cout, path
        # per vertex 1..V-1 the input's projection; per interior vertex 1..V-2 a 3x3 and a 1x1
        self.proj = nn.ModuleList([SlicedConvBnRelu(1, cin, cout) for _ in range(1, VERTICES)])
        self.conv3 = nn.ModuleList([SlicedConvBnRelu(3, cout, cout) for _ in range(1, VERTICES - 1)])
        self.conv1 = nn.ModuleList([SlicedConvBnRelu(1, cout, cout) for _ in range(1, VERTICES - 1)])

    def forward(self, x):
        m, ops = self.path.matrix, self.path.ops
        n = len(m)
        out = n - 1
        ch = vertex_channels(self.cin, self.cout, m)

        def project(v, width):
            # the path's output sits at the supernet's output vertex V-1
            return self.proj[(VERTICES - 1 if v == out else v) - 1](x, width)

        vals, concat = [x], []
        for t in range(1, out):
            s = None
            for src in range(1, t):
                if m[src][t]:
                    term = vals[src] if vals[src].shape[1] == ch[t] else vals[src][:, :ch[t]]
                    s = term if s is None else s + term
            if m[0][t]:
                p = project(t, ch[t])
                s = p if s is None else s + p
            if ops[t] == "maxpool3x3":
                v = max_pool3x3(s)
            elif ops[t] == "conv3x3-bn-relu":
                v = self.conv3[t - 1](s, ch[t])
            else:
                v = self.conv1[t - 1](s, ch[t])
            vals.append(v)
            if m[t][out]:
                concat.append(v)
        if not concat:
            return project(out, ch[out])
        y = torch.cat(concat, 1) if len(concat) > 1 else concat[0]
        if m[0][out]:
            y = y + project(out, ch[out])
        return y


class Supernet(nn.Module):
    def __init__(self, channels, stacks, cells, classes=10, cin=1):
        super().__init__()
        self.path = Path()
        self.stem = SlicedConvBnRelu(3, cin, channels)
        layers = []
        c, prev = channels, channels
        for s in range(stacks):
            if s > 0:
                layers.append(nn.MaxPool2d(2, 2, ceil_mode=True))
                c *= 2
            for _ in range(cells):
                layers.append(SupernetCell(prev, c, self.path))
                prev = c
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(c, classes)
        self.channels = channels

    def activate(self, cell):
        self.path.matrix, self.path.ops = cell["matrix"], cell["ops"]

    def forward(self, x):
        x = self.stem(x, self.channels)
        return self.classifier(self.features(x).mean((2, 3)))


def read_cells(path):
    with open(path) as f:
        cells = [json.loads(line) for line in f if line.strip()]
    if len(cells) != CELLS:
        sys.exit(f"{path}: expected {CELLS} cells with at most {VERTICES} vertices, got {len(cells)}")
    for c in cells:
        assert len(c["matrix"]) <= VERTICES and is_pruned(c["matrix"]), c
    return cells


def main():
    args = int_args()
    channels, stacks, cells_per_stack, batch, steps, threads = map(int, args[0:6])
    cells = read_cells(args[6])
    print(f"torch cells={len(cells)} first hashes={[c['hash'] for c in cells[:5]]}", file=sys.stderr)
    print(f"torch all {len(cells)} cells already pruned (path == file's matrix); sequence starts "
          f"{[path_index(i) for i in range(8)]}", file=sys.stderr)
    measure("torch supernet", lambda: Supernet(channels, stacks, cells_per_stack), batch, steps, threads,
            before_step=lambda net, i: net.activate(cells[path_index(i)]), zero_filled_grads=True)


if __name__ == "__main__":
    main()
