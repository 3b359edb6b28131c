namespace Platform.Core.Security;

/// <summary>Who is making a request: a key or a user, with its role. <see cref="Owner"/> is recorded on jobs.</summary>
public sealed record Caller(string Owner, string DisplayName, AccessRole Role);
