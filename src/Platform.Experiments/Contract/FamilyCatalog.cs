namespace Platform.Experiments.Contract;

/// <summary>The registered families by kind. Kinds are unique; a duplicate is a programming error found at start-up.</summary>
public sealed class FamilyCatalog
{
    private readonly Dictionary<string, IExperiment> _byKind;

    public FamilyCatalog(IEnumerable<IExperiment> experiments)
    {
        _byKind = new Dictionary<string, IExperiment>(StringComparer.Ordinal);
        foreach (var experiment in experiments)
        {
            if (!_byKind.TryAdd(experiment.Kind, experiment))
            {
                throw new InvalidOperationException($"Two experiment families declare the kind '{experiment.Kind}'.");
            }
        }
    }

    public IReadOnlyCollection<IExperiment> All => _byKind.Values;

    public bool TryGet(string kind, out IExperiment experiment) => _byKind.TryGetValue(kind, out experiment!);
}
