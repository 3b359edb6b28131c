using Platform.Experiments.EdgeOffload.Compression;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>
/// The teacher cut at L1 with nothing inserted (the companion EMDL paper's naive split): the device runs the stem and
/// L1 and sends L1 as float32, the server reads the message and runs the trunk. Nothing is lost, so it must give the
/// teacher's own outputs; what it costs is a message larger than the frame.
/// </summary>
public sealed class NaiveSplit(TinyDetector teacher)
{
    /// <summary>The device's half: the message it sends.</summary>
    public byte[] Head(Tensor images)
    {
        using var l1 = teacher.HeadToL1(images);
        return Float32Message.Write(l1);
    }

    /// <summary>The server's half: the detector's head output from the message.</summary>
    public Tensor Tail(byte[] message)
    {
        using var l1 = Float32Message.Read(message);
        return teacher.Trunk.forward(l1);
    }

    public Tensor Forward(Tensor images) => Tail(Head(images));
}
