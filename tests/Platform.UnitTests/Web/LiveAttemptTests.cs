using Platform.Core.Runs;
using Platform.Web.Components.Pages.Runs;

namespace Platform.UnitTests.Web;

public sealed class LiveAttemptTests
{
    [Theory]
    [InlineData(RunState.Queued, 0, RunState.Running, 1)]
    [InlineData(RunState.Queued, 1, RunState.Running, 2)]
    [InlineData(RunState.Running, 1, RunState.Running, 1)]
    [InlineData(RunState.Running, 1, RunState.Succeeded, 1)]
    [InlineData(RunState.Running, 1, RunState.Queued, 1)]
    public void A_live_page_counts_the_attempt_a_lease_starts_and_only_that(RunState before, int attempt, RunState now, int expected) =>
        Assert.Equal(expected, LiveAttempt.After(before, attempt, now));
}
