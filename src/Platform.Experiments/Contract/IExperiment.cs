namespace Platform.Experiments.Contract;

/// <summary>
/// One experiment family: a stable kind, the paper it reproduces, a parameter record and the run itself.
/// Families are registered in DI as <see cref="IExperiment"/> and found by <see cref="Kind"/>.
/// </summary>
public interface IExperiment
{
    /// <summary>Stable key used in the API and stored with every run, e.g. <c>hardware-profile</c>.</summary>
    string Kind { get; }

    string Title { get; }

    /// <summary>What the run reproduces or measures, in one or two sentences.</summary>
    string Description { get; }

    PaperReference? Paper { get; }

    /// <summary>The CLR type of the parameter record; defaults come from its parameterless construction.</summary>
    Type ParametersType { get; }

    /// <summary>Named parameter sets offered with one click; see <see cref="ExperimentPreset.HeadlineName"/>.</summary>
    IReadOnlyList<ExperimentPreset> Presets { get; }

    /// <summary>
    /// How many seeds "Reproduce the paper's headline" runs the headline preset over, so its claims are judged across
    /// seeds: e.g. 5 for a family that trains (its result varies with the seed), 1 for a deterministic simulator.
    /// </summary>
    int HeadlineSeeds => 1;

    /// <summary>Titles and axes of the run page's chart panels, by metric group (see <see cref="ChartPanel"/>).</summary>
    IReadOnlyList<ChartPanel> Charts { get; }

    /// <summary>The headline run's predicted claims and calibrations (see <see cref="Evidence.FamilyEvidence"/>).</summary>
    Evidence.FamilyEvidence Evidence { get; }

    Task<RunSummary> RunAsync(object parameters, IRunContext context, CancellationToken cancellationToken);
}
