using System.Text.Json;
using Platform.Core.Runs;
using Platform.Experiments.Contract;
using Platform.Web.Compare;

namespace Platform.UnitTests.Web;

/// <summary>Compare's charts: a run is one colour and line style everywhere, and its results come as bars per run.</summary>
public sealed class ComparisonPlotsTests
{
    private static readonly FamilyCatalog s_noFamilies = new([]);

    [Fact]
    public void A_run_keeps_its_slot_on_every_chart_even_where_an_earlier_run_logged_nothing()
    {
        var runs = new[] { Run(1), Run(2), Run(3) };
        IReadOnlyList<(long, double)> curve = [(0, 1.0), (1, 2.0)];
        var curves = new IReadOnlyDictionary<string, IReadOnlyList<(long Step, double Value)>>[]
        {
            new Dictionary<string, IReadOnlyList<(long, double)>> { ["loss"] = curve },
            new Dictionary<string, IReadOnlyList<(long, double)>> { ["loss"] = curve, ["accuracy"] = curve },
            new Dictionary<string, IReadOnlyList<(long, double)>> { ["loss"] = curve, ["accuracy"] = curve },
        };
        var comparison = new Comparison(runs, [], ParameterDiff.Of(runs), ["accuracy", "loss"], curves);

        var plots = ComparisonPlots.Build(comparison, aggregate: false, BandKind.MinMax, s_noFamilies);

        var accuracy = plots.Single(p => p.Group == "accuracy");
        var loss = plots.Single(p => p.Group == "loss");
        Assert.Equal([1, 2], accuracy.Series.Select(s => s.Slot!.Value));
        Assert.Equal([0, 1, 2], loss.Series.Select(s => s.Slot!.Value));
        Assert.Equal(accuracy.Series[0].Name, loss.Series[1].Name);
        Assert.All(plots, p => Assert.True(p.AlwaysLegend));
    }

    [Fact]
    public void Results_are_one_bar_per_run_that_reports_them()
    {
        var runs = new[]
        {
            Run(1) with { Summary = Summary(("throughput", 10)) },
            Run(2),
            Run(3) with { Summary = Summary(("throughput", 30), ("latency", 4)) },
        };
        var comparison = new Comparison(runs, [], ParameterDiff.Of(runs), [], [.. runs.Select(_ => new Dictionary<string, IReadOnlyList<(long, double)>>())]);

        var bars = ComparisonPlots.Summary(comparison, new ComparedSummaries(runs), aggregate: false);

        var throughput = bars.Single(b => b.Title == "throughput");
        Assert.True(throughput.Categorical);
        Assert.Equal([(0, 10.0), (2, 30.0)], throughput.Series.Select(s => (s.Slot!.Value, s.Y.Single())));
        Assert.Equal([(2, 4.0)], bars.Single(b => b.Title == "latency").Series.Select(s => (s.Slot!.Value, s.Y.Single())));
        Assert.DoesNotContain(bars, b => b.Group == "summary:claims");
    }

    private static JsonElement Summary(params (string Name, double Value)[] metrics) =>
        JsonSerializer.SerializeToElement(new { metrics = metrics.ToDictionary(m => m.Name, m => m.Value) });

    private static RunDto Run(long seed) => new(
        Guid.CreateVersion7(), "k", RunState.Succeeded, 1, 3, JsonDocument.Parse("""{"lr":0.1}""").RootElement, seed, [],
        DateTimeOffset.UtcNow, null, null, null, null, null, 1, null, false);
}
