namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>A background blended between a smooth gradient (source domain) and stripes or checks (target domain).</summary>
internal sealed class Background
{
    private readonly double[] _from = new double[3];
    private readonly double[] _to = new double[3];
    private readonly double[] _alternate = new double[3];
    private readonly double _shift;
    private readonly double _gradientAngle;
    private readonly int _period;
    private readonly bool _checker;

    private Background(double shift, SeededRandom rng)
    {
        _shift = shift;
        for (var c = 0; c < 3; c++)
        {
            _from[c] = rng.Uniform(0, 0.35);
            _to[c] = rng.Uniform(0, 0.35);
            _alternate[c] = rng.Uniform(0.1, 0.5);
        }
        _gradientAngle = rng.Uniform(0, 2 * Math.PI);
        _period = 2 + rng.Next(4);
        _checker = rng.Next(2) == 1;
    }

    public static Background Draw(double shift, SeededRandom rng) => new(shift, rng);

    public double At(int x, int y, int channel)
    {
        var t = 0.5 + (Math.Cos(_gradientAngle) * (x - 16) + Math.Sin(_gradientAngle) * (y - 16)) / 45.0;
        var smooth = (1 - t) * _from[channel] + t * _to[channel];
        var odd = _checker ? ((x / _period) + (y / _period)) % 2 == 1 : (y / _period) % 2 == 1;
        var pattern = odd ? _alternate[channel] : _from[channel];
        return (1 - _shift) * smooth + _shift * pattern;
    }
}
