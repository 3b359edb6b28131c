namespace Platform.Web;

/// <summary>
/// Finds the top-level <c>wwwroot/</c>: beside the binaries after publish, else the repository's copy found by
/// walking up from the working directory (ASP.NET would otherwise look inside the project folder).
/// </summary>
public static class WebRootLocator
{
    public const string FolderName = "wwwroot";

    public static string Resolve(string binariesDirectory, string startDirectory)
    {
        var published = Path.Combine(binariesDirectory, FolderName);
        if (Directory.Exists(published))
        {
            return published;
        }

        foreach (var start in new[] { startDirectory, binariesDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")) && Directory.Exists(Path.Combine(dir.FullName, FolderName)))
                {
                    return Path.Combine(dir.FullName, FolderName);
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No {FolderName}/ folder beside {binariesDirectory} or at the top of the repository above {startDirectory}.");
    }
}
