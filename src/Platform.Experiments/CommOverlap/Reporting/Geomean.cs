namespace Platform.Experiments.CommOverlap.Reporting;

internal static class Geomean
{
    public static double Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : Math.Exp(list.Average(Math.Log));
    }
}
