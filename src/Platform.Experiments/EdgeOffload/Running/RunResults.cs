namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>Everything the report is built from.</summary>
internal sealed record RunResults(EdgeOffloadParameters Parameters, FilterOutcome Filter, StreamOutcome Stream, SweepOutcome Sweep, TimeSpan Elapsed);
