using System.Globalization;
using System.Text;

namespace Platform.Bench.Harness;

/// <summary>Prints the results as one Markdown table, ready to paste into bench/README.md.</summary>
public static class ResultTable
{
    public static string Render(IReadOnlyList<BenchResult> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| benchmark | case | ours | baseline | ratio (>1 = ours faster) | target | met |");
        table.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var baseline = r.Baseline is { } b ? $"{Format(b)} {r.Unit} ({r.BaselineName})" : r.BaselineName;
            var ratio = r.Ratio is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—";
            var met = r.TargetMet switch { true => "yes", false => "**no**", null => "—" };
            table.AppendLine($"| {r.Benchmark} | {r.Case} | {Format(r.Ours)} {r.Unit} | {baseline} | {ratio} | {r.Target} | {met} |");
        }

        return table.ToString();
    }

    private static string Format(double value) => Math.Abs(value) switch
    {
        >= 1_000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
