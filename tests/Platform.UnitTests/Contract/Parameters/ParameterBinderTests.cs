using System.Text.Json;
using Platform.Experiments.Contract.Parameters;

namespace Platform.UnitTests.Contract.Parameters;

public sealed class ParameterBinderTests
{
    private static ParameterBindingResult Bind(string json) =>
        ParameterBinder.Bind(typeof(SampleParameters), JsonSerializer.Deserialize<JsonElement>(json));

    private static SampleParameters Bound(ParameterBindingResult result)
    {
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        return Assert.IsType<SampleParameters>(result.Value);
    }

    private static string OnlyError(ParameterBindingResult result, string field)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal([field], result.Errors.Keys);
        return Assert.Single(result.Errors[field]);
    }

    [Fact]
    public void Rejects_a_string_longer_than_its_maximum_and_names_the_field()
    {
        var result = ParameterBinder.Bind(typeof(SampleParameters), JsonDocument.Parse("""{"corpus": "0123456789 0123456789"}""").RootElement);

        Assert.Null(result.Value);
        Assert.Contains("at most 20 characters (got 21)", Assert.Single(result.Errors["corpus"]));
    }

    [Fact]
    public void Keeps_every_default_when_no_parameters_are_given()
    {
        var expected = new SampleParameters();

        foreach (var result in new[] { ParameterBinder.Bind(typeof(SampleParameters), null), Bind("{}"), Bind("null") })
        {
            var bound = Bound(result);
            Assert.Equal(ParameterJson.Serialize(expected), ParameterJson.Serialize(bound));
        }
    }

    [Fact]
    public void Keeps_defaults_for_fields_missing_from_a_partial_object()
    {
        var bound = Bound(Bind("""{"epochs": 20, "activation": "gelu"}"""));

        Assert.Equal(20, bound.Epochs);
        Assert.Equal("gelu", bound.Activation);
        Assert.Equal(2, bound.WarmupEpochs);
        Assert.Equal(0.01, bound.LearningRate);
        Assert.Equal([64, 32], bound.HiddenWidths);
        Assert.Equal(SampleOptimizer.AdamW, bound.Optimizer);
        Assert.True(bound.Shuffle);
    }

    [Fact]
    public void Binds_every_field_of_a_complete_object()
    {
        var bound = Bound(Bind("""
            {"epochs": 50, "warmupEpochs": 5, "learningRate": 0.5, "hiddenWidths": [128, 1, 512],
             "activation": "tanh", "metrics": ["loss", "accuracy"], "optimizer": "rms-prop",
             "seedOverride": 7, "note": "baseline", "shuffle": false}
            """));

        Assert.Equal(50, bound.Epochs);
        Assert.Equal(5, bound.WarmupEpochs);
        Assert.Equal(0.5, bound.LearningRate);
        Assert.Equal([128, 1, 512], bound.HiddenWidths);
        Assert.Equal("tanh", bound.Activation);
        Assert.Equal(["loss", "accuracy"], bound.Metrics);
        Assert.Equal(SampleOptimizer.RmsProp, bound.Optimizer);
        Assert.Equal(7, bound.SeedOverride);
        Assert.Equal("baseline", bound.Note);
        Assert.False(bound.Shuffle);
    }

    [Fact]
    public void Rejects_an_unknown_field_and_names_it_with_the_known_ones()
    {
        var message = OnlyError(Bind("""{"epoch": 5}"""), "epoch");

        Assert.Contains("'epoch'", message, StringComparison.Ordinal);
        Assert.Contains("epochs", message, StringComparison.Ordinal);
        Assert.Contains("learningRate", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Treats_a_pascal_case_name_as_unknown_rather_than_ignoring_it()
    {
        OnlyError(Bind("""{"Epochs": 5}"""), "Epochs");
    }

    [Theory]
    [InlineData("epochs", "\"5\"", "an integer")]
    [InlineData("epochs", "5.5", "an integer")]
    [InlineData("epochs", "true", "an integer")]
    [InlineData("learningRate", "\"0.1\"", "a number")]
    [InlineData("learningRate", "\"NaN\"", "a number")]
    [InlineData("hiddenWidths", "{\"first\": 64}", "a list of integers")]
    [InlineData("hiddenWidths", "64", "a list of integers")]
    [InlineData("hiddenWidths", "[64, \"32\"]", "a list of integers")]
    [InlineData("metrics", "\"loss\"", "a list of strings")]
    [InlineData("activation", "3", "a string")]
    [InlineData("shuffle", "1", "true or false")]
    [InlineData("optimizer", "\"adam\"", "one of: sgd, adam-w, rms-prop")]
    [InlineData("optimizer", "1", "one of: sgd, adam-w, rms-prop")]
    public void Reports_a_value_of_the_wrong_type_against_its_field(string field, string value, string expected)
    {
        var message = OnlyError(Bind($$"""{"{{field}}": {{value}}}"""), field);

        Assert.Equal($"'{field}' must be {expected}.", message);
    }

    [Theory]
    [InlineData("epochs", "0", "at least 1")]
    [InlineData("epochs", "101", "at most 100")]
    [InlineData("learningRate", "0", "at least 0.0001")]
    [InlineData("learningRate", "1.5", "at most 1")]
    [InlineData("seedOverride", "-1", "at least 0")]
    public void Reports_a_number_out_of_range(string field, string value, string expected)
    {
        var message = OnlyError(Bind($$"""{"{{field}}": {{value}}, "warmupEpochs": 0}"""), field);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("100")]
    public void Accepts_numbers_on_the_inclusive_bounds(string epochs)
    {
        Assert.Equal(int.Parse(epochs, System.Globalization.CultureInfo.InvariantCulture),
            Bound(Bind($$"""{"epochs": {{epochs}}, "warmupEpochs": 0}""")).Epochs);
    }

    [Fact]
    public void Reports_each_list_item_out_of_range()
    {
        var result = Bind("""{"hiddenWidths": [64, 0, 1000]}""");

        Assert.Equal(["hiddenWidths"], result.Errors.Keys);
        var messages = result.Errors["hiddenWidths"];
        Assert.Equal(2, messages.Length);
        Assert.All(messages, m => Assert.StartsWith("Each item of 'hiddenWidths'", m, StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("at least 1 (got 0)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("at most 512 (got 1000)", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_a_list_with_too_few_items()
    {
        var message = OnlyError(Bind("""{"hiddenWidths": []}"""), "hiddenWidths");

        Assert.Contains("at least 1 item", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_list_with_too_many_items()
    {
        var message = OnlyError(Bind("""{"hiddenWidths": [1, 2, 3, 4, 5]}"""), "hiddenWidths");

        Assert.Contains("at most 4 item", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("swish")]
    [InlineData("ReLU")]
    [InlineData("")]
    public void Rejects_a_string_outside_its_choices(string activation)
    {
        var message = OnlyError(Bind($$"""{"activation": "{{activation}}"}"""), "activation");

        Assert.Contains("relu, tanh, gelu", message, StringComparison.Ordinal);
        Assert.Contains($"(got '{activation}')", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_list_item_outside_its_choices()
    {
        var message = OnlyError(Bind("""{"metrics": ["loss", "f1"]}"""), "metrics");

        Assert.StartsWith("Each item of 'metrics'", message, StringComparison.Ordinal);
        Assert.Contains("'f1'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("activation")]
    [InlineData("hiddenWidths")]
    [InlineData("metrics")]
    [InlineData("epochs")]
    [InlineData("optimizer")]
    public void Rejects_null_for_a_non_nullable_field(string field)
    {
        OnlyError(Bind($$"""{"{{field}}": null}"""), field);
    }

    [Fact]
    public void Says_must_not_be_null_for_a_null_reference_field()
    {
        Assert.Equal("'activation' must not be null.", OnlyError(Bind("""{"activation": null}"""), "activation"));
    }

    [Fact]
    public void Accepts_null_for_nullable_fields()
    {
        var bound = Bound(Bind("""{"note": null, "seedOverride": null}"""));

        Assert.Null(bound.Note);
        Assert.Null(bound.SeedOverride);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"epochs\": 5}]")]
    [InlineData("5")]
    [InlineData("\"epochs\"")]
    [InlineData("true")]
    public void Rejects_parameters_that_are_not_an_object(string json)
    {
        OnlyError(Bind(json), "parameters");
    }

    [Fact]
    public void Reports_all_problems_together()
    {
        var result = Bind("""{"epochs": 0, "activation": "swish", "hiddenWidths": "wide", "typo": 1, "note": "fine"}""");

        Assert.Null(result.Value);
        Assert.Equal(["activation", "epochs", "hiddenWidths", "typo"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reports_a_broken_cross_field_rule_against_the_field_it_names()
    {
        var message = OnlyError(Bind("""{"epochs": 5, "warmupEpochs": 5}"""), "warmupEpochs");

        Assert.Equal("Warm-up must be shorter than training.", message);
    }

    [Fact]
    public void Checks_cross_field_rules_only_once_every_field_is_valid()
    {
        // warmupEpochs >= epochs breaks the cross-field rule, but learningRate is out of range first.
        var result = Bind("""{"epochs": 5, "warmupEpochs": 5, "learningRate": 2}""");

        Assert.Equal(["learningRate"], result.Errors.Keys);
    }

    [Fact]
    public void Checks_cross_field_rules_against_defaults_of_missing_fields()
    {
        // The default warm-up is 2 epochs, so 2 training epochs break the rule.
        OnlyError(Bind("""{"epochs": 2}"""), "warmupEpochs");
    }

    [Theory]
    [InlineData("sgd", SampleOptimizer.Sgd)]
    [InlineData("adam-w", SampleOptimizer.AdamW)]
    [InlineData("rms-prop", SampleOptimizer.RmsProp)]
    public void Binds_enums_from_kebab_case_names(string name, SampleOptimizer expected)
    {
        Assert.Equal(expected, Bound(Bind($$"""{"optimizer": "{{name}}"}""")).Optimizer);
    }

    [Fact]
    public void Writes_enums_as_kebab_case_names()
    {
        var json = ParameterJson.Serialize(new SampleParameters { Optimizer = SampleOptimizer.RmsProp });

        Assert.Contains("\"optimizer\":\"rms-prop\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trips_a_bound_record_through_its_stored_json()
    {
        var bound = Bound(Bind("""{"epochs": 30, "hiddenWidths": [8], "optimizer": "sgd", "note": "n"}"""));

        var stored = ParameterJson.Serialize(bound);
        var restored = Bound(ParameterBinder.Bind(typeof(SampleParameters), JsonSerializer.Deserialize<JsonElement>(stored)));

        Assert.Equal(stored, ParameterJson.Serialize(restored));
    }
}
