namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// How concurrently running ops split a bandwidth they together ask more of than it has: max-min fair (water-filling),
/// the usual model of a memory controller serving several request streams. An op asking less than an equal share gets
/// all it asks; the rest split what is left equally. Bandwidth is conserved: the grants sum to the capacity.
/// </summary>
public static class BandwidthShare
{
    /// <summary>Each op's grant, in the units of <paramref name="demands"/>; the demands themselves when they fit.</summary>
    public static double[] MaxMinFair(IReadOnlyList<double> demands, double capacity)
    {
        var grants = new double[demands.Count];
        var total = 0.0;
        for (var i = 0; i < demands.Count; i++)
        {
            grants[i] = demands[i];
            total += demands[i];
        }

        if (total <= capacity)
        {
            return grants;
        }

        var order = Enumerable.Range(0, demands.Count).Where(i => demands[i] > 0).OrderBy(i => demands[i]).ToList();
        var left = capacity;
        for (var k = 0; k < order.Count; k++)
        {
            var fair = left / (order.Count - k);
            var grant = Math.Min(demands[order[k]], fair);
            grants[order[k]] = grant;
            left -= grant;
        }

        return grants;
    }
}
