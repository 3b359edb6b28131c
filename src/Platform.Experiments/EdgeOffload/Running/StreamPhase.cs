using Platform.Experiments.EdgeOffload.Compression;
using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Detection;
using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.EdgeOffload.Reporting;
using Platform.Experiments.EdgeOffload.Simulation;
using Platform.Experiments.EdgeOffload.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>
/// Runs the stream through every strategy for real: the teacher on raw frames (local) and on decoded JPEGs (edge),
/// the quantised students (split), the filter's decisions (split + filter), the teacher cut at L1 through its float32
/// message (naive split), and measures each payload.
/// </summary>
internal static class StreamPhase
{
    private const int Batch = 64;

    public static async Task<StreamOutcome> RunAsync(RunScope run, Datasets data, TinyDetector teacher,
        IReadOnlyList<DistilledStudent> students, FilterOutcome filter)
    {
        var p = run.Parameters;
        var frames = data.Stream;
        var ct = run.CancellationToken;
        run.UseThreads();

        var jpegs = frames.Select(f => JpegCodec.RoundTrip(f, p.JpegQuality)).ToList();
        var decoded = frames.Select((f, i) => f with { Pixels = jpegs[i].Reconstruction }).ToList();
        var naive = new NaiveSplit(teacher);
        var local = Detections.Run(teacher.forward, frames, p.Classes, Batch, ct);
        var edge = Detections.Run(teacher.forward, decoded, p.Classes, Batch, ct);
        var naiveSplit = Detections.Run(naive.Forward, frames, p.Classes, Batch, ct);

        var scores = new List<StudentScore>();
        IReadOnlyList<IReadOnlyList<ScoredBox>> split = [];
        foreach (var student in students)
        {
            var floatScore = DetectionScore.Of(frames, Detections.Run(student.Student.forward, frames, p.Classes, Batch, ct), p.Classes);
            split = Detections.Run(x => QuantizedForward(student.Student, x, p.QuantizationBits), frames, p.Classes, Batch, ct);
            scores.Add(new StudentScore(student.Name, floatScore, DetectionScore.Of(frames, split, p.Classes)));
        }

        var splitStudent = students[^1].Student;
        var probabilities = FilterTrainer.Probabilities(splitStudent.Stem, filter.Filter, frames, Batch);
        var dropped = probabilities.Select(v => v < filter.Threshold).ToArray();
        var filtered = split.Select((boxes, i) => dropped[i] ? (IReadOnlyList<ScoredBox>)[] : boxes).ToList();

        var codeElements = (long)p.BottleneckChannels * (run.Shape.SplitSide + BottleneckEncoder.SideGrowth) * (run.Shape.SplitSide + BottleneckEncoder.SideGrowth);
        var bottleneckBytes = MinMaxQuantizer.PayloadBytes(codeElements, p.QuantizationBits);
        var naiveBytes = NaiveMessageBytes(naive, frames);
        var payloads = jpegs.Select((j, i) => new FramePayload(j.Bytes.Length, bottleneckBytes, naiveBytes, dropped[i])).ToList();
        await LogBytesAsync(run, payloads);

        var accuracy = new Dictionary<Strategy, DetectionScore>
        {
            [Strategy.Local] = DetectionScore.Of(frames, local, p.Classes),
            [Strategy.Edge] = DetectionScore.Of(frames, edge, p.Classes),
            [Strategy.Split] = DetectionScore.Of(frames, split, p.Classes),
            [Strategy.SplitFiltered] = DetectionScore.Of(frames, filtered, p.Classes),
            [Strategy.NaiveSplit] = DetectionScore.Of(frames, naiveSplit, p.Classes),
        };
        foreach (var (strategy, score) in accuracy)
        {
            await run.LogAsync(EdgeOffloadMetrics.Series(EdgeOffloadMetrics.StreamAp, strategy.Key()), 0, score.Ap);
            await run.LogAsync(EdgeOffloadMetrics.Series(EdgeOffloadMetrics.StreamMap, strategy.Key()), 0, score.Ap50);
        }
        await run.StepAsync($"stream of {frames.Count} frames: AP@[.5:.95] LC {accuracy[Strategy.Local].Ap:F3}, EC {accuracy[Strategy.Edge].Ap:F3}, " +
            $"SC {accuracy[Strategy.Split].Ap:F3}");
        return new StreamOutcome(payloads, accuracy, scores, Score(frames, dropped, filter.Threshold), 3L * p.ImageSize * p.ImageSize);
    }

    // One frame's message, as the device sends it frame by frame.
    private static long NaiveMessageBytes(NaiveSplit naive, IReadOnlyList<Frame> frames)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return naive.Head(FrameBatch.ToTensor(frames, 0, 1)).Length;
    }

    private static Tensor QuantizedForward(BottleneckStudent student, Tensor images, int bits)
    {
        using var code = student.Encode(images);
        using var received = MinMaxQuantizer.RoundTrip(code, bits);
        using var l1 = student.Decode(received);
        return student.Trunk.forward(l1);
    }

    private static async Task LogBytesAsync(RunScope run, IReadOnlyList<FramePayload> payloads)
    {
        for (var i = 0; i < payloads.Count; i++)
        {
            foreach (var strategy in new[] { Strategy.Edge, Strategy.Split, Strategy.SplitFiltered, Strategy.NaiveSplit })
            {
                await run.LogAsync(EdgeOffloadMetrics.Series(EdgeOffloadMetrics.Bytes, strategy.Key()), i, DelayModel.Bytes(strategy, payloads[i]));
            }
        }
    }

    private static FilterScore Score(IReadOnlyList<Frame> frames, bool[] dropped, double threshold)
    {
        var withObject = frames.Count(f => f.HasObject);
        var passed = dropped.Count(d => !d);
        var truePasses = frames.Where((f, i) => f.HasObject && !dropped[i]).Count();
        return new FilterScore(threshold,
            Recall: withObject == 0 ? double.NaN : (double)truePasses / withObject,
            Precision: passed == 0 ? double.NaN : (double)truePasses / passed,
            FilteredShare: (double)dropped.Count(d => d) / frames.Count,
            EmptyShare: 1 - ((double)withObject / frames.Count));
    }
}
