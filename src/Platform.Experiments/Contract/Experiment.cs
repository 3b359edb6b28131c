namespace Platform.Experiments.Contract;

/// <summary>
/// Base class that gives a family a typed parameter record while the runner stays untyped.
/// </summary>
public abstract class Experiment<TParameters> : IExperiment
    where TParameters : class, new()
{
    public abstract string Kind { get; }

    public abstract string Title { get; }

    public abstract string Description { get; }

    public virtual PaperReference? Paper => null;

    public Type ParametersType => typeof(TParameters);

    public virtual IReadOnlyList<ExperimentPreset> Presets => [];

    public virtual IReadOnlyList<ChartPanel> Charts => [];

    /// <inheritdoc cref="IExperiment.HeadlineSeeds"/>
    public virtual int HeadlineSeeds => 1;

    public virtual Evidence.FamilyEvidence Evidence => Contract.Evidence.FamilyEvidence.None;

    public Task<RunSummary> RunAsync(object parameters, IRunContext context, CancellationToken cancellationToken) =>
        RunAsync((TParameters)parameters, context, cancellationToken);

    /// <summary>A preset of this family's typed parameters.</summary>
    protected static ExperimentPreset Preset(string name, string title, string description, TParameters parameters) =>
        new(name, title, description, parameters);

    protected abstract Task<RunSummary> RunAsync(TParameters parameters, IRunContext context, CancellationToken cancellationToken);
}
