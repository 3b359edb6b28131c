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

    private static NewStudy Study(string owner, int runs) => new(
        "k", null, null, null, "[{}]", runs, 1, [.. Enumerable.Range(0, runs).Select(i => new NewStudyRun("{}", i, 0, i))], [], 3, owner);
}
