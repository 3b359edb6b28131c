using Platform.Experiments.Contract;
using Platform.Experiments.EdgeOffload.Running;
using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.Experiments.EdgeOffload.Reporting;

/// <summary>The result tables of a run; every cell is computed by it.</summary>
internal static class Tables
{
    public static IReadOnlyList<ResultTable> Build(RunResults r)
    {
        List<ResultTable> tables = [Delays(r), Accuracy(r), Strategies(r), Filter(r), Timings(r)];
        if (r.Sweep.GilbertElliott is { } ge)
        {
            tables.Add(new ResultTable(
                $"Gilbert-Elliott channel ({r.Parameters.GoodRateMbps} / {r.Parameters.BadRateMbps} Mbps, p(g→b) {r.Parameters.GoodToBad}, p(b→g) {r.Parameters.BadToGood})",
                ["Strategy", "Mean delay (ms)", "p95 delay (ms)"],
                [.. StrategyNames.All.Select(s => (IReadOnlyList<object?>)[s.Label(), Round(ge[s].MeanMs), Round(ge[s].P95Ms)])]));
        }
        return tables;
    }

    private static ResultTable Delays(RunResults r) => new(
        "Mean capture-to-output delay (ms) per channel rate (measured module times, real JPEG and bottleneck sizes)",
        ["Rate (Mbps)", .. StrategyNames.All.Select(s => s.Key().ToUpperInvariant()), "Fastest of LC/EC/SC"],
        [.. r.Sweep.Rates.Select(point => (IReadOnlyList<object?>)
            [point.RateMbps, .. StrategyNames.All.Select(s => (object?)Round(point.Delays[s].MeanMs)),
             point.Winner(Strategy.Local, Strategy.Edge, Strategy.Split).Key().ToUpperInvariant()])]);

    private static ResultTable Accuracy(RunResults r)
    {
        var p = r.Parameters;
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "Teacher (local computing)", Round(r.Stream.MapByStrategy[Strategy.Local], 4), null, r.Stream.RawBytes },
            new object?[] { $"Teacher on JPEG q{p.JpegQuality} (edge computing)", Round(r.Stream.MapByStrategy[Strategy.Edge], 4), null, Round(r.Stream.MeanJpegBytes, 0) },
        };
        rows.AddRange(r.Stream.Students.Select(s => (IReadOnlyList<object?>)
            [$"{s.Name.ToUpperInvariant()} student, c={p.BottleneckChannels}", Round(s.FloatMap, 4), Round(s.QuantizedMap, 4), r.Stream.BottleneckBytes]));
        rows.Add([$"{r.Stream.Students[^1].Name.ToUpperInvariant()} + neural filter", null,
            Round(r.Stream.MapByStrategy[Strategy.SplitFiltered], 4), Round(r.Stream.MeanBytes(Strategy.SplitFiltered), 0)]);
        return new ResultTable("Detection accuracy on the stream (mAP@0.5)",
            ["Model", "mAP@0.5 (float)", $"mAP@0.5 ({p.QuantizationBits}-bit link)", "Bytes per frame"], rows);
    }

    private static ResultTable Strategies(RunResults r) => new(
        "Strategies: what each sends and computes",
        ["Strategy", "Mean bytes per frame", "mAP@0.5", "Device ms", "Server ms"],
        [.. StrategyNames.All.Select(s => (IReadOnlyList<object?>)
            [s.Label(), Round(r.Stream.MeanBytes(s), 0), Round(r.Stream.MapByStrategy[s], 4), Round(DeviceMs(s, r.Sweep.Times), 3), Round(ServerMs(s, r.Sweep.Times), 3)])]);

    private static ResultTable Filter(RunResults r)
    {
        var f = r.Stream.Filter;
        return new ResultTable("Neural filter on the stream",
            ["Threshold", "Validation ROC-AUC", "Recall", "Precision", "Filtered share", "Empty share", "Byte reduction", "Mean delay reduction"],
            [[Round(f.Threshold, 5), Round(r.Filter.ValidationAuc, 4), Round(f.Recall, 4), Round(f.Precision, 4), Round(f.FilteredShare, 4),
              Round(f.EmptyShare, 4), Round(Reductions.Bytes(r.Stream), 4), Round(Reductions.MeanDelay(r.Sweep), 4)]]);
    }

    private static ResultTable Timings(RunResults r)
    {
        var h = r.Sweep.Host;
        var p = r.Parameters;
        (string Module, double Ms, string Party)[] rows =
        [
            ("Teacher, whole (+ box decoding)", h.FullMs, "device (LC) / server (EC)"),
            ($"JPEG encode q{p.JpegQuality}", h.JpegMs, "device"),
            ("Stem (L0)", h.StemMs, "device"),
            ($"Bottleneck encoder + {p.QuantizationBits}-bit quantiser", h.EncoderMs, "device"),
            ("Neural filter", h.FilterMs, "device"),
            ("Dequantise + decoder + trunk (+ decoding)", h.TailMs, "server"),
            ("Stem + L1 (naive split head)", h.NaiveHeadMs, "device"),
            ("Trunk (naive split tail)", h.NaiveTailMs, "server"),
        ];
        return new ResultTable($"Module times on this host, batch 1 (median); device = host x {p.DeviceSlowdown}, server = host / {p.ServerSpeedup}",
            ["Module", "Host ms", "Runs on"], [.. rows.Select(x => (IReadOnlyList<object?>)[x.Module, Round(x.Ms, 4), x.Party])]);
    }

    private static double DeviceMs(Strategy s, ComputeTimes t) => 1000 * s switch
    {
        Strategy.Local => t.DeviceFull,
        Strategy.Edge => t.DeviceJpeg,
        Strategy.Split => t.DeviceHead,
        Strategy.SplitFiltered => t.DeviceHead + t.DeviceFilter,
        _ => t.DeviceNaiveHead,
    };

    private static double ServerMs(Strategy s, ComputeTimes t) => 1000 * s switch
    {
        Strategy.Local => 0,
        Strategy.Edge => t.ServerFull,
        Strategy.Split or Strategy.SplitFiltered => t.ServerTail,
        _ => t.ServerNaiveTail,
    };

    // JSON has no NaN or infinity: an undefined cell (e.g. recall with no positive frame) is empty.
    private static double? Round(double value, int digits = 2) => double.IsFinite(value) ? Math.Round(value, digits) : null;
}
