namespace Platform.Web.Components.Pages.Datasets;

/// <summary>How the dataset pages show sizes and licences.</summary>
internal static class DatasetFormat
{
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1 << 20 => $"{bytes / 1024.0:F1} KiB",
        < 1 << 30 => $"{bytes / (double)(1 << 20):F1} MiB",
        _ => $"{bytes / (double)(1 << 30):F2} GiB",
    };

    /// <summary>The licence's first line, cut: the whole text is on the dataset's page.</summary>
    public static string Short(string licence)
    {
        var line = licence.Split('\n', 2)[0].Trim();
        return line.Length <= 60 ? line : line[..60] + "…";
    }
}
