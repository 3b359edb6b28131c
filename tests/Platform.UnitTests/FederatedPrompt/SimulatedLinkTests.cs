using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.FederatedPrompt;

/// <summary>
/// The bytes the link counts equal closed-form formulas for fixed shapes (our derivation from the tensors the SFPrompt
/// paper's split training exchanges; the paper prints no such formula).
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class SimulatedLinkTests
{
    private const long Header = SimulatedLink.HeaderBytes;
    private static readonly VitConfig s_config = TinyRun.Config;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ActivationPrecision.Fp32, 4)]
    [InlineData(ActivationPrecision.Fp16, 2)]
    public void Sfprompt_full_exchange_sends_four_activation_sized_tensors_per_kept_sample(ActivationPrecision precision, int elementBytes)
    {
        using var method = new SfPromptMethod(MethodNames.SfPrompt, MethodHarness.Settings(s_config, precision: precision), MethodHarness.RandomWeights(s_config));
        var client = MethodHarness.Client(0, samples: 20);
        method.TrainRound(1, [client], Ct);

        // 20 samples, keep 0.5 -> S = 10 in batches of 8 and 2: two messages per tensor kind and direction.
        long s = 10, t = s_config.Tokens, d = s_config.Width, batches = 2;
        var syncTensors = method.Global.ParametersOf(ModelPart.Prompts | ModelPart.Tail).ToList();
        var sync = 4 * MethodHarness.Elements(syncTensors) + Header * syncTensors.Count;
        var activation = elementBytes * s * t * d + Header * batches;
        var counters = method.Link.Counters;

        Assert.Equal(sync, counters[LinkDirection.Up, PayloadKind.Parameters]);
        Assert.Equal(sync, counters[LinkDirection.Down, PayloadKind.Parameters]);
        Assert.Equal(activation, counters[LinkDirection.Up, PayloadKind.Activations]);
        Assert.Equal(activation, counters[LinkDirection.Down, PayloadKind.Activations]);
        Assert.Equal(activation, counters[LinkDirection.Up, PayloadKind.Gradients]);
        Assert.Equal(activation, counters[LinkDirection.Down, PayloadKind.Gradients]);
        client.Data.Dispose();
    }

    [Fact]
    public void Sfprompt_minimal_exchange_sends_only_the_cls_rows_and_the_prompt_rows()
    {
        using var method = new SfPromptMethod(MethodNames.SfPrompt, MethodHarness.Settings(s_config, TransferMode.Minimal), MethodHarness.RandomWeights(s_config));
        var client = MethodHarness.Client(0, samples: 20);
        method.TrainRound(1, [client], Ct);

        long s = 10, t = s_config.Tokens, d = s_config.Width, p = s_config.PromptTokens, headers = 2 * Header;
        var counters = method.Link.Counters;

        Assert.Equal(4 * s * t * d + headers, counters[LinkDirection.Up, PayloadKind.Activations]);
        Assert.Equal(4 * s * d + headers, counters[LinkDirection.Down, PayloadKind.Activations]);
        Assert.Equal(4 * s * d + headers, counters[LinkDirection.Up, PayloadKind.Gradients]);
        Assert.Equal(4 * s * p * d + headers, counters[LinkDirection.Down, PayloadKind.Gradients]);
        client.Data.Dispose();
    }

    [Fact]
    public void Fedavg_full_fine_tuning_sends_the_whole_model_each_way_and_nothing_else()
    {
        using var method = new FlFullMethod(MethodHarness.Settings(s_config), MethodHarness.RandomWeights(s_config));
        var client = MethodHarness.Client(0, samples: 12);
        method.TrainRound(1, [client], Ct);

        var tensors = method.Global.ParametersOf(ModelPart.Head | ModelPart.Body | ModelPart.Tail).ToList();
        var model = 4 * MethodHarness.Elements(tensors) + Header * tensors.Count;
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
