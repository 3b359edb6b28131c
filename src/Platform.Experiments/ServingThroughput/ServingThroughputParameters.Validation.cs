using Platform.Experiments.Catalog;
using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.Hardware;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.Experiments.ServingThroughput;

/// <summary>Cross-field rules, and the resolved model, GPU and workload the run uses.</summary>
public sealed partial class ServingThroughputParameters : IValidatableParameters
{
    /// <summary>The tiny decoder's longest context (prompt + output).</summary>
    public const int CpuMaxContext = 512;

    public WorkloadStats ResolveWorkload()
    {
        if (Workload == WorkloadCatalog.Upload)
        {
            return TraceCsvParser.TryParse(TraceCsv ?? "", out var stats, out var error) ? stats! : throw new InvalidOperationException(error);
        }

        return WorkloadCatalog.Traces.TryGetValue(Workload, out var trace)
            ? trace
            : new WorkloadStats($"constant {PromptTokens}/{OutputTokens}", PromptTokens, OutputTokens);
    }

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Model == ModelCatalog.Custom)
        {
            if (CustomHidden % CustomHeads != 0)
                yield return ("customHidden", "The hidden size must be a multiple of the query heads.");
            if (CustomHeads % CustomKvHeads != 0)
                yield return ("customKvHeads", "The KV heads must divide the query heads.");
            if (CustomTopK > CustomExperts)
                yield return ("customTopK", "A token cannot use more experts than the model has.");
        }

        if (TensorParallel is not (1 or 2 or 4 or 8))
            yield return ("tensorParallel", "The tensor-parallel degree must be 1, 2, 4 or 8.");
        if (Catalog is null)
        {
            // With an uploaded catalogue the names are checked against it at submission (ValidateDatasetsAsync).
            foreach (var problem in ValidateHardware(HardwareCatalog.BuiltIn))
                yield return problem;
        }

        if (DenseBatch is > 0 and < 64)
            yield return ("denseBatch", "The dense batch must be 0 (memory-filling) or at least 64 tokens.");
        if (GemvShare + NetShare > 0.95)
            yield return ("netShare", "The decode-attention and collective shares together must leave at least 0.05 to the GEMMs.");
        if (Engines.Distinct().Count() != Engines.Count)
            yield return ("engines", "Each engine may appear only once.");

        if (Workload == WorkloadCatalog.Upload && !TraceCsvParser.TryParse(TraceCsv ?? "", out _, out var traceError))
            yield return ("traceCsv", traceError!);

        foreach (var problem in ValidateCpu())
            yield return problem;
    }

    private IEnumerable<(string Field, string Message)> ValidateCpu()
    {
        if (CpuHeads % CpuKvHeads != 0)
            yield return ("cpuKvHeads", "The KV heads must divide the query heads.");
        if (CpuModelDim % CpuHeads != 0 || CpuModelDim / CpuHeads % 2 != 0)
            yield return ("cpuModelDim", "The model width must be an even multiple of the query heads (RoPE rotates pairs).");
        if (CpuPromptTokens + CpuOutputTokens > CpuMaxContext)
            yield return ("cpuOutputTokens", $"Prompt plus output must fit the decoder's {CpuMaxContext}-token context.");
    }
}
