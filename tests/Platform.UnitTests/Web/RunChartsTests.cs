using Platform.Core.Metrics;
using Platform.Experiments.Contract;
using Platform.Web.Components.Pages.Runs;

namespace Platform.UnitTests.Web;

public sealed class RunChartsTests
{
    private static readonly ChartPanel[] s_panels = [new("accuracy", "Accuracy", "round", "%"), new("loss", "Loss", "round", "")];

    [Fact]
    public void Keys_of_one_group_share_a_panel_with_one_curve_each_in_the_familys_order()
    {
        var charts = new RunCharts(s_panels);
        charts.Load([Series("zeta", 1), Series("loss", 2), Series("accuracy/fl-full", 3), Series("accuracy/sfprompt", 3)]);

        var specs = charts.Specs.ToList();

        Assert.Equal(["accuracy", "loss", "zeta"], specs.Select(s => s.Group));
        Assert.Equal(["fl-full", "sfprompt"], specs[0].Series.Select(s => s.Name));
        Assert.Equal("Accuracy", specs[0].Title);
        Assert.Equal("round", specs[0].XAxis);
        Assert.Equal("zeta", specs[2].Title);
    }

    [Fact]
    public void A_live_point_after_the_history_is_queued_for_its_panel_and_one_already_drawn_is_dropped()
    {
        var charts = new RunCharts(s_panels);
        charts.Load([Series("accuracy/a", 3)]);

        Assert.False(charts.Add("accuracy/a", 2, 9)); // already in the history
        Assert.False(charts.Add("accuracy/a", 3, 0.5));
        Assert.False(charts.Add("accuracy/b", 0, 0.1));
        var appends = charts.TakeAppends();

        var append = Assert.Single(appends);
        Assert.Equal(charts.Specs.Single().ElementId, append.Id);
        Assert.Equal([3.0], append.Series.Single(s => s.Name == "a").X);
        Assert.Equal([0.1], append.Series.Single(s => s.Name == "b").Y);
        Assert.Empty(charts.TakeAppends());
    }

    [Fact]
    public void A_live_point_of_a_new_group_opens_a_panel_drawn_with_it()
    {
        var charts = new RunCharts(s_panels);
        charts.Load([]);

        Assert.True(charts.Add("loss", 0, 2.5));
        Assert.False(charts.Add("loss", 1, 2.0));

        var spec = Assert.Single(charts.Specs);
        Assert.Equal([2.5], spec.Series.Single().Y);
        Assert.Equal([1.0], charts.TakeAppends().Single().Series.Single().X);
        Assert.Equal(["loss"], charts.KeysOf("loss"));
    }

    private static MetricSeries Series(string key, int points) =>
        new(key, [.. Enumerable.Range(0, points).Select(i => new double[] { i, i * 0.1 })]);
}
