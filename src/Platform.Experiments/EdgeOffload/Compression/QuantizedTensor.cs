using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>
/// Integer codes of a batch of messages (kept in a float tensor for the arithmetic) and, per message, the two
/// scalars that travel with it: the scale and the zero point.
/// </summary>
public sealed record QuantizedTensor(Tensor Codes, Tensor Scale, Tensor ZeroPoint, int Bits) : IDisposable
{
    public void Dispose()
    {
        Codes.Dispose();
        Scale.Dispose();
        ZeroPoint.Dispose();
    }
}
