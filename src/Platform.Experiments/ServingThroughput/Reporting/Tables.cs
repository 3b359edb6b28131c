using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Cpu;
using Platform.Experiments.ServingThroughput.Hardware;
using Platform.Experiments.ServingThroughput.Running;
using Platform.Experiments.ServingThroughput.Simulation;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.Experiments.ServingThroughput.Reporting;

/// <summary>The result tables of the three modes: cost model, simulated engines and the tiny decoder on this CPU.</summary>
internal static class Tables
{
    public static ResultTable Resources(CostModelResult atMemoryLimit, CostModelResult atBatch)
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
    public static ResultTable Models(GpuSpec gpu, double computeEfficiency, int bytes, WorkloadStats workload)
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

    /// <summary>The workloads of the paper's offline-throughput evaluation on this system, at the batch memory allows.</summary>
    public static ResultTable Workloads(ServingSystem system)
    {
        var workloads = new[] { new WorkloadStats("constant 512/512", 512, 512), new WorkloadStats("constant 1024/512", 1024, 512), new WorkloadStats("constant 512/1024", 512, 1024) }
            .Concat(WorkloadCatalog.Traces.Values);
        var rows = workloads.Select(w =>
        {
            var r = ServingCostModel.Evaluate(system, w);
            return (IReadOnlyList<object?>)
            [
                w.Name, Math.Round(r.MaxConcurrentRequests), Math.Round(r.MaxDenseBatch), Math.Round(r.Times.MemoryToCompute, 2),
                Math.Round(r.Times.NetworkToCompute, 2), r.Times.Bottleneck.ToString().ToLowerInvariant(),
            ];
        }).ToList();
        return new ResultTable($"Which resource binds, {system.Model.Name} on {system.Gpus}x {system.Gpu.Name}",
            ["workload", "concurrent requests", "dense batch", "T_mem/T_comp", "T_net/T_comp", "binds"], rows);
    }

    public static ResultTable Engines(IReadOnlyList<EngineOutcome> outcomes, EngineOutcome? sequential)
    {
        var rows = outcomes.Select(o =>
        {
            var (compute, memory, network) = o.Result.Trace.Average();
            return (IReadOnlyList<object?>)
            [
                o.Name, Math.Round(o.Result.TokensPerSecondPerGpu), Math.Round(100 * o.Result.ShareOfOptimum, 1),
                sequential is null ? null : Math.Round(o.Result.TokensPerSecondPerGpu / sequential.Result.TokensPerSecondPerGpu, 3),
                Math.Round(o.Result.LayerUs, 1), Math.Round(o.Result.IterationUs / 1e3, 2),
                Math.Round(100 * compute, 1), Math.Round(100 * memory, 1), Math.Round(100 * network, 1), o.Result.Shape.Describe(),
            ];
        }).ToList();
        return new ResultTable("Simulated engines (one steady-state iteration at the assumed constants)",
            ["engine", "tokens/s/GPU", "% of optimum", "x sequential", "layer µs", "iteration ms", "compute util %", "HBM util %", "net util %", "pipeline"],
            rows);
    }

    /// <summary>The paper's configurations as simulated at the assumed constants, with the range each takes over the assumptions.</summary>
    public static ResultTable PaperConfigurations(PaperComparison c)
    {
        static IReadOnlyList<object?> Row(PaperSetup setup, string measure, IReadOnlyList<double> values, PipelineShape structure) =>
        [
            setup.Model.Name, setup.Gpus, setup.Workload.Name, setup.DenseBatch, measure, Math.Round(values[0], 3),
            Math.Round(values.Min(), 3), Math.Round(values.Max(), 3), structure.Describe(),
        ];
        var rows = c.NanoflowShare.Select(kv => Row(kv.Key, "NanoFlow share of optimum", kv.Value, c.Structures[kv.Key]))
            .Concat(c.OverlapGain.Select(kv => Row(kv.Key, "NanoFlow / sequential", kv.Value, c.Structures[kv.Key])))
            .ToList();
        return new ResultTable($"The paper's configurations, simulated at the assumed constants and over {c.Design.Points.Count} assumption points " +
            $"({c.Simulations} simulations in {c.Elapsed.TotalSeconds:F1} s; HBM contention costs {c.ContentionCost:P1} of LLaMA-2-70B's throughput)",
            ["model", "GPUs", "workload", "tokens/iteration", "measure", "at assumed", "lowest", "highest", "pipeline (searched at assumed)"], rows);
    }

    public static ResultTable Schedules(CpuMeasurements m)
    {
        var intervals = m.Intervals;
        var sequential = intervals[ServingSchedule.Sequential].Mean;
        var rows = intervals.Select(kv => (IReadOnlyList<object?>)
        [
            EngineNames.Of(kv.Key), Math.Round(kv.Value.Mean, 1), double.IsNaN(kv.Value.HalfWidth) ? null : Math.Round(kv.Value.HalfWidth, 1), kv.Value.Count,
            Math.Round(kv.Value.Mean / sequential, 3), Math.Round(100 * kv.Value.Mean / m.OptimumTokensPerSecond, 1),
        ]).ToList();
        return new ResultTable($"Tiny decoder served on this CPU ({m.Threads} threads; outputs identical across schedules: {(m.SchedulesAgree ? "yes" : "no")})",
            ["schedule", "tokens/s (mean)", "± 95% CI", "repetitions", "x sequential", "% of CPU optimum"], rows);
    }

    public static ResultTable Interference(InterferenceResult r) =>
        new("GEMM / decode-attention interference on this CPU (all threads alone vs half each together)",
            ["kernel", "alone ms", "together ms", "normalised performance"],
            [
                ["GEMM (Up/Gate at the token budget)", Math.Round(r.GemmAloneMs, 2), Math.Round(r.GemmConcurrentMs, 2), Math.Round(r.GemmPerformance, 3)],
                ["decode attention (one query per request)", Math.Round(r.AttentionAloneMs, 2), Math.Round(r.AttentionConcurrentMs, 2), Math.Round(r.AttentionPerformance, 3)],
                ["sum R + P (overlap pays only above 1)", null, null, Math.Round(r.Sum, 3)],
            ]);

    public static ResultTable Ops(IReadOnlyDictionary<string, double> totals)
    {
        var all = Math.Max(totals.Values.Sum(), double.Epsilon);
        return new ResultTable("Time per operation class, sequential schedule, first repetition",
            ["operation", "ms", "% of op time"],
            [.. totals.Select(kv => (IReadOnlyList<object?>)[kv.Key, Math.Round(kv.Value, 1), Math.Round(100 * kv.Value / all, 1)])]);
    }
}
