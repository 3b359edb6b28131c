namespace Platform.UnitTests.Support;

/// <summary>
/// LibTorch's seed and thread count are process-wide, so tests that set or depend on them join this collection,
/// which runs on its own rather than beside other collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LibTorchCollection
{
    public const string Name = "LibTorch global state";
}
