namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>An axis-aligned box in pixels (x1, y1 inclusive corner to x2, y2) with its class.</summary>
public readonly record struct Box(double X1, double Y1, double X2, double Y2, int Class)
{
    public double Width => X2 - X1;

    public double Height => Y2 - Y1;

    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    public double IoU(Box other)
    {
        var w = Math.Min(X2, other.X2) - Math.Max(X1, other.X1);
        var h = Math.Min(Y2, other.Y2) - Math.Max(Y1, other.Y1);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }
        var intersection = w * h;
        return intersection / (Area + other.Area - intersection);
    }
}
