using System.Collections.Concurrent;
using Platform.Core.Jobs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Queue;

/// <summary>The queue's SQL against a real PostgreSQL: races, leases, attempts and terminal states.</summary>
public sealed class JobQueueTests(PostgresServer server)
{
    private static readonly string[] s_kinds = ["k"];
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_claimers_never_take_the_same_job()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        const int Jobs = 300;
        for (var i = 0; i < Jobs; i++)
        {
            await db.Queue.EnqueueAsync(MigratedDatabase.Job(), Ct);
        }

        var claims = new ConcurrentBag<(Guid Job, string Worker)>();
        var claimers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var worker = $"worker-{w}";
            while (await db.Queue.TryClaimAsync(worker, s_kinds, s_lease, Ct) is { } job)
            {
                claims.Add((job.Id, worker));
                Assert.True(await db.Queue.CompleteAsync(job.Id, worker, JobState.Succeeded, "{}", null, Ct));
            }
        }, Ct));
        await Task.WhenAll(claimers);

        Assert.Equal(Jobs, claims.Count);
        Assert.Equal(Jobs, claims.Select(c => c.Job).Distinct().Count());
        Assert.True(claims.Select(c => c.Worker).Distinct().Count() > 1, "the claims should have been spread over several workers");
        Assert.Equal(Jobs, await db.ScalarAsync("SELECT count(*) FROM jobs WHERE state = 'Succeeded' AND attempt = 1"));
    }

    [Fact]
    public async Task Claims_follow_priority_then_submission_order_and_only_known_kinds()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var (first, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Job(), Ct);
        var (urgent, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Job() with { Priority = 5 }, Ct);
        await db.Queue.EnqueueAsync(MigratedDatabase.Job(kind: "other"), Ct);
        var (second, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Job(), Ct);

        var order = new List<Guid>();
        while (await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct) is { } job)
        {
            order.Add(job.Id);
        }

        Assert.Equal([urgent, first, second], order);
    }

    [Fact]
    public async Task An_expired_lease_is_requeued_and_the_old_worker_can_no_longer_finish_it()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var (id, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Job(), Ct);
        await db.Queue.TryClaimAsync("dead", s_kinds, TimeSpan.FromMilliseconds(100), Ct);
        await Task.Delay(300, Ct);

        var reaped = await db.Queue.ReapExpiredLeasesAsync(Ct);
        Assert.Equal([(id, JobState.Queued)], reaped);

        var retry = await db.Queue.TryClaimAsync("alive", s_kinds, s_lease, Ct);
        Assert.Equal(id, retry?.Id);
        Assert.Equal(2, retry!.Attempt);
        Assert.Equal(LeaseStatus.Lost, await db.Queue.HeartbeatAsync(id, "dead", s_lease, Ct));
        Assert.False(await db.Queue.CompleteAsync(id, "dead", JobState.Failed, null, "late", Ct));
        Assert.True(await db.Queue.CompleteAsync(id, "alive", JobState.Succeeded, "{}", null, Ct));
        Assert.False(await db.Queue.CompleteAsync(id, "alive", JobState.Failed, null, "twice", Ct));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM jobs WHERE id = '{id}' AND state = 'Succeeded' AND finished_at IS NOT NULL"));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM job_attempts WHERE job_id = '{id}' AND attempt = 1 AND worker = 'dead' AND outcome = 'LeaseExpired'"));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM job_attempts WHERE job_id = '{id}' AND attempt = 2 AND worker = 'alive' AND outcome = 'Succeeded'"));
    }

    [Fact]
    public async Task A_lease_expiring_on_the_last_attempt_fails_the_job_with_the_cause()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var (id, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Job(maxAttempts: 1), Ct);
        await db.Queue.TryClaimAsync("dead", s_kinds, TimeSpan.FromMilliseconds(50), Ct);
        await Task.Delay(200, Ct);

        Assert.Equal([(id, JobState.Failed)], await db.Queue.ReapExpiredLeasesAsync(Ct));
        Assert.Null(await db.Queue.TryClaimAsync("alive", s_kinds, s_lease, Ct));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM jobs WHERE id = '{id}' AND error LIKE '%dead stopped heart-beating%'"));
    }

    [Fact]
    public async Task Cancelling_a_queued_job_ends_it_and_a_running_one_is_flagged_for_its_worker()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var (running, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Job(), Ct);
        await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct);
        var (queued, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Job(), Ct);

        Assert.Equal(CancelOutcome.Cancelled, await db.Queue.RequestCancelAsync(queued, Ct));
        Assert.Equal(CancelOutcome.AlreadyFinished, await db.Queue.RequestCancelAsync(queued, Ct));
        Assert.Null(await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct));
        Assert.Equal(CancelOutcome.Requested, await db.Queue.RequestCancelAsync(running, Ct));
        Assert.Equal(LeaseStatus.CancelRequested, await db.Queue.HeartbeatAsync(running, "w", s_lease, Ct));
        Assert.Equal(CancelOutcome.NotFound, await db.Queue.RequestCancelAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_job()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var first = await db.Queue.EnqueueAsync(MigratedDatabase.Job(idempotencyKey: "abc"), Ct);
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => db.Queue.EnqueueAsync(MigratedDatabase.Job(idempotencyKey: "abc"), Ct)));

        Assert.True(first.Created);
        Assert.All(again, a => Assert.Equal((first.Id, false), a));
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM jobs"));
    }

    [Fact]
    public async Task A_graceful_release_requeues_without_using_up_an_attempt()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var (id, _) = await db.Queue.EnqueueAsync(MigratedDatabase.Job(maxAttempts: 1), Ct);
        await db.Queue.TryClaimAsync("w", s_kinds, s_lease, Ct);

        Assert.Equal(JobState.Queued, await db.Queue.ReleaseAsync(id, "w", "shutdown", countAttempt: false, Ct));
        var again = await db.Queue.TryClaimAsync("w2", s_kinds, s_lease, Ct);
        Assert.Equal(1, again?.Attempt);
        Assert.Equal(JobState.Failed, await db.Queue.ReleaseAsync(id, "w2", "database fault", countAttempt: true, Ct));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM job_attempts WHERE job_id = '{id}' AND worker = 'w' AND outcome = 'Interrupted'"));
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM job_attempts WHERE job_id = '{id}' AND worker = 'w2' AND outcome = 'Fault' AND error = 'database fault'"));
    }
}
