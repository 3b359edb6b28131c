using System.Globalization;

namespace Platform.Experiments.Contract;

/// <summary>
/// A run's peak memory as the sum of its largest parts. Parts are added even when the run holds them one after the
/// other, so the estimate errs high; what it leaves out (code, small objects, allocator slack) is the same for every run.
/// </summary>
public sealed record MemoryEstimate(IReadOnlyList<MemoryPart> Parts)
{
    public const int Float32 = sizeof(float);

    /// <summary>In bytes; a double, so that a product of maximum sizes cannot overflow before it is compared.</summary>
    public double Bytes => Parts.Sum(p => p.Bytes);

    /// <summary>The fields of the largest parts that together make up at least half the total: the ones to lower.</summary>
    public IReadOnlyList<string> Drivers()
    {
        var drivers = new List<string>();
        var covered = 0.0;
        foreach (var part in Parts.OrderByDescending(p => p.Bytes))
        {
            if (covered >= Bytes / 2)
            {
                break;
            }

            covered += part.Bytes;
            drivers.AddRange(part.Fields.Where(f => !drivers.Contains(f, StringComparer.Ordinal)));
        }

        return drivers;
    }

    public string Describe() => string.Join("; ", Parts.Where(p => p.Bytes > 0).OrderByDescending(p => p.Bytes)
        .Select(p => $"{p.What} {Format(p.Bytes)}"));

    public static string Format(double bytes) => bytes >= 1 << 30
        ? (bytes / (1 << 30)).ToString("0.0 GiB", CultureInfo.InvariantCulture)
        : (bytes / (1 << 20)).ToString("0.0 MiB", CultureInfo.InvariantCulture);
}

/// <summary>One allocation of a run (a data set, a model's weights, a cache) and the camelCase fields its size follows.</summary>
public sealed record MemoryPart(string What, double Bytes, params string[] Fields);
