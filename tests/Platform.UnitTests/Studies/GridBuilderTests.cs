using System.Text.Json;
using Platform.Web.Studies.Aggregation;

namespace Platform.UnitTests.Studies;

public sealed class GridBuilderTests
{
    private static PointAggregate Point(int index, string parameters, params double[] seeds) =>
        new(index, JsonDocument.Parse(parameters).RootElement.Clone(), seeds.Length, seeds.Length,
            [new MetricAggregate("speed", SampleStatistics.Of(seeds))], []);

    [Fact]
    public void Two_swept_parameters_give_each_metric_as_a_grid_with_each_points_mean_in_its_cell()
    {
        // Declared in the sweep's order: rounds 20 before 5, so the numeric axis must be sorted; one cell has no run.
        var grids = GridBuilder.Build([
            Point(0, """{"rounds": 20, "clients": 4}""", 10, 12),
            Point(1, """{"rounds": 5, "clients": 4}""", 1, 3),
            Point(2, """{"rounds": 20, "clients": 8}""", 30),
        ]);

        var grid = Assert.Single(grids);
        Assert.Equal(("rounds", "clients", "speed"), (grid.XParameter, grid.YParameter, grid.Metric));
        Assert.Equal([5.0, 20.0], grid.X.Select(x => x.GetDouble()));
        Assert.Equal([4.0, 8.0], grid.Y.Select(y => y.GetDouble()));
        Assert.Equal([2.0, 11.0], grid.Mean[0]);
        Assert.Equal([null, 30.0], grid.Mean[1]);
        Assert.Equal([[2, 2], [0, 1]], grid.N);
    }

    [Fact]
    public void One_or_three_swept_parameters_give_no_grid()
    {
        Assert.Empty(GridBuilder.Build([Point(0, """{"a": 1}""", 1), Point(1, """{"a": 2}""", 2)]));
        Assert.Empty(GridBuilder.Build([Point(0, """{"a": 1, "b": 1, "c": 1}""", 1), Point(1, """{"a": 2, "b": 1, "c": 1}""", 2)]));
    }
}
