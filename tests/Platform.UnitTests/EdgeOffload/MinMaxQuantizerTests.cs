using Platform.Experiments.EdgeOffload.Compression;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.EdgeOffload;

[Collection(LibTorchCollection.Name)]
public sealed class MinMaxQuantizerTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(4)]
    [InlineData(2)]
    public void A_round_trip_lands_within_one_step_of_the_scale(int bits)
    {
        torch.manual_seed(3);
        using var x = (torch.randn(4, 3, 6, 6) * 5) + 1.5;

        using var q = MinMaxQuantizer.Quantize(x, bits);
        using var back = MinMaxQuantizer.Dequantize(q);

        var levels = (1 << bits) - 1;
        using var flat = x.flatten(1);
        using var expectedScale = (flat.amax([1]) - flat.amin([1])) / levels;
        Assert.Equal(expectedScale.data<float>().ToArray(), q.Scale.data<float>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-5);
        using var error = (back - x).abs().flatten(1).amax([1]);
        var errors = error.data<float>().ToArray();
        var scales = q.Scale.data<float>().ToArray();
        for (var i = 0; i < errors.Length; i++)
        {
            Assert.True(errors[i] <= scales[i] * 1.0001, $"sample {i}: error {errors[i]} > scale {scales[i]}");
        }
        Assert.Equal(0, q.Codes.min().item<float>());
        Assert.True(q.Codes.max().item<float>() <= levels);
    }

    [Fact]
    public void Codes_are_integers_and_a_constant_message_comes_back_exactly()
    {
        using var x = torch.full(1, 2, 3, 3, 0.75f);

        using var q = MinMaxQuantizer.Quantize(x, 8);
        using var back = MinMaxQuantizer.Dequantize(q);

        using var fractional = (q.Codes - q.Codes.round()).abs().max();
        Assert.Equal(0, fractional.item<float>());
        Assert.True(torch.allclose(back, x, atol: 1e-6));
    }

    [Fact]
    public void Payload_is_the_packed_codes_plus_scale_and_zero_point()
    {
        Assert.Equal((3 * 36 * 36) + 8, MinMaxQuantizer.PayloadBytes(3 * 36 * 36, 8));
        Assert.Equal(((3 * 36 * 36) / 2) + 8, MinMaxQuantizer.PayloadBytes(3 * 36 * 36, 4));
        Assert.Equal(1 + 8, MinMaxQuantizer.PayloadBytes(3, 2));
    }
}
