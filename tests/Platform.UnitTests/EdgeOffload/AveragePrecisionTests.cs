using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Detection;

namespace Platform.UnitTests.EdgeOffload;

public sealed class AveragePrecisionTests
{
    private static Box B(double x, double y, int cls = 0, double side = 10) => new(x, y, x + side, y + side, cls);

    private static ScoredBox D(Box box, double score) => new(box, score);

    [Fact]
    public void Perfect_detections_score_one_and_none_score_zero()
    {
        IReadOnlyList<IReadOnlyList<Box>> truth = [[B(0, 0), B(20, 20)], [B(5, 5)]];

        Assert.Equal(1.0, AveragePrecision.Mean(truth, [[D(B(0, 0), 0.9), D(B(20, 20), 0.8)], [D(B(5, 5), 0.7)]], classes: 1), 9);
        Assert.Equal(1.0, AveragePrecision.CocoMean(truth, [[D(B(0, 0), 0.9), D(B(20, 20), 0.8)], [D(B(5, 5), 0.7)]], classes: 1), 9);
        Assert.Equal(0.0, AveragePrecision.Mean(truth, [[], []], classes: 1), 9);
    }

    [Fact]
    public void A_false_positive_ranked_between_two_hits_gives_cocos_101_point_ap()
    {
        // Ranked: hit (P 1, R .5), miss (P .5, R .5), hit (P 2/3, R 1). The envelope is 1 at the 51 recalls 0-0.50 and
        // 2/3 at the 50 recalls 0.51-1 (an all-point area would give 0.8333 instead).
        IReadOnlyList<IReadOnlyList<Box>> truth = [[B(0, 0), B(30, 30)]];
        IReadOnlyList<IReadOnlyList<ScoredBox>> detections = [[D(B(0, 0), 0.9), D(B(60, 60), 0.8), D(B(31, 31), 0.7)]];

        Assert.Equal((51 + (50 * 2.0 / 3)) / 101, AveragePrecision.Mean(truth, detections, classes: 1), 12);
    }

    [Fact]
    public void A_recall_never_reached_counts_as_zero_precision()
    {
        // One of four boxes found, at precision 1: recalls 0-0.25 (26 of the 101) read 1, the rest 0.
        IReadOnlyList<IReadOnlyList<Box>> truth = [[B(0, 0), B(20, 20), B(40, 40), B(60, 60)]];

        Assert.Equal(26.0 / 101, AveragePrecision.Mean(truth, [[D(B(0, 0), 0.9)]], classes: 1), 12);
    }

    [Fact]
    public void Coco_ap_averages_the_ten_iou_thresholds()
    {
        // IoU 72/100 = 0.72: a hit at 0.50, 0.55, 0.60, 0.65 and 0.70, a miss at the five thresholds above.
        IReadOnlyList<IReadOnlyList<Box>> truth = [[new Box(0, 0, 10, 10, 0)]];
        IReadOnlyList<IReadOnlyList<ScoredBox>> detections = [[D(new Box(0, 0, 10, 7.2, 0), 0.9)]];

        Assert.Equal(1.0, AveragePrecision.Mean(truth, detections, classes: 1), 12);
        Assert.Equal(0.5, AveragePrecision.CocoMean(truth, detections, classes: 1), 12);
        Assert.Equal([0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95], AveragePrecision.CocoThresholds.Select(t => Math.Round(t, 12)));
    }

    [Fact]
    public void A_duplicate_of_a_matched_box_is_a_false_positive_and_a_low_iou_is_a_miss()
    {
        IReadOnlyList<IReadOnlyList<Box>> truth = [[B(0, 0)]];

        // IoU of a 10x10 box shifted by 5 px is 25/175 = 1/7 < 0.5.
        Assert.Equal(0.0, AveragePrecision.Mean(truth, [[D(B(5, 5), 0.9)]], classes: 1), 9);
        // Duplicate ranked first does not lower AP (precision 1 at recall 1 comes first); ranked after a FP it does.
        Assert.Equal(1.0, AveragePrecision.Mean(truth, [[D(B(0, 0), 0.9), D(B(0, 0), 0.8)]], classes: 1), 9);
        Assert.Equal(0.5, AveragePrecision.Mean(truth, [[D(B(50, 50), 0.9), D(B(0, 0), 0.8), D(B(0, 0), 0.7)]], classes: 1), 9);
    }

    [Fact]
    public void Classes_are_scored_apart_and_a_class_without_truth_is_left_out_of_the_mean()
    {
        IReadOnlyList<IReadOnlyList<Box>> truth = [[B(0, 0, cls: 0), B(30, 30, cls: 1)]];
        // Class 0 found, class 1 detected with the wrong class label; class 2 has no truth and only a false positive.
        IReadOnlyList<IReadOnlyList<ScoredBox>> detections = [[D(B(0, 0, cls: 0), 0.9), D(B(30, 30, cls: 0), 0.8), D(B(60, 60, cls: 2), 0.5)]];

        Assert.Equal(1.0, AveragePrecision.ForClass(truth, detections, 0)!.Value, 9);
        Assert.Equal(0.0, AveragePrecision.ForClass(truth, detections, 1)!.Value, 9);
        Assert.Null(AveragePrecision.ForClass(truth, detections, 2));
        Assert.Equal(0.5, AveragePrecision.Mean(truth, detections, classes: 3), 9);
    }
}
