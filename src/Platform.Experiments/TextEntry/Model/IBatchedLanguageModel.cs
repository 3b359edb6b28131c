namespace Platform.Experiments.TextEntry.Model;

/// <summary>
/// A model whose scoring is cheaper in batches (a neural network runs one forward pass for many histories). The
/// beam search announces every history of a step here first; the <see cref="ILanguageModel.LogProbs"/> calls that
/// follow are then lookups.
/// </summary>
public interface IBatchedLanguageModel : ILanguageModel
{
    void Prefetch(IReadOnlyList<IReadOnlyList<int>> histories);
}
