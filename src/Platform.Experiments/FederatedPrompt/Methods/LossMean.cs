namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>A running mean of batch losses.</summary>
public sealed class LossMean
{
    private double _sum;
    private int _count;

    public void Add(double loss)
    {
        _sum += loss;
        _count++;
    }

    public double? Value => _count == 0 ? null : _sum / _count;
}
