namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>One cell of a sweep before it is simulated: a model (with its hidden size), a sublayer and a TP degree.</summary>
public sealed record CellKey(TransformerModel Model, Sublayer Sublayer, int Tp, int Hidden);
