namespace Platform.Core.Runs;

/// <summary>An owner sent an <c>Idempotency-Key</c> again with a different request; nothing was written.</summary>
public sealed class IdempotencyConflictException(string message) : Exception(message);
