namespace Platform.Web.Components.Shared.Evidence;

/// <summary>
/// A band or range as stored (<c>{ low, high }</c>). Read into a class of its own rather than the contract's
/// <c>Bounds</c>: a struct deserialises through its default constructor and would read every interval as [0, 0].
/// </summary>
public sealed record Interval(double Low, double High);
