using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.FederatedPrompt;

/// <summary>
/// The bytes the link counts for one round equal the sizes of the tensors exchanged, computed by hand from the tiny
/// model's shapes (4 bytes a float plus the assumed header per message).
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class SimulatedLinkTests
{
    // The framing assumed per message (SimulatedLink.HeaderBytes).
    private const long Header = 16;

    // TinyRun.Config by hand: width d = 32, 2 blocks of MLP 64, 4 prompts, 8 x 8 patches of a 32 x 32 image (16 patches),
    // T = 1 + 4 + 16 = 21 tokens, 10 classes. MethodHarness.Settings: batches of 8, keep 0.5, one pass of each phase.
    private const long D = 32;
    private const long T = 21;
    private const long Classes = 10;
    private const long Prompts = 4;

    // Prompts (4 x 32) and tail (norm 32 + 32, classifier 10 x 32 + 10): 522 floats in 5 tensors.
    private const long SyncBytes = (4 * ((Prompts * D) + D + D + (Classes * D) + Classes)) + (5 * Header);

    private static readonly VitConfig s_config = TinyRun.Config;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void One_sfprompt_round_sends_the_hand_computed_bytes_of_every_tensor_it_exchanges()
    {
        Assert.Equal(new VitConfig(32, 2, 2, 2, 8, 4), s_config);
        using var method = new SfPromptMethod(MethodNames.SfPrompt, MethodHarness.Settings(s_config), MethodHarness.RandomWeights(s_config));
        var client = MethodHarness.Client(0, samples: 20);
        method.TrainRound(1, [client], Ct);

        // Scoring sends every sample's head output up and the body's output down: 20 samples in batches 8, 8, 4.
        const long scoring = (4 * 20 * T * D) + (3 * Header);
        // Split training on the kept 10 in batches 8, 2: activations up and down, gradients up and down, each T x d.
        const long split = (4 * 10 * T * D) + (2 * Header);
        var counters = method.Link.Counters;

        Assert.Equal(SyncBytes, counters[LinkDirection.Down, PayloadKind.Parameters]);
        Assert.Equal(SyncBytes, counters[LinkDirection.Up, PayloadKind.Parameters]);
        Assert.Equal(scoring + split, counters[LinkDirection.Up, PayloadKind.Activations]);
        Assert.Equal(scoring + split, counters[LinkDirection.Down, PayloadKind.Activations]);
        Assert.Equal(split, counters[LinkDirection.Up, PayloadKind.Gradients]);
        Assert.Equal(split, counters[LinkDirection.Down, PayloadKind.Gradients]);
        Assert.Equal(5 + 5 + 5 + 5 + 2 + 2, counters.TotalMessages);
        client.Data.Dispose();
    }

    [Fact]
    public void Sfprompt_minimal_exchange_sends_only_the_cls_rows_and_the_prompt_rows()
    {
        using var method = new SfPromptMethod(MethodNames.SfPrompt, MethodHarness.Settings(s_config, TransferMode.Minimal), MethodHarness.RandomWeights(s_config));
        var client = MethodHarness.Client(0, samples: 20);
        method.TrainRound(1, [client], Ct);

        // Scoring: 20 head outputs up, 20 CLS rows down (3 batches); split: 10 kept (2 batches).
        var counters = method.Link.Counters;

        Assert.Equal((4 * 20 * T * D) + (3 * Header) + (4 * 10 * T * D) + (2 * Header), counters[LinkDirection.Up, PayloadKind.Activations]);
        Assert.Equal((4 * 20 * D) + (3 * Header) + (4 * 10 * D) + (2 * Header), counters[LinkDirection.Down, PayloadKind.Activations]);
        Assert.Equal((4 * 10 * D) + (2 * Header), counters[LinkDirection.Up, PayloadKind.Gradients]);
        Assert.Equal((4 * 10 * Prompts * D) + (2 * Header), counters[LinkDirection.Down, PayloadKind.Gradients]);
        client.Data.Dispose();
    }

    [Fact]
    public void One_fedavg_round_sends_the_hand_computed_bytes_of_the_whole_model_each_way_and_nothing_else()
    {
        using var method = new FlFullMethod(MethodHarness.Settings(s_config), MethodHarness.RandomWeights(s_config));
        var client = MethodHarness.Client(0, samples: 12);
        method.TrainRound(1, [client], Ct);

        // Head: patch conv 32 x 3 x 8 x 8 + 32, CLS 32, positions 17 x 32 (4 tensors). Each block: 2 norms of 2 x 32,
        // qkv 96 x 32 + 96, projection 32 x 32 + 32, MLP 64 x 32 + 64 and 32 x 64 + 32 (12 tensors). Tail: 4 tensors.
        const long head = (32 * 3 * 8 * 8) + 32 + 32 + (17 * 32);
        const long block = (4 * 32) + (96 * 32) + 96 + (32 * 32) + 32 + (64 * 32) + 64 + (32 * 64) + 32;
        const long tail = 32 + 32 + (10 * 32) + 10;
        const long model = (4 * (head + (2 * block) + tail)) + ((4 + (2 * 12) + 4) * Header);
        var counters = method.Link.Counters;

        Assert.Equal(model, counters.Of(LinkDirection.Up));
        Assert.Equal(model, counters.Of(LinkDirection.Down));
        Assert.Equal(2 * model, counters[LinkDirection.Up, PayloadKind.Parameters] + counters[LinkDirection.Down, PayloadKind.Parameters]);
        client.Data.Dispose();
    }

    [Fact]
    public void Int8_messages_cost_one_byte_per_element_plus_a_scale_and_round_the_values()
    {
        var link = new SimulatedLink(ActivationPrecision.Int8);
        using var tensor = torch.linspace(-1, 1, 1000);

        using var received = link.Send(tensor, LinkDirection.Up, PayloadKind.Activations);

        Assert.Equal(1000 + SimulatedLink.Int8ScaleBytes + Header, link.Counters.Total);
        var error = (received - tensor).abs().max().item<float>();
        Assert.InRange(error, 1e-6f, 1f / 127);
    }
}
