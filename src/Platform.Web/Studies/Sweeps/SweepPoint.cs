namespace Platform.Web.Studies.Sweeps;

/// <summary>One point of a sweep: the value of each swept field, in the order the fields were declared.</summary>
public sealed record SweepPoint(IReadOnlyList<(string Field, SweepValue Value)> Fields);
