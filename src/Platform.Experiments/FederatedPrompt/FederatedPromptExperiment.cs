using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.Experiments.FederatedPrompt.Reporting;
using Platform.Experiments.FederatedPrompt.Running;
using Platform.Experiments.Torch;

namespace Platform.Experiments.FederatedPrompt;

/// <summary>
/// SFPrompt (split federated prompt fine-tuning) against FedAvg and split-learning baselines on a small ViT,
/// trained for real with TorchSharp. Metric keys: <see cref="FederatedPromptMetrics"/>.
/// </summary>
public sealed class FederatedPromptExperiment(PretrainedCache cache) : Experiment<FederatedPromptParameters>
{
    public FederatedPromptExperiment()
        : this(PretrainedCache.Default)
    {
    }

    public override string Kind => "federated-prompt";

    public override string Title => "Split federated prompt fine-tuning (SFPrompt)";

    /// <summary>It trains, so its result varies with the seed: its claims are judged across five.</summary>
    public override int HeadlineSeeds => 5;

    public override string Description =>
        "Fine-tunes a pre-trained ViT over non-IID clients with FedAvg, split learning and SFPrompt (frozen head and body, " +
        "soft prompts, EL2N pruning, local-loss update) under identical data and client sampling, measuring bytes on the " +
        "link, FLOPs per party and accuracy.";

    public override PaperReference Paper => new(
        "SFPrompt: Communication-Efficient Split Federated Fine-Tuning for Large Pre-Trained Models over Resource-Limited Devices",
        2024, "Competitive with federated full fine-tuning at 0.46% of the local compute and 53% less communication.",
        "https://arxiv.org/abs/2407.17533");

    public override IReadOnlyList<ExperimentPreset> Presets { get; } =
        [.. FederatedPromptPresets.All.Select(p => Preset(p.Name, p.Title, p.Description, p.Parameters))];

    public override IReadOnlyList<ChartPanel> Charts => Reporting.Charts.Panels;

    /// <summary>Nothing is fitted to a paper figure: every judged claim is a prediction.</summary>
    public override FamilyEvidence Evidence { get; } = new(Claims.PredictedInHeadline, []);

    protected override async Task<RunSummary> RunAsync(FederatedPromptParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var threads = TorchRuntime.StartRun(TorchRuntime.ThreadsFor(parameters.Threads, context.Threads), context.Seed);
        var config = VitConfig.From(parameters);
        await context.LogLineAsync($"{TorchVersions.Current}, {threads} threads; ViT {config.ArchitectureKey}, {config.Tokens} tokens with prompts.", cancellationToken);
        await context.ProgressAsync(0, "preparing pre-trained weights", cancellationToken);

        var pretrained = await new PretrainedWeights(context, cache, threads).LoadAsync(parameters, config, cancellationToken);
        return parameters.SweepSamplesPerClient.Count > 0
            ? await new SamplesSweep(context, parameters, threads).RunAsync(pretrained, cancellationToken)
            : await RunMethodsAsync(parameters, context, threads, pretrained, cancellationToken);
    }

    private static async Task<RunSummary> RunMethodsAsync(FederatedPromptParameters parameters, IRunContext context, int threads,
        Dictionary<string, Safetensors.Entry> pretrained, CancellationToken cancellationToken)
    {
        using var data = FederationData.Generate(parameters, context.Seed, parameters.SamplesPerClient, parameters.AccuracySeeds);
        await context.LogLineAsync($"{parameters.Clients} clients x {parameters.SamplesPerClient} samples ({parameters.Partition}), " +
            $"{data.Test.Count} test images; methods: {string.Join(", ", parameters.Methods)}.", cancellationToken);

        var outcomes = await new FederationRun(context, parameters, threads, logRounds: true, resumable: true).RunAsync(pretrained, data, (0.15, 1.0), cancellationToken);
        foreach (var o in outcomes)
        {
            await context.LogLineAsync($"{o.Method}: accuracy {o.Accuracy:F1}%, {o.TotalMb:F2} MB, client {o.ClientGflops:F2} GFLOPs, " +
                $"server {o.ServerGflops:F2} GFLOPs, {o.Seconds:F0} s.", cancellationToken);
        }

        return new RunSummary(SummaryMetrics.Build(outcomes), Claims.Build(outcomes, parameters))
        {
            Tables = [Tables.Methods(outcomes), Tables.Compute(outcomes)],
            Assumptions = ClaimAssumptions.All(parameters),
        };
    }
}
