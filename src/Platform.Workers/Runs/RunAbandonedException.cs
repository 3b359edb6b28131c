namespace Platform.Workers.Runs;

/// <summary>A cancelled run did not return within <see cref="WorkerOptions.CancelGrace"/>: it is settled without it.</summary>
internal sealed class RunAbandonedException : Exception;
