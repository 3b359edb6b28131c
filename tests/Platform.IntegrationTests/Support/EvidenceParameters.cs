namespace Platform.IntegrationTests.Support;

/// <summary>The evidence test family takes no knobs: its summary is fixed.</summary>
public sealed class EvidenceParameters;
