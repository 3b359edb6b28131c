"""The PyTorch twin of the hardware-profile training step (src/Platform.Experiments/HardwareProfile/TrainStepTimer.cs):
same MLP, optimiser, loss, batch and thread count. Run only by bench/Platform.Bench (TorchComputeBenchmark), with
Debian's python3-torch. Prints one JSON line: the median and all step times in milliseconds."""
import argparse
import json
import statistics
import time

import torch

parser = argparse.ArgumentParser()
parser.add_argument("--batch", type=int, required=True)
parser.add_argument("--hidden", type=int, required=True)
parser.add_argument("--threads", type=int, required=True)
parser.add_argument("--warmup", type=int, required=True)
parser.add_argument("--steps", type=int, required=True)
args = parser.parse_args()

torch.set_num_threads(args.threads)
torch.manual_seed(1)
features, classes = 64, 10
model = torch.nn.Sequential(
    torch.nn.Linear(features, args.hidden), torch.nn.ReLU(),
    torch.nn.Linear(args.hidden, args.hidden), torch.nn.ReLU(),
    torch.nn.Linear(args.hidden, classes))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
inputs = torch.randn(args.batch, features)
labels = (inputs @ torch.randn(features, classes)).argmax(1)


def step():
    optimizer.zero_grad()
    loss = torch.nn.functional.cross_entropy(model(inputs), labels)
    loss.backward()
    optimizer.step()


for _ in range(args.warmup):
    step()
times = []
for _ in range(args.steps):
    start = time.perf_counter()
    step()
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps({"median_ms": statistics.median(times), "times_ms": times, "torch": torch.__version__,
                  "threads": torch.get_num_threads()}))
