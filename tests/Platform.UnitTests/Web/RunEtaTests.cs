using System.Text.Json;
using Platform.Core.Runs;
using Platform.Web.Components.Pages.Runs;

namespace Platform.UnitTests.Web;

public sealed class RunEtaTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Time_left_extrapolates_the_elapsed_time_by_the_progress()
    {
        var run = Running(progress: 0.25);
        Assert.Equal(TimeSpan.FromMinutes(3), RunEta.Remaining(run, s_start.AddMinutes(1)));
        Assert.Equal("about 3 min left", RunEta.Describe(TimeSpan.FromMinutes(3)));
        Assert.Equal("about 40 s left", RunEta.Describe(TimeSpan.FromSeconds(40)));
    }

    [Fact]
    public void There_is_no_estimate_before_a_run_has_made_real_progress_or_once_it_stopped()
    {
        Assert.Null(RunEta.Remaining(Running(progress: 0.01), s_start.AddMinutes(1)));
        Assert.Null(RunEta.Remaining(Running(progress: 0.5) with { State = RunState.Succeeded }, s_start.AddMinutes(1)));
    }

    private static RunDto Running(double progress) => new(
        Guid.CreateVersion7(), "k", RunState.Running, 1, 3, JsonDocument.Parse("{}").RootElement, 1, [],
        s_start, s_start, null, null, null, null, progress, null, false);
}
