using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Events;
using Platform.Core.Persistence;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.Core.Studies;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Studies;

/// <summary>A failed run retried from its study: a new run takes its place, the failed one keeps its record.</summary>
public sealed class StudyRetryTests(PostgresServer server)
{
    private static readonly string[] s_kinds = ["k"];
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_retried_run_is_replaced_in_its_place_by_a_new_queued_run_with_the_same_seed()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var events = new RunEventPublisher(db.DataSource, new RunEventBus(NullLogger<RunEventBus>.Instance), new InstanceIdentity());
        var (studyId, _) = await new StudyStore(db.DataSource, events).InsertAsync(Study("user:a"), ownerQueueCap: null, Ct);
        var reader = Reader(db);
        var retrier = new StudyRunRetrier(db.DataSource, events);
        var failed = await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct);
        Assert.True(await db.Queue.CompleteAsync(failed!.Id, "w", RunState.Failed, null, "boom", Ct));
        var succeeded = await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct);
        Assert.True(await db.Queue.CompleteAsync(succeeded!.Id, "w", RunState.Succeeded, "{}", null, Ct));

        Assert.Equal(RetryOutcome.Forbidden, (await retrier.RetryAsync(new Caller("user:b", "b", AccessRole.Runner), studyId, failed.Id, Ct)).Outcome);
        Assert.Equal(RetryOutcome.NotFailed, (await retrier.RetryAsync(Caller.Platform, studyId, succeeded.Id, Ct)).Outcome);
        // Claim order is id order, not replicate order (UUIDv7s of one millisecond): read which place failed.
        var failedPlace = Assert.Single(await reader.ResultsAsync(studyId, Ct), p => p.RunId == failed.Id);
        var (outcome, newId) = await retrier.RetryAsync(new Caller("user:a", "a", AccessRole.Runner), studyId, failed.Id, Ct);

        Assert.Equal(RetryOutcome.Retried, outcome);
        var places = await reader.ResultsAsync(studyId, Ct);
        var place = Assert.Single(places, p => p.RunId == newId);
        Assert.Equal((0, failedPlace.Replicate, failed.Seed, RunState.Queued), (place.Point, place.Replicate, place.Seed, place.State));
        Assert.DoesNotContain(places, p => p.RunId == failed.Id);
        // The failed run is still on record, still of the study, but no longer counted in its progress.
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM runs WHERE id = '{failed.Id}' AND study_id = '{studyId}' AND state = 'Failed'"));
        var study = await reader.GetAsync(studyId, Ct);
        Assert.Equal(new StudyProgress(Queued: 1, Running: 0, Succeeded: 1, Failed: 0, Cancelled: 0), study!.Progress);
        Assert.Equal(RetryOutcome.NotFound, (await retrier.RetryAsync(Caller.Platform, studyId, failed.Id, Ct)).Outcome);
    }

    [Fact]
    public async Task A_cancelled_studys_runs_are_not_retried()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var events = new RunEventPublisher(db.DataSource, new RunEventBus(NullLogger<RunEventBus>.Instance), new InstanceIdentity());
        var (studyId, _) = await new StudyStore(db.DataSource, events).InsertAsync(Study(null), ownerQueueCap: null, Ct);
        await new StudyCanceller(db.DataSource, events).CancelAsync(Caller.Platform, studyId, Ct);
        var run = (await Reader(db).ResultsAsync(studyId, Ct))[0];
        Assert.Equal(RunState.Cancelled, run.State);

        var (outcome, _) = await new StudyRunRetrier(db.DataSource, events).RetryAsync(Caller.Platform, studyId, run.RunId, Ct);

        Assert.Equal(RetryOutcome.StudyCancelled, outcome);
    }

    private static NewStudy Study(string? owner) => new(
        "k", null, null, null, "[{}]", 2, 7, [new NewStudyRun("{}", 11, 0, 0), new NewStudyRun("{}", 12, 0, 1)], [], 1, owner);

    private static StudyReader Reader(MigratedDatabase db)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UsePlatformDatabase(db.ConnectionString);
        return new StudyReader(db.DataSource, new PooledDbContextFactory<PlatformDbContext>(options.Options));
    }
}
