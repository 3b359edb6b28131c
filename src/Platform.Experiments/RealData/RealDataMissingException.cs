namespace Platform.Experiments.RealData;

/// <summary>A real dataset the set-up step fetches is not on this machine.</summary>
public sealed class RealDataMissingException(string path, string package)
    : Exception($"The real dataset {package} is missing ({path} not found): run ./run.sh or ./test.sh (or scripts/fetch-data.sh) " +
        "to fetch it into the cache; docs/datasets.md lists what is fetched and from where.");
