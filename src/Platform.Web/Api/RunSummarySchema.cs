using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Core.Runs;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Web.Components.Shared.Evidence;
using Platform.Workers.Runs;

namespace Platform.Web.Api;

/// <summary>
/// A run's summary travels as the JSON it was stored as (<see cref="RunDto"/> lives in Core, which cannot see the
/// contract's records), so the document would call it an untyped object. This describes it as what it is, a
/// <see cref="RunSummary"/> generated from the records, and gives the summary's enums the words they are stored
/// with (<see cref="SummaryJson"/>: "not-comparable", "partlySupported") rather than the PascalCase of the rest of the API.
/// </summary>
internal static class RunSummarySchema
{
    private const string SummaryProperty = "summary";

    public static OpenApiOptions DescribeRunSummary(this OpenApiOptions options) =>
        options.AddSchemaTransformer(async (schema, context, cancellationToken) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type == typeof(RunDto) && context.Document is { } document && schema.Properties?.ContainsKey(SummaryProperty) == true)
            {
                var summary = await context.GetOrCreateSchemaAsync(typeof(RunSummary), null, cancellationToken);
                document.AddComponent(nameof(RunSummary), summary);
                // Null until the run succeeds.
                schema.Properties[SummaryProperty] = new OpenApiSchema
                {
                    OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, new OpenApiSchemaReference(nameof(RunSummary), document)],
                };
            }
            else if (type == typeof(ClaimBasis))
            {
                UseStoredWords<ClaimBasis>(schema);
            }
            else if (type == typeof(ClaimVerdict))
            {
                UseStoredWords<ClaimVerdict>(schema);
            }
        });

    private static void UseStoredWords<TEnum>(OpenApiSchema schema) where TEnum : struct, Enum
    {
        var words = Enum.GetValues<TEnum>().Select(v => (JsonNode)JsonValue.Create(WireName.Of(v))).ToList();
        // A nullable enum lists null among its values; keep it.
        if (schema.Enum?.Any(v => v is null) == true)
        {
            words.Add(null!);
        }

        schema.Enum = words;
    }
}
