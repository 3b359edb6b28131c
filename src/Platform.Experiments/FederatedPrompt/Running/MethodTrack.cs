using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Methods;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>One method in a run, with what it has accumulated so far.</summary>
internal sealed class MethodTrack(FederatedMethod method) : IDisposable
{
    public FederatedMethod Method { get; } = method;

    public string Name => Method.Name;

    public LinkCounters LastCounters { get; set; } = LinkCounters.Empty;

    public double LastClientFlops { get; set; }

    public double LastServerFlops { get; set; }

    public double Seconds { get; set; }

    public Evaluation? Latest { get; set; }

    public int Rounds { get; set; }

    public List<double> Accuracies { get; } = [];

    /// <summary>The report of the last round trained, for the phase timeline of the run's last round.</summary>
    public RoundReport? LastReport { get; set; }

    public void Dispose() => Method.Dispose();
}
