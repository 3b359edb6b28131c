namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>
/// One camera frame: RGB in [0, 1], planar (channel, row, column), and the ground-truth boxes of its objects of
/// interest. Distractors are drawn into the pixels but have no box.
/// </summary>
public sealed record Frame(int Size, float[] Pixels, IReadOnlyList<Box> Boxes)
{
    public bool HasObject => Boxes.Count > 0;
}
