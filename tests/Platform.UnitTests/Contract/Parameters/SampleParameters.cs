using Platform.Experiments.Contract;

namespace Platform.UnitTests.Contract.Parameters;

public enum SampleOptimizer
{
    Sgd,
    AdamW,
    RmsProp,
}

/// <summary>A parameter record with one knob of each kind the binder and the schema handle.</summary>
public sealed class SampleParameters : IValidatableParameters
{
    [Parameter("Training epochs.", Minimum = 1, Maximum = 100)]
    public int Epochs { get; set; } = 10;

    [Parameter("Warm-up epochs; fewer than the training epochs.", Minimum = 0, Maximum = 100)]
    public int WarmupEpochs { get; set; } = 2;

    [Parameter("Step size of the optimizer.", Minimum = 0.0001, Maximum = 1)]
    public double LearningRate { get; set; } = 0.01;

    [Parameter("Widths of the hidden layers.", Minimum = 1, Maximum = 512, MinItems = 1, MaxItems = 4)]
    public List<int> HiddenWidths { get; set; } = [64, 32];

    [Parameter("Activation between layers.", Choices = ["relu", "tanh", "gelu"])]
    public string Activation { get; set; } = "relu";

    [Parameter("Metrics to log.", Choices = ["loss", "accuracy"], MaxItems = 2)]
    public List<string> Metrics { get; set; } = ["loss"];

    [Parameter("Optimizer.")]
    public SampleOptimizer Optimizer { get; set; } = SampleOptimizer.AdamW;

    [Parameter("Seed override; none uses the run's seed.", Minimum = 0)]
    public int? SeedOverride { get; set; }

    [Parameter("Free-text note.")]
    public string? Note { get; set; }

    [Parameter("A corpus file's text.", Upload = true, MaxLength = 20)]
    public string Corpus { get; set; } = "";

    public bool Shuffle { get; set; } = true;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (WarmupEpochs >= Epochs)
        {
            yield return ("warmupEpochs", "Warm-up must be shorter than training.");
        }
    }
}
