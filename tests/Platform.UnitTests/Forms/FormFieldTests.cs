using System.Text.Json.Nodes;
using Platform.Experiments.Contract.Parameters;
using Platform.UnitTests.Contract.Parameters;
using Platform.Web.Forms;

namespace Platform.UnitTests.Forms;

/// <summary>What a field says about what the user typed, before anything is submitted.</summary>
public sealed class FormFieldTests
{
    private static FormField Sample(string name) =>
        FormFieldFactory.FromSchema(ParameterSchema.Generate(typeof(SampleParameters))).Single(f => f.Name == name);

    private static FormField Upload(string name) =>
        FormFieldFactory.FromSchema(ParameterSchema.Generate(typeof(UploadParameters))).Single(f => f.Name == name);

    private static FormField With(FormField field, string text)
    {
        field.Text = text;
        return field;
    }

    [Theory]
    [InlineData("0", "Must be at least 1.")]
    [InlineData("101", "Must be at most 100.")]
    [InlineData("2.5", "'2.5' is not a whole number.")]
    [InlineData("ten", "'ten' is not a number.")]
    [InlineData("", "Required.")]
    [InlineData("99999999999999999999", "'99999999999999999999' is too large.")]
    public void An_integer_out_of_its_rules_says_why(string text, string error) => Assert.Equal(error, With(Sample("epochs"), text).Error);

    [Fact]
    public void A_valid_integer_parses_to_a_json_integer()
    {
        var value = With(Sample("epochs"), " 42 ").Parse();

        Assert.Null(value.Error);
        Assert.Equal(42, value.Value!.GetValue<long>());
    }

    [Theory]
    [InlineData("0.5", null)]
    [InlineData("1e-3", null)]
    [InlineData("0.00001", "Must be at least 0.0001.")]
    [InlineData("NaN", "'NaN' is not a number.")]
    public void A_number_accepts_fractions_within_its_range(string text, string? error) => Assert.Equal(error, With(Sample("learningRate"), text).Error);

    [Fact]
    public void An_optional_number_left_empty_is_null()
    {
        var value = With(Sample("seedOverride"), "  ").Parse();

        Assert.True(value.IsValid);
        Assert.Null(value.Value);
    }

    [Theory]
    [InlineData("8, 16 32", null)]
    [InlineData("", "Needs at least one item.")]
    [InlineData("1, 2, 3, 4, 5", "At most 4 items (has 5).")]
    [InlineData("8, 0", "Item 2 (0) must be at least 1.")]
    [InlineData("8, 1.5", "Item 2 (1.5) is not a whole number.")]
    public void A_list_checks_its_size_and_each_item(string text, string? error) => Assert.Equal(error, With(Sample("hiddenWidths"), text).Error);

    [Fact]
    public void A_list_of_numbers_parses_to_a_json_array()
    {
        var value = With(Sample("hiddenWidths"), "8, 16 32").Parse();

        Assert.True(JsonNode.DeepEquals(new JsonArray(8L, 16L, 32L), value.Value));
    }

    [Fact]
    public void Text_items_keep_their_spaces()
    {
        var value = With(Upload("labels"), "baseline run; b").Parse();

        Assert.True(JsonNode.DeepEquals(new JsonArray("baseline run", "b"), value.Value));
    }

    [Fact]
    public void A_choice_must_be_one_of_the_choices()
    {
        Assert.Null(With(Sample("activation"), "tanh").Error);
        Assert.Equal("Choose one of: relu, tanh, gelu.", With(Sample("activation"), "swish").Error);
        Assert.Equal("Choose one.", With(Sample("activation"), "").Error);
    }

    [Fact]
    public void A_multi_choice_keeps_the_schema_order_and_checks_its_count()
    {
        var metrics = Sample("metrics");
        metrics.Selected = ["accuracy", "loss"];

        Assert.True(JsonNode.DeepEquals(new JsonArray("loss", "accuracy"), metrics.Parse().Value));
    }

    [Fact]
    public void Text_longer_than_its_limit_is_rejected()
    {
        Assert.Equal("At most 20 characters (this has 21).", With(Upload("corpus"), new string('a', 21)).Error);
        Assert.Null(With(Upload("corpus"), new string('a', 20)).Error);
    }

    [Fact]
    public void A_reported_error_shows_until_the_user_edits_the_field()
    {
        var widths = Sample("hiddenWidths");
        widths.ReportedError = "Each size may appear only once.";
        Assert.Equal("Each size may appear only once.", widths.Error);

        widths.Text = "8, 16";

        Assert.Null(widths.Error);
    }

    [Fact]
    public void A_field_shows_a_loaded_value_as_the_user_would_type_it()
    {
        var widths = Sample("hiddenWidths");
        widths.Load(new JsonArray(1, 2, 3));
        var shuffle = Sample("shuffle");
        shuffle.Load(JsonValue.Create(false));

        Assert.Equal("1, 2, 3", widths.Text);
        Assert.False(shuffle.Flag);
    }
}
