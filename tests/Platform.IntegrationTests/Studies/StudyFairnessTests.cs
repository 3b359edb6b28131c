using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Core.Studies;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Studies;

/// <summary>The claim order across owners: a big study of one owner must not make another owner's run wait for it.</summary>
public sealed class StudyFairnessTests(PostgresServer server)
{
    private static readonly string[] s_kinds = ["k"];
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_owners_run_queued_after_a_500_run_study_is_claimed_as_soon_as_a_worker_is_free()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var store = new StudyStore(db.DataSource, new RunEventPublisher(db.DataSource, new RunEventBus(NullLogger<RunEventBus>.Instance), new InstanceIdentity()));
        await store.InsertAsync(Study("user:big", 500), ownerQueueCap: null, Ct);
        // Two workers are busy with the study's first runs when the other owner submits.
        var busy = new[] { await db.Queue.TryClaimAsync("w1", s_kinds, s_lease, Ct), await db.Queue.TryClaimAsync("w2", s_kinds, s_lease, Ct) };
        var (single, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run() with { Owner = "user:small" }, Ct);

        // The first worker to finish takes the other owner's run, not the study's 3rd.
        Assert.True(await db.Queue.CompleteAsync(busy[0]!.Id, "w1", RunState.Succeeded, "{}", null, Ct));
        var next = await db.Queue.TryClaimAsync("w1", s_kinds, s_lease, Ct);
        Assert.Equal(single, next?.Id);
    }

    [Fact]
    public async Task Among_owners_with_nothing_running_claims_keep_priority_then_submission_order()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var (a, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run() with { Owner = "user:a" }, Ct);
        var (b, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run() with { Owner = "user:b" }, Ct);
        var (urgent, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run() with { Owner = "user:a", Priority = 5 }, Ct);

        var order = new List<Guid>();
        while (await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct) is { } run)
        {
            order.Add(run.Id);
        }

        // The urgent run first (priority before fairness); then b's, since a now has one running; then a's.
        Assert.Equal([urgent, b, a], order);
    }

    [Fact]
    public async Task Runs_without_an_owner_take_part_in_the_fair_order_and_a_delayed_head_does_not_hide_an_owners_later_runs()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var store = new StudyStore(db.DataSource, new RunEventPublisher(db.DataSource, new RunEventBus(NullLogger<RunEventBus>.Instance), new InstanceIdentity()));
        // More delayed runs at the head of the owner's queue than the claim considers per owner.
        var delayed = RunQueue.ClaimCandidatesPerOwner + 1;
        var (studyId, _) = await store.InsertAsync(Study("user:a", delayed + 2), ownerQueueCap: null, Ct);
        // The head in claim order (ids are UUIDv7, so oldest first): not the replicates' order within one millisecond.
        await db.ScalarAsync($"""
            WITH head AS (SELECT id FROM runs WHERE study_id = '{studyId}' ORDER BY id LIMIT {delayed})
            UPDATE runs SET not_before = now() + interval '1 hour' WHERE id IN (SELECT id FROM head) RETURNING 0
            """);
        var first = await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct);
        var (anonymous, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run(), Ct);

        var second = await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct);
        var third = await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct);

        // a's first claimable run is past its delayed head; then the owner-less run, since a has one running; then a's last.
        Assert.Equal(delayed, await PositionAsync(db, studyId, first!.Id));
        Assert.Equal(anonymous, second?.Id);
        Assert.Equal(delayed + 1, await PositionAsync(db, studyId, third!.Id));
        Assert.Null(await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct));
    }

    /// <summary>How many of the study's runs come before this one in claim order.</summary>
    private static Task<long> PositionAsync(MigratedDatabase db, Guid studyId, Guid runId) =>
        db.ScalarAsync($"SELECT count(*) FROM runs WHERE study_id = '{studyId}' AND id < '{runId}'");

    private static NewStudy Study(string owner, int runs) => new(
        "k", null, null, null, "[{}]", runs, 1, [.. Enumerable.Range(0, runs).Select(i => new NewStudyRun("{}", i, 0, i))], [], 3, owner);
}
