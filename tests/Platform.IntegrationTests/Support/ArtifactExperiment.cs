using Platform.Experiments.Contract;

namespace Platform.IntegrationTests.Support;

/// <summary>A test family that saves one artifact of a chosen size, to exercise the artifact size limit.</summary>
public sealed class ArtifactExperiment : Experiment<ArtifactParameters>
{
    public const string KindName = "test-artifact";

    public override string Kind => KindName;

    public override string Title => "Artifact (test)";

    public override string Description => "Saves one artifact of the given size.";

    protected override async Task<RunSummary> RunAsync(ArtifactParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        await context.SaveArtifactAsync("blob.bin", "application/octet-stream", new byte[parameters.Bytes], cancellationToken);
        return new RunSummary(new Dictionary<string, double> { ["bytes"] = parameters.Bytes }, []);
    }
}
