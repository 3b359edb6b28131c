namespace Platform.Web.Studies.Aggregation;

/// <summary>One summary metric of one point, over the point's succeeded runs.</summary>
public sealed record MetricAggregate(string Metric, SampleStatistics Statistics);
