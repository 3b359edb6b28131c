namespace Platform.Experiments.FederatedPrompt.Data;

public enum GlyphShape
{
    Circle,
    Square,
    Triangle,
    Cross,
    Ring,
    Star,
    Diamond,
    Ellipse,
    HorizontalBar,
    VerticalBar,
}
