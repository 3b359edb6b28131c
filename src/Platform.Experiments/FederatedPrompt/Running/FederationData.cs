using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Methods;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>The fine-tuning task of a run: every client's local data under the label partition, and the test set.</summary>
internal sealed class FederationData : IDisposable
{
    private FederationData(IReadOnlyList<ClientData> clients, ImageSet test)
    {
        Clients = clients;
        Test = test;
    }

    public IReadOnlyList<ClientData> Clients { get; }

    public ImageSet Test { get; }

    public static FederationData Generate(FederatedPromptParameters p, long seed, int samplesPerClient)
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
        return new FederationData(clients, factory.TargetTest(p.TestImages));
    }

    public void Dispose()
    {
        foreach (var client in Clients)
        {
            client.Data.Dispose();
        }
        Test.Dispose();
    }
}
