namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>The classes of objects of interest, in class-index order; a run uses the first <c>numClasses</c>.</summary>
public enum ShapeKind
{
    Circle,
    Triangle,
    Cross,
    Diamond,
    Ring,
}
