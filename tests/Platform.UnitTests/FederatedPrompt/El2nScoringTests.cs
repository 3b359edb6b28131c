using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.FederatedPrompt;

/// <summary>SFPrompt scores its samples by EL2N under the prediction the model really makes: head, prompts, body, tail.</summary>
[Collection(LibTorchCollection.Name)]
public sealed class El2nScoringTests
{
    [Fact]
    public void A_sample_the_deployed_model_classifies_perfectly_has_the_minimal_el2n_score()
    {
        var config = TinyRun.Config;
        var settings = MethodHarness.Settings(config) with { LocalLossEpochs = 0 };
        using var method = new SfPromptMethod(MethodNames.SfPrompt, settings, MethodHarness.RandomWeights(config));
        using (torch.no_grad())
        {
            // Large random class directions make every prediction confident: softmax is one-hot to float precision.
            var classifier = method.Global.ParametersOf(ModelPart.Tail).Single(p => p.Name == "tail.classifier.weight").Parameter;
            torch.manual_seed(2);
            classifier.copy_(torch.randn(classifier.shape).mul_(100));
        }

        // Sample 0 is labelled with what the whole model (prompts and body included) predicts, every other sample with
        // another class: only sample 0 is classified perfectly, and only by that path.
        var source = MethodHarness.Client(0, samples: 12);
        long[] predicted;
        using (torch.no_grad())
        {
            method.Global.eval();
            using var logits = method.Global.Logits(source.Data.Images);
            predicted = logits.argmax(1).data<long>().ToArray();
        }
        var labels = predicted.Select((c, i) => i == 0 ? c : (c + 1) % GlyphTask.Classes).ToArray();
        using var data = new ImageSet(source.Data.Images.clone(), torch.tensor(labels));
        source.Data.Dispose();

        var scores = method.TrainRound(1, [new ClientData(0, data, data.ClassShares(GlyphTask.Classes))], TestContext.Current.CancellationToken).El2nScores!;

        Assert.Equal(12, scores.Length);
        Assert.True(scores[0] < 1e-3, $"EL2N of the perfectly classified sample: {scores[0]}");
        Assert.All(scores.Skip(1), s => Assert.True(s > 1, $"a confidently misclassified sample scored {s}"));
    }
}
