namespace Platform.Experiments.Contract;

/// <summary>
/// A named parameter set a family offers, queued with one click. <see cref="HeadlineName"/> is the preset that
/// reproduces the paper's headline result; every family that reproduces a paper defines it.
/// </summary>
public sealed record ExperimentPreset(string Name, string Title, string Description, object Parameters)
{
    public const string HeadlineName = "headline";
}
