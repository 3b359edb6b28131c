using System.Net;

namespace Platform.IntegrationTests.Security;

/// <summary>The kinds of bad input the table must cover, so a category cannot quietly drop out of it.</summary>
public enum HostileCategory
{
    WrongType,
    HugeNumber,
    NotANumber,
    NegativeSize,
    DeepJson,
    LargeBody,
    UnknownField,
    DuplicateField,
    InjectionText,
    InvalidUtf8,
    MalformedJson,
    UnknownKind,
    ContentType,
    BadId,
    BadQuery,
    CraftedFile,
}

/// <summary>
/// One malformed or hostile request and the refusal it must get: <see cref="Status"/>, and for a 400 the
/// <see cref="Field"/> that its problem document's <c>errors</c> names. <c>{others}</c> in the path stands for a run
/// another runner owns. The body is built per send, because content is disposed with its request.
/// </summary>
public sealed record HostileRequest(
    string Name,
    HostileCategory Category,
    HttpMethod Method,
    string Path,
    Func<HttpContent?> Body,
    HttpStatusCode Status,
    string? Field = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public HttpRequestMessage ToMessage(Guid othersRun)
    {
        var message = new HttpRequestMessage(Method, Path.Replace("{others}", othersRun.ToString(), StringComparison.Ordinal)) { Content = Body() };
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString() => Name;
}
