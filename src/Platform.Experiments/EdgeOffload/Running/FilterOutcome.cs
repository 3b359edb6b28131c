using Platform.Experiments.EdgeOffload.Model;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>The trained filter and its operating point chosen on validation frames.</summary>
internal sealed record FilterOutcome(NeuralFilter Filter, double Threshold, double ValidationAuc, double ValidationRecall);
