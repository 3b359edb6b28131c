namespace Platform.Experiments.EdgeOffload.Pretrained;

/// <summary>
/// Where the ONNX files are: copied next to the assemblies at build time from NuGet's
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0 (MIT), which the build downloads like any package.
/// </summary>
public sealed class PretrainedFiles(string directory)
{
    public const string Package = "Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0";

    public static PretrainedFiles Default { get; } = new(Path.Combine(AppContext.BaseDirectory, "Pretrained"));

    public string ResNet18 => Existing("ResNet18.onnx");

    public string Preprocess => Existing("ResNetPreprocess.onnx");

    private string Existing(string name)
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? path
            : throw new FileNotFoundException($"{path} is missing: it is copied there by the build from NuGet {Package}; rebuild (dotnet build) to restore it.", path);
    }
}
