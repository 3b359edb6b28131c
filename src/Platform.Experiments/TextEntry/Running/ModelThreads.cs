using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.Torch;

namespace Platform.Experiments.TextEntry.Running;

/// <summary>The GRU's LibTorch thread count, set before each stretch of model compute.</summary>
internal static class ModelThreads
{
    /// <summary>
    /// LibTorch's thread count is per OS thread, and the run may resume on another after an await, so the GRU's
    /// count is set again before each stretch of compute.
    /// </summary>
    public static void Use(TextEntryParameters parameters, int share)
    {
        if (parameters.ModelType == LanguageModelType.Gru)
        {
            TorchRuntime.UseThreads(TorchRuntime.ThreadsFor(parameters.GruThreads, share));
        }
    }
}
