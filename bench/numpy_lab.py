#!/usr/bin/env python3
"""The lab's own implementation style in NumPy, as a speed reference for `npm run bench`.

Samples are columns, layers are objects with forward/backward, the output delta is (A - Y) / n
(sigmoid + BCE), SGD lr 0.05, 2-32-32-1 with sigmoid after every Linear, weights and biases from
a standard normal, 5000 epochs. Two update regimes:

  xor, linear          one full-batch step per epoch (the fixed compute workload; the same loop as
                       ../shared/bench/numpy_lab.py)
  xor-lab, linear-lab  the lab's own regime: one step after every sample, in data order, the
                       epoch's loss the mean of the per-sample BCE losses with p clipped to
                       [1e-6, 1 - 1e-6] (the lab's bias update b -= lr * delta only runs on one
                       sample at a time)

  mlp                  bench/run.ts's W3 in the same style: 784-128-64-10, ReLU, softmax +
                       cross-entropy, He-normal weights and zero biases, SGD lr 0.01, mini-batches
                       of 64 reshuffled every epoch, 3 epochs over 4096 uniform [0, 1) samples with
                       random labels (generated here, so not the engine's numbers, the same work)

Times the training loop only. BLAS runs on one thread (set before NumPy loads), the baseline
the engine's one- and two-thread figures are read against.

usage: python3 bench/numpy_lab.py [xor|linear|xor-lab|linear-lab|mlp ...]   one JSON line per workload
For a fair figure run it with the OpenBLAS variables unset: env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE
"""
import json, os, sys, time
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
import numpy as np

CLIP = 1e-6


def xor():
    xs, ys = [], []
    for i in range(11):
        xs.append([0.1 * i, 0.1 * i]); ys.append(0)
        if i == 5:
            continue
        xs.append([0.1 * i, 1 - 0.1 * i]); ys.append(1)
    return np.array(xs).T, np.array(ys, float).reshape(1, -1)


def linear(n=100):
    p = np.random.default_rng(0).uniform(0, 1, (n, 2))
    return p.T, (p[:, 0] < p[:, 1]).astype(float).reshape(1, -1)


class Linear:
    def __init__(self, rng, fin, fout):
        self.W, self.b = rng.standard_normal((fout, fin)), rng.standard_normal((fout, 1))
    def forward(self, X):
        self.X = X
        return self.W @ X + self.b
    def backward(self, d):
        self.dW, self.db = d @ self.X.T, d.sum(axis=1, keepdims=True)
        return self.W.T @ d
    def step(self, lr):
        self.W -= lr * self.dW; self.b -= lr * self.db


class Sigmoid:
    def forward(self, Z):
        self.A = 1.0 / (1.0 + np.exp(-Z)); return self.A
    def backward(self, d):
        return d * self.A * (1.0 - self.A)


def train_step(net, X, Y, lr, with_loss):
    """One forward, backward and SGD step on the columns of X; the clipped BCE when asked for."""
    A = X
    for layer in net:
        A = layer.forward(A)
    loss = 0.0
    if with_loss:
        P = np.clip(A, CLIP, 1 - CLIP)
        loss = float(-(Y * np.log(P) + (1 - Y) * np.log(1 - P)).mean())
    d = (A - Y) / X.shape[1]                 # sigmoid + BCE: the delta rule at the output
    d = net[-2].backward(d)
    for layer in reversed(net[:-2]):
        d = layer.backward(d)
    for layer in net:
        if isinstance(layer, Linear):
            layer.step(lr)
    return loss


def run(name, epochs=5000, lr=0.05):
    per_sample = name.endswith("-lab")
    X, Y = {"xor": xor, "linear": linear}[name.removesuffix("-lab")]()
    rng = np.random.default_rng(1)
    net = [Linear(rng, 2, 32), Sigmoid(), Linear(rng, 32, 32), Sigmoid(), Linear(rng, 32, 1), Sigmoid()]
    n = X.shape[1]
    columns = [(X[:, j:j + 1], Y[:, j:j + 1]) for j in range(n)]
    loss = None
    t0 = time.perf_counter()
    for _ in range(epochs):
        if per_sample:
            total = 0.0
            for x, y in columns:
                total += train_step(net, x, y, lr, True)
            loss = total / n
        else:
            train_step(net, X, Y, lr, False)
    ms = 1000 * (time.perf_counter() - t0)
    A = X
    for layer in net:
        A = layer.forward(A)
    acc = float(((A > 0.5) == Y).mean())
    print(json.dumps({"workload": name, "engine": "numpy-lab", "ms": round(ms, 1), "epochs": epochs, "loss": loss, "accuracy": acc}), flush=True)


class ReLU:
    def forward(self, Z):
        self.Z = Z; return np.maximum(Z, 0.0)
    def backward(self, d):
        return d * (self.Z > 0)


def run_mlp(epochs=3, lr=0.01, batch=64, n=4096):
    rng = np.random.default_rng(42)
    X = rng.random((784, n))
    labels = rng.integers(0, 10, n)
    Y = np.zeros((10, n)); Y[labels, np.arange(n)] = 1.0
    net = []
    for fin, fout in ((784, 128), (128, 64), (64, 10)):
        layer = Linear(rng, fin, fout)
        layer.W *= np.sqrt(2.0 / fin); layer.b[:] = 0.0
        net += [layer, ReLU()]
    net.pop()                                 # no ReLU after the last Linear: softmax follows
    t0 = time.perf_counter()
    for _ in range(epochs):
        order = rng.permutation(n)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            A = X[:, idx]
            for layer in net:
                A = layer.forward(A)
            E = np.exp(A - A.max(axis=0, keepdims=True))
            P = E / E.sum(axis=0, keepdims=True)
            d = (P - Y[:, idx]) / len(idx)    # softmax + cross-entropy at the output
            for layer in reversed(net):
                d = layer.backward(d)
            for layer in net:
                if isinstance(layer, Linear):
                    layer.step(lr)
    ms = 1000 * (time.perf_counter() - t0)
    A = X
    for layer in net:
        A = layer.forward(A)
    acc = float((A.argmax(axis=0) == labels).mean())
    print(json.dumps({"workload": "mlp", "engine": "numpy-lab", "ms": round(ms, 1), "epochs": epochs, "accuracy": acc}), flush=True)


for w in sys.argv[1:] or ["xor", "linear", "xor-lab", "linear-lab"]:
    run_mlp() if w == "mlp" else run(w)
