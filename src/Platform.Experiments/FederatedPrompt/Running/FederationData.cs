using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Methods;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>The fine-tuning task of a run: every client's local data under the label partition, and the test set.</summary>
internal sealed class FederationData : IDisposable
{
    private FederationData(IReadOnlyList<ClientData> clients, IReadOnlyList<ImageSet> tests)
    {
        Clients = clients;
        Tests = tests;
    }

    public IReadOnlyList<ClientData> Clients { get; }

    /// <summary>The test set every round is evaluated on.</summary>
    public ImageSet Test => Tests[0];

    /// <summary>
    /// <see cref="Test"/> and further test sets, each drawn with its own seed, that the final models are evaluated on:
    /// the cheap part of the run re-drawn, which gives the accuracy claims a seed spread.
    /// </summary>
    public IReadOnlyList<ImageSet> Tests { get; }

    public static FederationData Generate(FederatedPromptParameters p, long seed, int samplesPerClient, int testSets = 1)
    {
        var factory = new GlyphDataFactory(seed, p.ShiftSeverity);
        var shares = LabelPartition.Draw(p.Partition, p.Clients, GlyphTask.Classes, p.DirichletAlpha, seed);
        var clients = Enumerable.Range(0, p.Clients)
            .Select(k =>
            {
                var data = factory.TargetClient(k, samplesPerClient, shares[k]);
                return new ClientData(k, data, data.ClassShares(GlyphTask.Classes));
            })
            .ToArray();
        return new FederationData(clients, [.. Enumerable.Range(0, testSets).Select(set => factory.TargetTest(p.TestImages, set))]);
    }

    public void Dispose()
    {
        foreach (var client in Clients)
        {
            client.Data.Dispose();
        }
        foreach (var test in Tests)
        {
            test.Dispose();
        }
    }
}
