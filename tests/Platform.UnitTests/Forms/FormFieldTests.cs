using System.Text.Json.Nodes;
using Platform.UnitTests.Contract.Parameters;
using Platform.Web.Forms;

namespace Platform.UnitTests.Forms;

/// <summary>What a field says about what the user typed, before anything is submitted: the API's words.</summary>
public sealed class FormFieldTests
{
    private static FormField Sample(string name) =>
        FormFieldFactory.For(typeof(SampleParameters)).Single(f => f.Name == name);

    private static FormField Upload(string name) =>
        FormFieldFactory.For(typeof(UploadParameters)).Single(f => f.Name == name);

    private static FormField With(FormField field, string text)
    {
        field.Text = text;
        return field;
    }

    [Theory]
    [InlineData("0", "'epochs' must be at least 1 (got 0).")]
    [InlineData("101", "'epochs' must be at most 100 (got 101).")]
    [InlineData("2.5", "'epochs' must be an integer.")]
    [InlineData("ten", "'epochs' must be an integer.")]
    [InlineData("", "'epochs' must be an integer.")]
    [InlineData("99999999999999999999", "'epochs' must be an integer.")]
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
    [InlineData("0.00001", "'learningRate' must be at least 0.0001 (got 1E-05).")]
    [InlineData("NaN", "'learningRate' must be a number.")]
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
    [InlineData("", "'hiddenWidths' needs at least 1 item(s).")]
    [InlineData("1, 2, 3, 4, 5", "'hiddenWidths' allows at most 4 item(s).")]
    [InlineData("8, 0", "Each item of 'hiddenWidths' must be at least 1 (got 0).")]
    [InlineData("8, 1.5", "'hiddenWidths' must be a list of integers.")]
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
        Assert.Equal("'activation' must be one of: relu, tanh, gelu (got 'swish').", With(Sample("activation"), "swish").Error);
        Assert.Equal("'activation' must not be null.", With(Sample("activation"), "").Error);
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
        Assert.Equal("'corpus' must be at most 20 characters (got 21).", With(Upload("corpus"), new string('a', 21)).Error);
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
