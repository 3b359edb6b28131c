using Microsoft.OpenApi;

namespace Platform.Web.Api;

/// <summary>
/// Endpoints read some numbers as strings to answer a bad one with a 400 naming it (<see cref="QueryValue"/>); the
/// OpenAPI document still describes them as the integers they are.
/// </summary>
internal static class WholeNumberQueryDocs
{
    public static RouteHandlerBuilder DescribeAsIntegers(this RouteHandlerBuilder endpoint, params string[] names) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.In == ParameterLocation.Query && names.Contains(parameter.Name))
                {
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" };
                }
            }

            return Task.CompletedTask;
        });
}
