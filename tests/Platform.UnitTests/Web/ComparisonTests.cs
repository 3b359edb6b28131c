using System.Text.Json;
using Platform.Core.Runs;
using Platform.Web.Compare;

namespace Platform.UnitTests.Web;

public sealed class ComparisonTests
{
    [Fact]
    public void Ids_are_parsed_deduplicated_and_bad_ones_named()
    {
        var a = Guid.CreateVersion7();
        var (ids, error) = ComparisonIds.Parse($" {a},{a} ,");
        Assert.Null(error);
        Assert.Equal([a], ids);

        Assert.Contains("'nope' is not a run id", ComparisonIds.Parse($"{a},nope").Error);
        Assert.NotNull(ComparisonIds.Parse("").Error);
        var tooMany = string.Join(",", Enumerable.Range(0, ComparisonIds.MaxRuns + 1).Select(_ => Guid.NewGuid()));
        Assert.Contains("At most", ComparisonIds.Parse(tooMany).Error);
    }

    [Fact]
    public void Runs_differing_only_in_seed_and_field_order_share_a_configuration()
    {
        var a = Run("""{"lr":0.1,"sizes":[1,2]}""", seed: 1);
        var b = Run("""{"sizes":[1,2],"lr":0.1}""", seed: 2);
        var c = Run("""{"sizes":[1,2],"lr":0.2}""", seed: 1);

        Assert.Equal(ConfigurationKey.Of(a), ConfigurationKey.Of(b));
        Assert.NotEqual(ConfigurationKey.Of(a), ConfigurationKey.Of(c));
    }

    [Fact]
    public void The_parameter_table_marks_what_differs_and_labels_runs_by_it()
    {
        var runs = new[] { Run("""{"lr":0.1,"rounds":5}""", 1), Run("""{"lr":0.2,"rounds":5}""", 1), Run("""{"lr":0.2,"rounds":5,"extra":true}""", 2) };

        var diff = ParameterDiff.Of(runs);

        Assert.Equal(new HashSet<string> { "lr", "extra", "seed" }, diff.Differing);
        Assert.DoesNotContain("rounds", diff.Differing);
        Assert.False(diff.Values[0].ContainsKey("extra"));
        Assert.Equal("extra=— lr=0.1", diff.LabelOf(0));
    }

    private static RunDto Run(string parameters, long seed) => new(
        Guid.CreateVersion7(), "k", RunState.Succeeded, 1, 3, JsonDocument.Parse(parameters).RootElement, seed, [],
        DateTimeOffset.UtcNow, null, null, null, null, null, 1, null, false);
}
