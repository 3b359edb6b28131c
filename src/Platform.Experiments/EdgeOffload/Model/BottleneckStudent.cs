using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>
/// The teacher with L1 replaced by a bottleneck encoder/decoder. Its stem starts as a copy of the teacher's and is
/// trained with the bottleneck; its trunk IS the teacher's (shared, frozen), as in the paper, where everything after
/// L1 keeps the pretrained weights. Head = stem + encoder (device); tail = decoder + trunk (server).
/// </summary>
public sealed class BottleneckStudent : nn.Module<Tensor, Tensor>
{
    private readonly Stem _stem;
    private readonly BottleneckEncoder _encoder;
    private readonly BottleneckDecoder _decoder;
    private readonly DetectorTrunk _trunk;

    public BottleneckStudent(TinyDetector teacher, int bottleneckChannels) : base(nameof(BottleneckStudent))
    {
        var shape = teacher.Shape;
        BottleneckChannels = bottleneckChannels;
        _stem = Stem.For(shape);
        _stem.load_state_dict(teacher.Stem.state_dict());
        _encoder = new BottleneckEncoder(shape.StemChannels, bottleneckChannels);
        _decoder = new BottleneckDecoder(bottleneckChannels, shape.StemChannels, shape.L1Channels);
        _trunk = teacher.Trunk;
        RegisterComponents();
    }

    public int BottleneckChannels { get; }

    public Stem Stem => _stem;

    public DetectorTrunk Trunk => _trunk;

    /// <summary>The parameters distillation trains: stem and bottleneck, never the shared trunk.</summary>
    public IEnumerable<TorchSharp.Modules.Parameter> TrainableParameters() =>
        _stem.parameters().Concat(_encoder.parameters()).Concat(_decoder.parameters());

    public Tensor Encode(Tensor images)
    {
        using var stem = _stem.forward(images);
        return _encoder.forward(stem);
    }

    public Tensor EncodeFromStem(Tensor stemOutput) => _encoder.forward(stemOutput);

    public Tensor Decode(Tensor bottleneck) => _decoder.forward(bottleneck);

    public override Tensor forward(Tensor images)
    {
        using var code = Encode(images);
        using var l1 = _decoder.forward(code);
        return _trunk.forward(l1);
    }

    public LayerOutputs Layers(Tensor images)
    {
        using var code = Encode(images);
        var l1 = _decoder.forward(code);
        return LayerOutputs.From(l1, _trunk.Run(l1));
    }

    /// <summary>Training mode for the student's own layers; the shared trunk stays in eval so its BN statistics stay the teacher's.</summary>
    public void TrainHeadOnly()
    {
        train();
        _trunk.eval();
    }
}
