using Platform.Core.Runs;
using Platform.Web.Components.Shared.Evidence;

namespace Platform.Web.Compare;

/// <summary>The compared runs' summaries, read once, for the compare table and the result bars above the curves.</summary>
public sealed class ComparedSummaries
{
    public const int MaxMetrics = 8;

    private readonly SummaryView?[] _views;

    public ComparedSummaries(IReadOnlyList<RunDto> runs)
    {
        _views = [.. runs.Select(r => SummaryView.TryRead(r.Summary))];
        // A run without a summary yet, or with one this version cannot read, has none; the table tells the two apart.
        Unreadable = runs.Select((r, i) => r.Summary is { ValueKind: System.Text.Json.JsonValueKind.Object } && _views[i] is null).ToArray();
        Metrics = [.. _views.SelectMany(v => v?.Metrics.Keys ?? []).Distinct().Take(MaxMetrics)];
    }

    /// <summary>The summary metrics the runs report, in the order the first of them lists them; at most <see cref="MaxMetrics"/>.</summary>
    public IReadOnlyList<string> Metrics { get; }

    private bool[] Unreadable { get; }

    public double? Metric(int run, string metric) =>
        _views[run]?.Metrics.TryGetValue(metric, out var value) == true ? value : null;

    public VerdictTally? Tally(int run) => _views[run]?.Claims is { Count: > 0 } claims ? VerdictTally.Of(claims) : null;

    /// <summary>The run's verdict sentence, as on its page; "—" before it has one.</summary>
    public string Sentence(int run) => Unreadable[run] ? "unreadable summary" : Tally(run)?.Sentence() ?? "—";
}
