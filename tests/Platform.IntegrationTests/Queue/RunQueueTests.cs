using System.Collections.Concurrent;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Queue;

/// <summary>The queue's SQL against a real PostgreSQL: races, leases, attempts and terminal states.</summary>
public sealed class RunQueueTests(PostgresServer server)
{
    private static readonly string[] s_kinds = ["k"];
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_claimers_never_take_the_same_run()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        const int Runs = 300;
        for (var i = 0; i < Runs; i++)
        {
            await db.Queue.EnqueueAsync(MigratedDatabase.Run(), Ct);
        }

        var claims = new ConcurrentBag<(Guid Run, string Worker)>();
        var claimers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var worker = $"worker-{w}";
            while (await db.Queue.TryClaimAsync(worker, s_kinds, s_lease, Ct) is { } run)
            {
                claims.Add((run.Id, worker));
                Assert.True(await db.Queue.CompleteAsync(run.Id, worker, RunState.Succeeded, "{}", null, Ct));
            }
        }, Ct));
        await Task.WhenAll(claimers);

        Assert.Equal(Runs, claims.Count);
        Assert.Equal(Runs, claims.Select(c => c.Run).Distinct().Count());
        Assert.True(claims.Select(c => c.Worker).Distinct().Count() > 1, "the claims should have been spread over several workers");
        Assert.Equal(Runs, await db.ScalarAsync("SELECT count(*) FROM runs WHERE state = 'Succeeded' AND attempt = 1"));
    }

    [Fact]
    public async Task Claims_follow_priority_then_submission_order_and_only_known_kinds()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var (first, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run(), Ct);
        var (urgent, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run() with { Priority = 5 }, Ct);
        await db.Queue.EnqueueAsync(MigratedDatabase.Run(kind: "other"), Ct);
        var (second, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run(), Ct);

        var order = new List<Guid>();
        while (await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct) is { } run)
        {
            order.Add(run.Id);
        }

        Assert.Equal([urgent, first, second], order);
    }

    [Fact]
    public async Task An_expired_lease_is_requeued_and_the_old_worker_can_no_longer_finish_it()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var (id, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run(), Ct);
        await db.Queue.TryClaimAsync("dead", s_kinds, TimeSpan.FromMilliseconds(100), Ct);
        await Task.Delay(300, Ct);

        var reaped = await db.Queue.ReapExpiredLeasesAsync(Ct);
        Assert.Equal([(id, RunState.Queued)], reaped);

        var retry = await db.Queue.TryClaimAsync("alive", s_kinds, s_lease, Ct);
        Assert.Equal(id, retry?.Id);
        Assert.Equal(2, retry!.Attempt);
        Assert.Equal(LeaseStatus.Lost, await db.Queue.HeartbeatAsync(id, "dead", s_lease, Ct));
        Assert.False(await db.Queue.CompleteAsync(id, "dead", RunState.Failed, null, "late", Ct));
        Assert.True(await db.Queue.CompleteAsync(id, "alive", RunState.Succeeded, "{}", null, Ct));
        Assert.False(await db.Queue.CompleteAsync(id, "alive", RunState.Failed, null, "twice", Ct));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM runs WHERE id = '{id}' AND state = 'Succeeded' AND finished_at IS NOT NULL"));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM run_attempts WHERE run_id = '{id}' AND attempt = 1 AND worker = 'dead' AND outcome = 'LeaseExpired'"));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM run_attempts WHERE run_id = '{id}' AND attempt = 2 AND worker = 'alive' AND outcome = 'Succeeded'"));
    }

    [Fact]
    public async Task A_lease_expiring_on_the_last_attempt_fails_the_run_with_the_cause()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var (id, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run(maxAttempts: 1), Ct);
        await db.Queue.TryClaimAsync("dead", s_kinds, TimeSpan.FromMilliseconds(50), Ct);
        await Task.Delay(200, Ct);

        Assert.Equal([(id, RunState.Failed)], await db.Queue.ReapExpiredLeasesAsync(Ct));
        Assert.Null(await db.Queue.TryClaimAsync("alive", s_kinds, s_lease, Ct));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM runs WHERE id = '{id}' AND error LIKE '%dead stopped heart-beating%'"));
    }

    [Fact]
    public async Task Cancelling_a_queued_run_ends_it_and_a_running_one_is_flagged_for_its_worker()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var (running, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run(), Ct);
        await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct);
        var (queued, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run(), Ct);

        Assert.Equal(CancelOutcome.Cancelled, await db.Queue.RequestCancelAsync(Caller.Platform, queued, Ct));
        Assert.Equal(CancelOutcome.AlreadyFinished, await db.Queue.RequestCancelAsync(Caller.Platform, queued, Ct));
        Assert.Null(await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct));
        Assert.Equal(CancelOutcome.Requested, await db.Queue.RequestCancelAsync(Caller.Platform, running, Ct));
        Assert.Equal(LeaseStatus.CancelRequested, await db.Queue.HeartbeatAsync(running, "w", s_lease, Ct));
        Assert.Equal(CancelOutcome.NotFound, await db.Queue.RequestCancelAsync(Caller.Platform, Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task A_runner_cancels_only_its_own_runs_and_the_platform_any()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var alice = new Caller("key:alice", "alice", AccessRole.Runner);
        var bob = new Caller("key:bob", "bob", AccessRole.Runner);
        var (alices, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run() with { Owner = alice.Owner }, Ct);
        var (bobs, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run() with { Owner = bob.Owner }, Ct);
        var (unowned, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run(), Ct);

        Assert.Equal(CancelOutcome.Forbidden, await db.Queue.RequestCancelAsync(bob, alices, Ct));
        Assert.Equal(CancelOutcome.Forbidden, await db.Queue.RequestCancelAsync(bob, unowned, Ct));
        Assert.Equal(CancelOutcome.Forbidden, await db.Queue.RequestCancelAsync(new Caller("key:alice", "viewer", AccessRole.Viewer), alices, Ct));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM runs WHERE id = '{alices}' AND state = 'Queued' AND NOT cancel_requested"));
        Assert.Equal(CancelOutcome.Cancelled, await db.Queue.RequestCancelAsync(alice, alices, Ct));
        Assert.Equal(CancelOutcome.Cancelled, await db.Queue.RequestCancelAsync(Caller.Platform, bobs, Ct));
        Assert.Equal(CancelOutcome.Cancelled, await db.Queue.RequestCancelAsync(new Caller("user:ada", "ada", AccessRole.Admin), unowned, Ct));
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_run()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var first = await db.Queue.EnqueueAsync(MigratedDatabase.Run(idempotencyKey: "abc"), Ct);
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => db.Queue.EnqueueAsync(MigratedDatabase.Run(idempotencyKey: "abc"), Ct)));

        Assert.True(first.Created);
        Assert.All(again, a => Assert.Equal((first.Id, false), a));
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM runs"));
    }

    [Fact]
    public async Task A_graceful_release_requeues_without_using_up_an_attempt()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var (id, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Run(maxAttempts: 1), Ct);
        await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct);

        Assert.Equal(RunState.Queued, await db.Queue.ReleaseAsync(id, "w", "shutdown", countAttempt: false, Ct));
        var again = await db.Queue.TryClaimAsync("w2", s_kinds, s_lease, Ct);
        Assert.Equal(1, again?.Attempt);
        Assert.Equal(RunState.Failed, await db.Queue.ReleaseAsync(id, "w2", "database fault", countAttempt: true, Ct));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM run_attempts WHERE run_id = '{id}' AND worker = 'w' AND outcome = 'Interrupted'"));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM run_attempts WHERE run_id = '{id}' AND worker = 'w2' AND outcome = 'Fault' AND error = 'database fault'"));
    }
}
