using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Hardware;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.Experiments.ServingThroughput.Runs;

/// <summary>The cost model's claims and tables, shared by the cost-model and simulate modes.</summary>
internal static class CostModelReport
{
    public static ClaimCheck OptimumClaim(ServingSystem system, CostModelResult result)
    {
        var isPaperSetup = system.Model.Name == "LLaMA-2-70B" && system.Gpu.Name == "A100-80G-SXM";
        if (!isPaperSetup)
        {
            return new ClaimCheck($"Optimal throughput per GPU, {system.Model.Name} on {system.Gpu.Name} (Eq. 5)", null,
                result.OptimalPerGpu, "tokens/s/GPU", ClaimVerdict.NotComparable,
                "The paper states its optimum for LLaMA-2-70B on A100-80G; this setup has no published figure.");
        }

        var error = Math.Abs(result.OptimalPerGpu / PaperFigures.Llama2OptimumPerGpu - 1);
        return new ClaimCheck("Optimal throughput of LLaMA-2-70B per A100 (Eq. 5: compute / 2P)", PaperFigures.Llama2OptimumPerGpu,
            result.OptimalPerGpu, "tokens/s/GPU",
            error <= AcceptanceBands.OptimumTolerance ? ClaimVerdict.Supported : ClaimVerdict.PartlySupported,
            $"Computed from {system.Model.ActiveParams / 1e9:F2} B active parameters and {system.EffectiveFlopsPerGpu / 1e12:F1} TFLOP/s " +
            $"(calibration: {system.ComputeEfficiency:0.00} of the {system.Gpu.PeakTflops:F0} TFLOP/s spec, the paper's measured-GEMM peak); " +
            $"{error:P2} from the paper's figure (band {AcceptanceBands.OptimumTolerance:P0}).");
    }

    public static ClaimCheck BottleneckClaim(CostModelResult result)
    {
        var worst = Math.Max(result.Times.MemoryToCompute, result.Times.NetworkToCompute);
        var binding = result.Times.Bottleneck;
        return new ClaimCheck("At the memory-filling batch the end-to-end iteration is compute-bound", 1, worst,
            "slowest non-compute time / compute time",
            binding == Bottleneck.Compute ? ClaimVerdict.Supported : ClaimVerdict.NotSupported,
            $"T_mem/T_compute = {result.Times.MemoryToCompute:0.00}, T_net/T_compute = {result.Times.NetworkToCompute:0.00} at " +
            $"{result.MaxDenseBatch:F0} tokens per iteration; {binding.ToString().ToLowerInvariant()} binds. The paper's claim holds when both are below 1.");
    }

    public static ResultTable ResourceTable(CostModelResult atMemoryLimit, CostModelResult atBatch)
    {
        static IReadOnlyList<object?> Row(string name, CostModelResult r) =>
        [
            name, Math.Round(r.Times.DenseBatch), Math.Round(r.Times.Compute * 1e3, 2), Math.Round(r.Times.Memory * 1e3, 2),
            Math.Round(r.Times.Network * 1e3, 2), r.Times.Bottleneck.ToString().ToLowerInvariant(), Math.Round(r.BoundPerGpu),
        ];
        return new ResultTable("Cost model: one iteration on each resource (paper Eq. 1-3)",
            ["batch", "tokens/iteration", "compute ms", "memory ms", "network ms", "binds", "bound tokens/s/GPU"],
            [Row("memory-filling (largest the KV cache allows)", atMemoryLimit), Row("simulated dense batch", atBatch)]);
    }

    /// <summary>The optimum of every preset model on this GPU (8-way TP, LLaMA-3-8B on one GPU, as the paper ran them).</summary>
    public static ResultTable ModelTable(GpuSpec gpu, double computeEfficiency, int bytes, WorkloadStats workload)
    {
        var rows = ModelCatalog.Presets.Values.Select(model =>
        {
            var system = new ServingSystem(model, gpu, model.Name == "LLaMA-3-8B" ? 1 : 8, computeEfficiency, bytes);
            var r = ServingCostModel.Evaluate(system, workload);
            return (IReadOnlyList<object?>)
            [
                model.Name, system.Gpus, Math.Round(model.TotalParams / 1e9, 2), Math.Round(model.ActiveParams / 1e9, 2),
                model.KvBytesPerToken(bytes), Math.Round(r.OptimalPerGpu), Math.Round(r.MaxDenseBatch),
                Math.Round(r.Times.MemoryToCompute, 2), Math.Round(r.Times.NetworkToCompute, 2), r.Times.Bottleneck.ToString().ToLowerInvariant(),
            ];
        }).ToList();
        return new ResultTable($"Optimum per model on {gpu.Name} ({workload.Name})",
            ["model", "GPUs", "params (B)", "active (B)", "KV bytes/token", "optimum tokens/s/GPU", "max dense batch", "T_mem/T_comp", "T_net/T_comp", "binds"],
            rows);
    }
}
