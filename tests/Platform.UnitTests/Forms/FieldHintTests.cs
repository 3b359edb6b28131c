using Platform.Web.Forms;

namespace Platform.UnitTests.Forms;

public sealed class FieldHintTests
{
    [Fact]
    public void States_a_whole_number_and_its_range() =>
        Assert.Equal("whole number, 1 to 100", FieldHint.Of(new FormField { Name = "n", Kind = FieldKind.Integer, Minimum = 1, Maximum = 100 }));

    [Fact]
    public void States_a_list_item_range_and_its_size() =>
        Assert.Equal("numbers, comma-separated, each 0 to 1; at least 1 item",
            FieldHint.Of(new FormField { Name = "w", Kind = FieldKind.NumberList, Minimum = 0, Maximum = 1, MinItems = 1 }));

    [Fact]
    public void Says_when_a_field_may_be_left_empty() =>
        Assert.Equal("whole number, at least 0; optional", FieldHint.Of(new FormField { Name = "s", Kind = FieldKind.Integer, Minimum = 0, Optional = true }));

    [Fact]
    public void States_the_length_limit_of_text() =>
        Assert.Equal("at most 2,000 characters", FieldHint.Of(new FormField { Name = "c", Kind = FieldKind.Upload, MaxLength = 2000 }));

    [Fact]
    public void Writes_large_bounds_with_thousands_separators() =>
        Assert.Equal("whole number, -1 to 1,000,000", FieldHint.Of(new FormField { Name = "p", Kind = FieldKind.Integer, Minimum = -1, Maximum = 1_000_000 }));
}
