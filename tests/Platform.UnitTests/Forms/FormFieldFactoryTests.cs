using Platform.UnitTests.Contract.Parameters;
using Platform.Web.Forms;

namespace Platform.UnitTests.Forms;

public sealed class FormFieldFactoryTests
{
    private static readonly IReadOnlyList<FormField> s_sample = FormFieldFactory.For(typeof(SampleParameters));
    private static readonly IReadOnlyList<FormField> s_upload = FormFieldFactory.For(typeof(UploadParameters));

    private static FormField Sample(string name) => s_sample.Single(f => f.Name == name);

    private static FormField Upload(string name) => s_upload.Single(f => f.Name == name);

    [Fact]
    public void Makes_one_field_per_parameter_in_the_record_order()
    {
        Assert.Equal(
            ["epochs", "warmupEpochs", "learningRate", "hiddenWidths", "activation", "metrics", "optimizer", "seedOverride", "note", "corpus", "shuffle"],
            s_sample.Select(f => f.Name));
    }

    [Theory]
    [InlineData("epochs", FieldKind.Integer)]
    [InlineData("learningRate", FieldKind.Number)]
    [InlineData("hiddenWidths", FieldKind.IntegerList)]
    [InlineData("activation", FieldKind.Choice)]
    [InlineData("metrics", FieldKind.ChoiceList)]
    [InlineData("optimizer", FieldKind.Choice)]
    [InlineData("seedOverride", FieldKind.Integer)]
    [InlineData("note", FieldKind.Text)]
    [InlineData("shuffle", FieldKind.Boolean)]
    public void Chooses_the_editor_from_the_schema_type(string name, FieldKind kind) => Assert.Equal(kind, Sample(name).Kind);

    [Theory]
    [InlineData("corpus", FieldKind.Upload)]
    [InlineData("labels", FieldKind.TextList)]
    [InlineData("dropouts", FieldKind.NumberList)]
    [InlineData("name", FieldKind.Text)]
    [InlineData("budget", FieldKind.Integer)]
    public void Offers_a_file_picker_for_uploads_and_text_lists_for_strings(string name, FieldKind kind) => Assert.Equal(kind, Upload(name).Kind);

    [Fact]
    public void Carries_help_ranges_and_item_counts()
    {
        var widths = Sample("hiddenWidths");

        Assert.Equal("Widths of the hidden layers.", widths.Description);
        Assert.Equal((1.0, 512.0, 1, 4), (widths.Minimum, widths.Maximum, widths.MinItems, widths.MaxItems));
        Assert.Equal(20, Upload("corpus").MaxLength);
        Assert.Equal(0.0001, Sample("learningRate").Minimum);
    }

    [Fact]
    public void Lists_choices_and_enum_members_by_their_wire_names()
    {
        Assert.Equal(["relu", "tanh", "gelu"], Sample("activation").Choices);
        Assert.Equal(["loss", "accuracy"], Sample("metrics").Choices);
        Assert.Equal(["sgd", "adam-w", "rms-prop"], Sample("optimizer").Choices);
    }

    [Fact]
    public void Marks_nullable_parameters_optional_and_others_required()
    {
        Assert.True(Sample("seedOverride").Optional);
        Assert.True(Sample("note").Optional);
        Assert.False(Sample("epochs").Optional);
        Assert.False(Sample("activation").Optional);
    }

    [Fact]
    public void Fills_in_the_defaults()
    {
        Assert.Equal("10", Sample("epochs").Text);
        Assert.Equal("0.01", Sample("learningRate").Text);
        Assert.Equal("64, 32", Sample("hiddenWidths").Text);
        Assert.Equal("adam-w", Sample("optimizer").Text);
        Assert.Equal(["loss"], Sample("metrics").Selected);
        Assert.True(Sample("shuffle").Flag);
        Assert.Equal("", Sample("seedOverride").Text);
        Assert.Equal("3000000000", Upload("budget").Text);
        Assert.Equal("a b, c", Upload("labels").Text);
    }

    [Theory]
    [InlineData("matrixSizes", "Matrix sizes")]
    [InlineData("copyBufferMiB", "Copy buffer MiB")]
    [InlineData("useGPU", "Use GPU")]
    [InlineData("delayMs", "Delay ms")]
    [InlineData("epochs", "Epochs")]
    public void Labels_read_as_words(string name, string label) => Assert.Equal(label, FieldLabel.Of(name));
}
