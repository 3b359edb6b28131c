namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>
/// The stream's mean delays at every swept rate and the split-computing band under one setting of the assumed
/// constants, and the paper's qualitative statements read off them. Cheap: it is re-run at every point of the
/// assumption design, on the payloads and host timings the run measured once.
/// </summary>
public sealed record SettingSweep(DelaySetting Setting, ComputeTimes Times, IReadOnlyList<RatePoint> Rates, SplitBand Band)
{
    private static readonly Strategy[] s_extremesAndSplit = [Strategy.Local, Strategy.Edge, Strategy.Split];

    public static SettingSweep Run(DelaySetting setting, HostTimings host, IReadOnlyList<FramePayload> frames, IEnumerable<double> ratesMbps)
    {
        var times = setting.Times(host);
        var meanJpeg = frames.Average(f => (double)f.JpegBytes);
        return new SettingSweep(setting, times, RatePoint.Sweep(times, setting.Link, frames, ratesMbps),
            SplitBand.From(times, setting.Link, meanJpeg, frames[0].BottleneckBytes));
    }

    /// <summary>The fastest of local, edge and split computing at each swept rate, from the lowest rate up.</summary>
    public IReadOnlyList<Strategy> Winners => [.. Rates.Select(r => r.Winner(s_extremesAndSplit))];

    /// <summary>Split computing is the fastest of the three at one swept rate at least.</summary>
    public bool SplitWinsSomewhere => Winners.Contains(Strategy.Split);

    /// <summary>As the rate rises the fastest goes local, then split, then edge, each at one swept rate at least.</summary>
    public bool LocalThenSplitThenEdge
    {
        get
        {
            var winners = Winners;
            var runs = winners.Where((w, i) => i == 0 || w != winners[i - 1]);
            return runs.SequenceEqual([Strategy.Local, Strategy.Split, Strategy.Edge]);
        }
    }

    /// <summary>The filter lowers split computing's mean delay at every swept rate.</summary>
    public bool FilterCutsDelayEverywhere => Rates.All(r => r.Delays[Strategy.SplitFiltered].MeanMs < r.Delays[Strategy.Split].MeanMs);

    /// <summary>At no swept rate is the naive split faster than both local and edge computing.</summary>
    public bool NaiveSplitNeverWins => Rates.All(r => r.Winner(Strategy.Local, Strategy.Edge, Strategy.NaiveSplit) != Strategy.NaiveSplit);
}
