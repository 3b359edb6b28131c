namespace Platform.UnitTests.Support;

public sealed record MetricPoint(string Key, long Step, double Value);
