using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.Experiments.FederatedPrompt;

public sealed partial class FederatedPromptParameters : IValidatableParameters
{
    [Parameter("Methods to run and compare under identical data, partition and client sampling.",
        MinItems = 1, MaxItems = 7, Choices = ["fl-full", "fl-prompt", "sfl-full", "sfprompt", "sfprompt-noprune", "sfprompt-nolocal", "sfprompt-random"], Main = true)]
    public List<string> Methods { get; set; } = [.. MethodNames.All];

    [Parameter("ViT size: tiny (width 96, depth 6), small (width 128, depth 8) or custom (width, depth, heads below).", Main = true)]
    public ModelPreset ModelPreset { get; set; } = ModelPreset.Tiny;

    [Parameter("Custom model only: token width.", Minimum = 16, Maximum = 192)]
    public int Width { get; set; } = 64;

    [Parameter("Custom model only: transformer blocks in the server's body.", Minimum = 1, Maximum = 12)]
    public int Depth { get; set; } = 4;

    [Parameter("Custom model only: attention heads (must divide the width).", Minimum = 1, Maximum = 8)]
    public int Heads { get; set; } = 2;

    [Parameter("Patch size on the 32x32 images: 8 gives 16 patch tokens, 4 gives 64 (about 4x the cost).", Minimum = 4, Maximum = 8)]
    public int PatchSize { get; set; } = 8;

    [Parameter("Data: synthetic (generated glyphs, fast) or mnist-to-digits (pre-train on real MNIST, fine-tune on scikit-learn's " +
        "real 8x8 digits upscaled: a cross-dataset shift; fetched by the set-up step).")]
    public FederatedPromptData Data { get; set; } = FederatedPromptData.Synthetic;

    [Parameter("Images of the source task used to pre-train the ViT (cached by seed, data and configuration; real MNIST has 10,000).", Minimum = 200, Maximum = 20000)]
    public int PretrainImages { get; set; } = 5000;

    [Parameter("Pre-training epochs on the source task.", Minimum = 1, Maximum = 10)]
    public int PretrainEpochs { get; set; } = 6;

    [Parameter("Optional pre-trained weights for the same architecture: a safetensors dataset holding exactly the model's " +
        "tensors (F32, in the model's shapes). Replaces in-process pre-training.", Dataset = ["safetensors"])]
    public Guid? PretrainedWeights { get; set; }

    [Parameter("Synthetic data only: domain shift of the fine-tuning task, 0 renders it like the source task, 1 fully shifted.", Minimum = 0, Maximum = 1)]
    public double ShiftSeverity { get; set; } = 0.7;

    [Parameter("Clients K holding local data.", Minimum = 2, Maximum = 100, Main = true)]
    public int Clients { get; set; } = 20;

    [Parameter("Clients sampled per round (the same clients for every method).", Minimum = 1, Maximum = 100)]
    public int ClientsPerRound { get; set; } = 5;

    [Parameter("Training samples on each client; drives where split training's bytes overtake FedAvg's.", Minimum = 10, Maximum = 1000)]
    public int SamplesPerClient { get; set; } = 80;

    [Parameter("Label partition across clients: dirichlet (non-IID) or iid.", Main = true)]
    public PartitionKind Partition { get; set; } = PartitionKind.Dirichlet;

    [Parameter("Dirichlet concentration alpha: small values skew each client's labels.", Minimum = 0.05, Maximum = 100)]
    public double DirichletAlpha { get; set; } = 0.5;

    [Parameter("Federated rounds.", Minimum = 1, Maximum = 200, Main = true)]
    public int Rounds { get; set; } = 20;

    [Parameter("Test images of the fine-tuning task (balanced), evaluated after every round; on real data a held-out split " +
        "of scikit-learn's 1,797 digits (at most 800) that no client trains on.", Minimum = 50, Maximum = 5000)]
    public int TestImages { get; set; } = 400;

    [Parameter("Test sets, each drawn with its own seed, that the final models are evaluated on: the seed spread of the " +
        "accuracy claims (training runs once, on the run's seed). On real data: the held-out split and bootstrap resamples of it.", Minimum = 1, Maximum = 10)]
    public int AccuracySeeds { get; set; } = 5;

    [Parameter("Soft prompt tokens P inserted after the CLS token (0 = tail only).", Minimum = 0, Maximum = 32)]
    public int PromptTokens { get; set; } = 8;

    [Parameter("Fraction of each client's samples kept by dataset pruning (1 = no pruning).", Minimum = 0.1, Maximum = 1)]
    public double KeepRatio { get; set; } = 0.5;

    [Parameter("Local-loss epochs (phase 1, head to tail without the server; 0 = no local-loss phase).", Minimum = 0, Maximum = 10)]
    public int LocalLossEpochs { get; set; } = 2;

    [Parameter("Pooling of the head's tokens on the local-loss path: mean, or cls (degenerate: prompts get no gradient).")]
    public LocalLossPooling LocalLossPooling { get; set; } = LocalLossPooling.Mean;

    [Parameter("Split-training passes over the kept samples per round (SFPrompt).", Minimum = 1, Maximum = 5)]
    public int SplitPasses { get; set; } = 1;

    [Parameter("Local epochs of the FedAvg and SFL baselines.", Minimum = 1, Maximum = 10)]
    public int LocalEpochs { get; set; } = 1;

    [Parameter("What split training sends: full tensors, or minimal (CLS row down and up, prompt rows of the input gradient).")]
    public TransferMode TransferMode { get; set; } = TransferMode.Full;

    [Parameter("Precision of activations and gradients on the link; they are really rounded to it, compute stays fp32.")]
    public ActivationPrecision ActivationPrecision { get; set; } = ActivationPrecision.Fp32;

    [Parameter("Adam learning rate of prompts and tail.", Minimum = 1e-5, Maximum = 1e-1)]
    public double PromptLr { get; set; } = 3e-3;

    [Parameter("Adam learning rate of full fine-tuning (FL-Full, SFL-Full).", Minimum = 1e-5, Maximum = 1e-1)]
    public double FullLr { get; set; } = 5e-4;

    [Parameter("Mini-batch size.", Minimum = 4, Maximum = 128)]
    public int BatchSize { get; set; } = 32;

    [Parameter("Samples-per-client values to sweep (each runs every selected method for the given rounds); empty = no sweep.",
        Minimum = 10, Maximum = 1000, MaxItems = 8)]
    public List<int> SweepSamplesPerClient { get; set; } = [];

    [Parameter("Compute threads for this run; 0 uses the worker's share of the cores.", Minimum = 0, Maximum = 64, Main = true)]
    public int Threads { get; set; }
}
