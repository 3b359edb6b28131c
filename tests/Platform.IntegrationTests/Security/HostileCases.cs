using System.Net;
using System.IO.Pipelines;
using System.Net.Http.Headers;
using System.Text;
using Platform.IntegrationTests.Support;
using Platform.Web.Security;
using static Platform.IntegrationTests.Security.HostileCategory;

namespace Platform.IntegrationTests.Security;

/// <summary>
/// The table of hostile requests. Names are the test names, so each says what is wrong in a few words.
/// This part holds the submissions (<c>POST /api/v1/runs</c>); the queries and ids are in HostileCases.Queries.cs.
/// </summary>
internal static partial class HostileCases
{
    private const string Runs = "/api/v1/runs";
    private const string Sql = "'; DROP TABLE runs; --";
    private const string Script = "<script>alert(1)</script>";
    private const int TenMegabytes = 10 * 1024 * 1024;
    private static int DefaultBodyLimit => (int)new LimitsOptions().MaxRequestBodyBytes;

    public static IReadOnlyList<HostileRequest> All { get; } = [.. WrongTypes(), .. Numbers(), .. Structure(), .. Text(), .. Envelopes(), .. Queries(), .. Ids(), .. Files()];

    public static HostileRequest Find(string name) => All.Single(c => c.Name == name);

    private static IEnumerable<HostileRequest> WrongTypes() =>
    [
        Submit("kind is a number", WrongType, """{"kind":42}""", "kind"),
        Submit("kind is an array", WrongType, """{"kind":["test-counter"]}""", "kind"),
        Submit("kind is an operator object", WrongType, """{"kind":{"$ne":null}}""", "kind"),
        Submit("parameters is a string", WrongType, Counter("\"points=5\""), "parameters"),
        Submit("points is a numeric string", WrongType, Counter("""{"points":"10"}"""), "parameters.points"),
        Submit("points is true", WrongType, Counter("""{"points":true}"""), "parameters.points"),
        Submit("points is an object", WrongType, Counter("""{"points":{"value":10}}"""), "parameters.points"),
        Submit("points is a fraction", WrongType, Counter("""{"points":10.5}"""), "parameters.points"),
        Submit("an enum parameter is a number", WrongType, Serving("""{"mode":1}"""), "parameters.mode"),
        Submit("seed is a string", WrongType, """{"kind":"test-counter","seed":"7"}""", "seed"),
        Submit("seed is a fraction", WrongType, """{"kind":"test-counter","seed":1.5}""", "seed"),
        Submit("tags is a string", WrongType, """{"kind":"test-counter","tags":"a,b"}""", "tags"),
        Submit("a tag is a number", WrongType, """{"kind":"test-counter","tags":["ok",1]}""", "tags[1]"),
        Submit("preset is a number", WrongType, """{"kind":"test-counter","preset":3}""", "preset"),
        Submit("the body is an array", WrongType, """[{"kind":"test-counter"}]""", "body"),
        Submit("the body is a string", WrongType, "\"test-counter\"", "body"),
        Submit("the body is null", WrongType, "null", "body"),
    ];

    private static IEnumerable<HostileRequest> Numbers() =>
    [
        Submit("points is 1e400", HugeNumber, Counter("""{"points":1e400}"""), "parameters.points"),
        Submit("points overflows an int", HugeNumber, Counter("""{"points":2147483648}"""), "parameters.points"),
        Submit("points has 40 digits", HugeNumber, Counter("""{"points":1234567890123456789012345678901234567890}"""), "parameters.points"),
        Submit("points is over its maximum", HugeNumber, Counter("""{"points":1000001}"""), "parameters.points"),
        Submit("a double parameter is 1e400", HugeNumber, Blocking("""{"seconds":1e400}"""), "parameters.seconds"),
        Submit("seed is 1e400", HugeNumber, """{"kind":"test-counter","seed":1e400}""", "seed"),
        Submit("seed overflows a long", HugeNumber, """{"kind":"test-counter","seed":9223372036854775808}""", "seed"),
        Submit("NaN literal", NotANumber, Blocking("""{"seconds":NaN}"""), "body"),
        Submit("Infinity literal", NotANumber, Blocking("""{"seconds":Infinity}"""), "body"),
        Submit("-Infinity literal", NotANumber, Blocking("""{"seconds":-Infinity}"""), "body"),
        Submit("a double parameter is the string NaN", NotANumber, Blocking("""{"seconds":"NaN"}"""), "parameters.seconds"),
        Submit("a double parameter is the string Infinity", NotANumber, Blocking("""{"seconds":"Infinity"}"""), "parameters.seconds"),
        Submit("seed is the string NaN", NotANumber, """{"kind":"test-counter","seed":"NaN"}""", "seed"),
        Submit("points is -1", NegativeSize, Counter("""{"points":-1}"""), "parameters.points"),
        Submit("points is below int.MinValue", NegativeSize, Counter("""{"points":-2147483649}"""), "parameters.points"),
        Submit("keys is 0", NegativeSize, Counter("""{"keys":0}"""), "parameters.keys"),
        Submit("an artifact size is negative", NegativeSize, """{"kind":"test-artifact","parameters":{"bytes":-1024}}""", "parameters.bytes"),
        Submit("a double parameter is negative", NegativeSize, Blocking("""{"seconds":-0.5}"""), "parameters.seconds"),
        Submit("seed is -1", NegativeSize, """{"kind":"test-counter","seed":-1}""", "seed"),
    ];

    private static IEnumerable<HostileRequest> Structure() =>
    [
        Submit("10,000 nested arrays as parameters", DeepJson, Counter(new string('[', 10_000) + new string(']', 10_000)), "body"),
        Submit("10,000 nested objects as the body", DeepJson, string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000), "body"),
        Submit("65 nested arrays in the tags", DeepJson, """{"kind":"test-counter","tags":""" + new string('[', 65) + new string(']', 65) + "}", "body"),
        Submit("an unknown top-level field", UnknownField, """{"kind":"test-counter","priority":9}""", "priority"),
        Submit("a misspelt parameters field", UnknownField, """{"kind":"test-counter","paramters":{"points":5}}""", "paramters"),
        Submit("an unknown parameter", UnknownField, Counter("""{"pointz":5}"""), "parameters.pointz"),
        Submit("an owner field", UnknownField, """{"kind":"test-counter","owner":"key:admin"}""", "owner"),
        Submit("a state field", UnknownField, """{"kind":"test-counter","state":"Succeeded"}""", "state"),
        Submit("a __proto__ field", UnknownField, """{"kind":"test-counter","__proto__":{"admin":true}}""", "__proto__"),
        Submit("kind twice", DuplicateField, """{"kind":"no-such-kind","kind":"test-counter"}""", "body"),
        Submit("a parameter twice", DuplicateField, Counter("""{"points":5,"points":2000000}"""), "body"),
        Submit("tags twice", DuplicateField, """{"kind":"test-counter","tags":["a"],"tags":["b"]}""", "body"),
        Submit("an empty body", MalformedJson, "", "body"),
        Submit("a blank body", MalformedJson, "  \r\n ", "body"),
        Submit("a truncated object", MalformedJson, """{"kind":"test-counter","parameters":{"points":""", "body"),
        Submit("a trailing comma", MalformedJson, """{"kind":"test-counter",}""", "body"),
        Submit("a comment", MalformedJson, """{"kind":"test-counter" /* run it */}""", "body"),
        Submit("single quotes", MalformedJson, "{'kind':'test-counter'}", "body"),
        Submit("unquoted names", MalformedJson, "{kind:\"test-counter\"}", "body"),
        Submit("two objects", MalformedJson, """{"kind":"test-counter"}{"kind":"test-counter"}""", "body"),
        Submit("trailing garbage", MalformedJson, """{"kind":"test-counter"} ; DROP TABLE runs""", "body"),
    ];

    private static IEnumerable<HostileRequest> Text() =>
    [
        Submit("SQL in a tag", InjectionText, Tags(Sql), "tags[0]"),
        Submit("script in a tag", InjectionText, Tags(Script), "tags[0]"),
        Submit("SQL in the second tag", InjectionText, Tags("ok", "1' OR '1'='1"), "tags[1]"),
        Submit("a NUL in a tag", InjectionText, Tags("a\\u0000b"), "tags[0]"),
        Submit("a newline in a tag", InjectionText, Tags("a\\nb"), "tags[0]"),
        Submit("a 65-character tag", InjectionText, Tags(new string('t', 65)), "tags[0]"),
        Submit("21 tags", InjectionText, Tags([.. Enumerable.Range(0, 21).Select(i => $"t{i}")]), "tags"),
        Submit("SQL as the kind", InjectionText, $$"""{"kind":"{{Sql}}"}""", "kind"),
        Submit("script as the kind", InjectionText, $$"""{"kind":"{{Script}}"}""", "kind"),
        Submit("SQL as the preset", InjectionText, """{"kind":"test-counter","preset":"' OR 1=1 --"}""", "preset"),
        Submit("SQL in a choice parameter", InjectionText, Serving($$"""{"model":"llama-2-70b{{Sql}}"}"""), "parameters.model"),
        Submit("SQL in an enum parameter", InjectionText, Serving($$"""{"mode":"simulate{{Sql}}"}"""), "parameters.mode"),
        Submit("a NUL in a free-text parameter", InjectionText, Serving("""{"traceCsv":"step,tokens\u0000"}"""), "parameters.traceCsv"),
        Submit("SQL as a parameter name", InjectionText, Counter("""{"points; DROP TABLE runs":1}"""), "parameters.points; DROP TABLE runs"),
        new("POST runs: an Idempotency-Key of 201 characters", InjectionText, HttpMethod.Post, Runs, () => Json("""{"kind":"test-counter"}"""),
            HttpStatusCode.BadRequest, "Idempotency-Key", new Dictionary<string, string> { ["Idempotency-Key"] = new('k', 201) }),
        Submit("the unknown kind", UnknownKind, """{"kind":"no-such-kind"}""", "kind"),
        Submit("an empty kind", UnknownKind, """{"kind":""}""", "kind"),
        Submit("no kind", UnknownKind, """{"parameters":{"points":5}}""", "kind"),
        Submit("the kind in capitals", UnknownKind, """{"kind":"TEST-COUNTER"}""", "kind"),
        Submit("the kind padded with spaces", UnknownKind, """{"kind":" test-counter "}""", "kind"),
        Submit("a 100,000-character kind", UnknownKind, $$"""{"kind":"{{new string('k', 100_000)}}"}""", "kind"),
        SubmitBytes("a 0xFF byte in kind", Utf8("{\"kind\":\"test-", [0xFF], "counter\"}"), "kind"),
        SubmitBytes("an overlong encoding in a tag", Utf8("{\"kind\":\"test-counter\",\"tags\":[\"a", [0xC0, 0xAF], "\"]}"), "tags[0]"),
        SubmitBytes("an encoded surrogate in preset", Utf8("{\"kind\":\"test-counter\",\"preset\":\"", [0xED, 0xA0, 0x80], "\"}"), "preset"),
        SubmitBytes("a truncated sequence in a parameter", Utf8("{\"kind\":\"serving-throughput\",\"parameters\":{\"model\":\"", [0xE2, 0x82], "\"}}"), "parameters.model"),
        SubmitBytes("an invalid byte in a field name", Utf8("{\"ki", [0xFF], "nd\":\"test-counter\"}"), "body"),
        SubmitBytes("an invalid byte in a parameter name", Utf8("{\"kind\":\"test-counter\",\"parameters\":{\"po", [0xFE], "ints\":5}}"), "parameters"),
        Submit("an escaped lone surrogate in kind", InvalidUtf8, """{"kind":"test-\uD800counter"}""", "kind"),
        Submit("an escaped lone low surrogate in a tag", InvalidUtf8, """{"kind":"test-counter","tags":["\uDC00"]}""", "tags[0]"),
        SubmitBytes("a UTF-16 body", Encoding.Unicode.GetBytes("""{"kind":"test-counter"}"""), "body"),
        new("POST runs: a Latin-1 body", InvalidUtf8, HttpMethod.Post, Runs,
            () => Bytes(Encoding.Latin1.GetBytes("""{"kind":"test-counter","tags":["café"]}"""), "application/json; charset=iso-8859-1"),
            HttpStatusCode.BadRequest, "tags[0]"),
    ];

    private static IEnumerable<HostileRequest> Envelopes() =>
    [
        // Sent as large uploads should be, asking to continue first: the server refuses from the declared length, before
        // the body is sent. (A client that pushes all 10 MB regardless only sees the connection closed under it.)
        new("POST runs: a 10 MB body", LargeBody, HttpMethod.Post, Runs, () => Bytes(Submission(TenMegabytes)), HttpStatusCode.RequestEntityTooLarge,
            Headers: new Dictionary<string, string> { ["Expect"] = "100-continue" }),
        // No length declared: the limit must hold while reading. Just over it, so the client has sent it all by the refusal.
        Envelope("a chunked body just over 1 MB", LargeBody, () => Chunked(Submission(DefaultBodyLimit + 1024)), HttpStatusCode.RequestEntityTooLarge),
        Envelope("text/plain", ContentType, () => Bytes(Encoding.UTF8.GetBytes("""{"kind":"test-counter"}"""), "text/plain"), HttpStatusCode.UnsupportedMediaType),
        Envelope("a form post", ContentType, () => new FormUrlEncodedContent([new("kind", "test-counter")]), HttpStatusCode.UnsupportedMediaType),
        Envelope("multipart", ContentType, () => new MultipartFormDataContent { { new StringContent("test-counter"), "kind" } }, HttpStatusCode.UnsupportedMediaType),
        Envelope("XML", ContentType, () => Bytes(Encoding.UTF8.GetBytes("<run><kind>test-counter</kind></run>"), "application/xml"), HttpStatusCode.UnsupportedMediaType),
        Envelope("no content type", ContentType, () => Bytes(Encoding.UTF8.GetBytes("""{"kind":"test-counter"}"""), contentType: null), HttpStatusCode.UnsupportedMediaType),
    ];

    private static HostileRequest Submit(string name, HostileCategory category, string json, string field) =>
        new($"POST runs: {name}", category, HttpMethod.Post, Runs, () => Json(json), HttpStatusCode.BadRequest, field);

    private static HostileRequest SubmitBytes(string name, byte[] body, string field) =>
        new($"POST runs: {name}", InvalidUtf8, HttpMethod.Post, Runs, () => Bytes(body), HttpStatusCode.BadRequest, field);

    private static HostileRequest Envelope(string name, HostileCategory category, Func<HttpContent> body, HttpStatusCode status) =>
        new($"POST runs: {name}", category, HttpMethod.Post, Runs, body, status);

    private static string Counter(string parameters) => $$"""{"kind":"{{CounterExperiment.KindName}}","parameters":{{parameters}}}""";

    private static string Blocking(string parameters) => $$"""{"kind":"{{BlockingExperiment.KindName}}","parameters":{{parameters}}}""";

    private static string Serving(string parameters) => $$"""{"kind":"serving-throughput","parameters":{{parameters}}}""";

    /// <summary>Tags as JSON string literals; the values are written raw, so they may carry JSON escapes.</summary>
    private static string Tags(params string[] tags) =>
        $$"""{"kind":"test-counter","tags":[{{string.Join(",", tags.Select(t => $"\"{t}\""))}}]}""";

    /// <summary>A well-formed submission of about <paramref name="bytes"/> bytes (one huge tag), so only its size is wrong.</summary>
    private static byte[] Submission(int bytes) =>
        Encoding.UTF8.GetBytes($$"""{"kind":"test-counter","tags":["{{new string('x', bytes)}}"]}""");

    private static byte[] Utf8(string before, byte[] raw, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];

    private static ByteArrayContent Json(string text) => Bytes(Encoding.UTF8.GetBytes(text));

    private static ByteArrayContent Bytes(byte[] bytes, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    /// <summary>A body without a Content-Length (the stream cannot tell its length), so the server learns its size only while reading it.</summary>
    private static StreamContent Chunked(byte[] bytes)
    {
        var content = new StreamContent(PipeReader.Create(new MemoryStream(bytes)).AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
