using System.Text;
using Platform.Experiments.Contract;

namespace Platform.IntegrationTests.Support;

public sealed class ResumableParameters
{
    [Parameter("Steps to run", Minimum = 1, Maximum = 1_000)]
    public int Steps { get; set; } = 10;

    [Parameter("On the first attempt, fail like a lost database after this step (-1: never)", Minimum = -1, Maximum = 1_000)]
    public int FaultAfterStep { get; set; } = -1;

    [Parameter("Pause after each step, in ms, so a test can stop the process mid-run", Minimum = 0, Maximum = 10_000)]
    public int DelayMs { get; set; }

    [Parameter("Save a checkpoint after every this many steps", Minimum = 1, Maximum = 1_000)]
    public int CheckpointEvery { get; set; } = 1;
}

/// <summary>
/// A test family that checkpoints after every step (or every few) and, on its first attempt, can fail the way an
/// infrastructure fault does; the retry must resume from the checkpoint and log each step exactly once.
/// </summary>
public sealed class ResumableExperiment : Experiment<ResumableParameters>
{
    public const string KindName = "test-resume";

    public override string Kind => KindName;

    public override string Title => "Resumable (test)";

    public override string Description => "Checkpoints every step and resumes after a fault.";

    protected override async Task<RunSummary> RunAsync(ResumableParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        var saved = await context.TryRestoreAsync("next-step", cancellationToken);
        var start = saved is null ? 0 : BitConverter.ToInt32(saved);
        await context.LogLineAsync($"Attempt {context.Attempt} starts at step {start}", cancellationToken);
        for (var step = start; step < parameters.Steps; step++)
        {
            await context.LogAsync("step", step, step, cancellationToken);
            if ((step + 1) % parameters.CheckpointEvery == 0)
            {
                await context.CheckpointAsync("next-step", BitConverter.GetBytes(step + 1), cancellationToken);
            }

            if (context.Attempt == 1 && step == parameters.FaultAfterStep)
            {
                throw new TimeoutException("Simulated infrastructure fault");
            }

            if (parameters.DelayMs > 0)
            {
                await Task.Delay(parameters.DelayMs, cancellationToken);
            }
        }

        await context.SaveArtifactAsync("result.txt", "text/plain", Encoding.UTF8.GetBytes($"resumed from {start}"), cancellationToken);
        return new RunSummary(new Dictionary<string, double> { ["start"] = start }, []);
    }
}
