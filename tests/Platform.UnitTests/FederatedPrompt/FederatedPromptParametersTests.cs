using System.Text.Json;
using Platform.Experiments.Contract.Parameters;
using Platform.Experiments.FederatedPrompt;

namespace Platform.UnitTests.FederatedPrompt;

public sealed class FederatedPromptParametersTests
{
    private static ParameterBindingResult Bind(string json) =>
        ParameterBinder.Bind(typeof(FederatedPromptParameters), JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Defaults_are_valid() => Assert.Empty(Bind("{}").Errors);

    [Theory]
    [InlineData("""{"clients": 4, "clientsPerRound": 5}""", "clientsPerRound")]
    [InlineData("""{"modelPreset": "custom", "width": 50, "heads": 3}""", "heads")]
    [InlineData("""{"patchSize": 5}""", "patchSize")]
    [InlineData("""{"keepRatio": 0}""", "keepRatio")]
    [InlineData("""{"methods": ["sfprompt", "sfprompt"]}""", "methods")]
    [InlineData("""{"methods": ["fedprox"]}""", "methods")]
    [InlineData("""{"activationPrecision": "fp64"}""", "activationPrecision")]
    public void Bad_input_is_reported_against_its_field(string json, string field)
    {
        var result = Bind(json);

        Assert.Contains(field, result.Errors.Keys);
    }

    [Fact]
    public void Enum_knobs_bind_from_kebab_case()
    {
        var result = Bind("""{"transferMode": "minimal", "activationPrecision": "int8", "partition": "iid", "localLossPooling": "cls"}""");

        Assert.Empty(result.Errors);
    }
}
