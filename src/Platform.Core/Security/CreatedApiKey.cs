namespace Platform.Core.Security;

/// <summary>A new key with its full text: the only moment anyone sees it.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);
