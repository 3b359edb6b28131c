using Platform.UnitTests.Contract.Parameters;
using Platform.Web.Forms;
using Platform.Web.Studies;

namespace Platform.UnitTests.Studies;

public sealed class StudyFormTests
{
    private static StudyForm NewForm() => new(RunForm.Create("sample", typeof(SampleParameters))) { Seeds = 3 };

    [Fact]
    public void A_range_and_a_list_are_sent_as_grid_lists_and_counted_before_submitting()
    {
        var form = NewForm();
        form.SetSweepByRange("learningRate", true);
        form.SetRange("learningRate", new SweepRange(1e-3, 1e-1, 3, Log: true));
        form.SetSweepText("epochs", "5, 10");

        var grid = form.ToRequest().Sweep!.Value.GetProperty("grid");

        Assert.Equal([0.001, 0.01, 0.1], grid.GetProperty("learningRate").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([5, 10], grid.GetProperty("epochs").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(3 * 2 * 3, form.RunCount);
    }

    [Fact]
    public void A_text_field_cannot_be_swept_by_range_and_a_server_error_lands_at_its_field()
    {
        var form = NewForm();
        form.SetSweepByRange("activation", true);
        form.SetSweepByRange("epochs", true);
        form.SetRange("epochs", new SweepRange(50, 150, 3, Log: false));

        form.ApplyServerErrors(new Dictionary<string, string[]> { ["sweep.grid.epochs[2]"] = ["'epochs' must be at most 100 (got 150)."] });

        Assert.False(form.SweepsByRange("activation"));
        Assert.Equal("'epochs' must be at most 100 (got 150).", form.SweepError("epochs"));
    }
}
