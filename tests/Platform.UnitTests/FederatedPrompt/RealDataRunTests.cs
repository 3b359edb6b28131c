using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.UnitTests.Support;
using M = Platform.Experiments.FederatedPrompt.Reporting.FederatedPromptMetrics;

namespace Platform.UnitTests.FederatedPrompt;

/// <summary>A tiny run on the real digits (fetched by the set-up step): pre-training and fine-tuning must really learn them.</summary>
public sealed class RealDataRunTests
{
    [Fact]
    public async Task A_tiny_ViT_learns_real_MNIST_and_fine_tunes_on_real_scikit_learn_digits_well_above_chance()
    {
        var parameters = TinyRun.Parameters();
        parameters.Data = FederatedPromptData.MnistToDigits;
        parameters.Methods = [MethodNames.FlFull];
        parameters.PretrainImages = 1000;
        parameters.PretrainEpochs = 2;
        parameters.Clients = 4;
        parameters.ClientsPerRound = 4;
        parameters.SamplesPerClient = 60;
        parameters.Rounds = 3;
        parameters.TestImages = 200;
        parameters.BatchSize = 16;
        var context = new RecordingRunContext(seed: 4);

        IExperiment experiment = new FederatedPromptExperiment(TinyRun.TemporaryCache());
        var summary = await experiment.RunAsync(parameters, context, TestContext.Current.CancellationToken);

        // Chance is 10% on ten balanced digits: a model that does not see the real images (or their labels) stays near it.
        // This tiny model after two epochs reaches about 34% on MNIST and 33% on the scikit-learn digits (seeded, so stable).
        var pretrained = context.Series(M.PretrainAccuracy)[^1].Value;
        var accuracy = context.Series(M.Of(M.Accuracy, MethodNames.FlFull))[^1].Value;
        TestContext.Current.TestOutputHelper?.WriteLine($"MNIST held-out {pretrained:F1}%, scikit-learn digits test {accuracy:F1}%");
        Assert.True(pretrained > 25, $"held-out MNIST accuracy after pre-training {pretrained:F1}%");
        Assert.True(accuracy > 20, $"accuracy on the held-out scikit-learn digits {accuracy:F1}%");
        Assert.Contains(context.Lines, l => l.Contains("real MNIST", StringComparison.Ordinal));
        Assert.Contains(context.Lines, l => l.Contains("200 test images", StringComparison.Ordinal));
        Assert.NotEmpty(summary.Claims);
    }

    [Fact]
    public void More_client_samples_than_the_real_pool_holds_are_refused_naming_the_field()
    {
        var parameters = new FederatedPromptParameters { Data = FederatedPromptData.MnistToDigits, Clients = 20, SamplesPerClient = 80 };

        Assert.Contains(parameters.Validate(), e => e.Field == "samplesPerClient");
        Assert.DoesNotContain(FederatedPromptPresets.Headline().Validate(), _ => true);
    }
}
