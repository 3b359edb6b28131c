using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Experiments.Contract.Parameters;

namespace Platform.UnitTests.Contract.Parameters;

public sealed class ParameterSchemaTests
{
    private static readonly JsonObject s_schema = ParameterSchema.Generate(typeof(SampleParameters));

    private static JsonObject Property(string name) => Assert.IsType<JsonObject>(s_schema["properties"]![name]);

    private static string[] Strings(JsonNode? node) => [.. Assert.IsType<JsonArray>(node).Select(n => n!.GetValue<string>())];

    [Fact]
    public void Describes_an_object_that_allows_no_other_properties()
    {
        Assert.Equal("object", s_schema["type"]!.GetValue<string>());
        Assert.False(s_schema["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Lists_every_settable_property_by_its_camel_case_name()
    {
        var names = Assert.IsType<JsonObject>(s_schema["properties"]).Select(p => p.Key).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["activation", "corpus", "epochs", "hiddenWidths", "learningRate", "metrics", "note", "optimizer", "seedOverride", "shuffle", "warmupEpochs"],
            names);
    }

    [Fact]
    public void Marks_an_upload_and_its_maximum_length()
    {
        Assert.True(Property("corpus")["x-upload"]!.GetValue<bool>());
        Assert.Equal(20, Property("corpus")["maxLength"]!.GetValue<int>());
        Assert.Null(Property("note")["x-upload"]);
    }

    [Fact]
    public void Carries_each_description_from_its_attribute()
    {
        Assert.Equal("Training epochs.", Property("epochs")["description"]!.GetValue<string>());
        Assert.Equal("Widths of the hidden layers.", Property("hiddenWidths")["description"]!.GetValue<string>());
        Assert.Null(Property("shuffle")["description"]);
    }

    [Theory]
    [InlineData("epochs", 1, 100)]
    [InlineData("learningRate", 0.0001, 1)]
    public void Carries_the_numeric_range(string name, double minimum, double maximum)
    {
        Assert.Equal(minimum, Property(name)["minimum"]!.GetValue<double>());
        Assert.Equal(maximum, Property(name)["maximum"]!.GetValue<double>());
    }

    [Fact]
    public void Omits_a_bound_the_attribute_leaves_open()
    {
        var seed = Property("seedOverride");

        Assert.Equal(0, seed["minimum"]!.GetValue<double>());
        Assert.False(seed.ContainsKey("maximum"));
        Assert.False(Property("activation").ContainsKey("minimum"));
    }

    [Fact]
    public void Puts_a_list_items_range_on_its_items_and_the_item_counts_on_the_list()
    {
        var widths = Property("hiddenWidths");
        var items = Assert.IsType<JsonObject>(widths["items"]);

        Assert.Equal(1, items["minimum"]!.GetValue<double>());
        Assert.Equal(512, items["maximum"]!.GetValue<double>());
        Assert.False(widths.ContainsKey("minimum"));
        Assert.Equal(1, widths["minItems"]!.GetValue<int>());
        Assert.Equal(4, widths["maxItems"]!.GetValue<int>());
    }

    [Fact]
    public void Lists_choices_as_an_enum()
    {
        Assert.Equal(["relu", "tanh", "gelu"], Strings(Property("activation")["enum"]));
        Assert.Equal(["loss", "accuracy"], Strings(Property("metrics")["items"]!["enum"]));
        Assert.False(Property("metrics").ContainsKey("enum"));
    }

    [Fact]
    public void Lists_enum_members_by_their_kebab_case_names()
    {
        Assert.Equal(["sgd", "adam-w", "rms-prop"], Strings(Property("optimizer")["enum"]));
    }

    [Fact]
    public void Gives_each_property_the_default_of_a_fresh_instance()
    {
        var fresh = JsonSerializer.SerializeToNode(new SampleParameters(), ParameterJson.Options)!.AsObject();

        foreach (var name in new[] { "epochs", "warmupEpochs", "learningRate", "hiddenWidths", "activation", "metrics", "optimizer", "shuffle" })
        {
            Assert.True(JsonNode.DeepEquals(fresh[name], Property(name)["default"]), name);
        }

        Assert.Equal(10, Property("epochs")["default"]!.GetValue<int>());
        Assert.Equal("adam-w", Property("optimizer")["default"]!.GetValue<string>());
    }

    [Fact]
    public void Gives_no_default_to_a_property_that_defaults_to_null()
    {
        Assert.False(Property("note").ContainsKey("default"));
        Assert.False(Property("seedOverride").ContainsKey("default"));
    }
}
