namespace Platform.Experiments.RealData;

/// <summary>A dataset file that is not what its format promises; the message names the file and the problem.</summary>
public sealed class MalformedDataException(string source, string problem) : Exception($"{source}: {problem}");
