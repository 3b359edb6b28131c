namespace Platform.Workers.Runs;

/// <summary>A run tried to store more than <see cref="RunLimitsOptions"/> allow; it fails with this message.</summary>
public sealed class RunLimitExceededException(string message) : Exception(message);
