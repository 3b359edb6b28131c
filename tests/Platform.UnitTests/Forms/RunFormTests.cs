using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Core.Runs;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.UnitTests.Contract.Parameters;
using Platform.Web.Forms;

namespace Platform.UnitTests.Forms;

public sealed class RunFormTests
{
    private static RunForm NewForm() => RunForm.Create("sample", typeof(SampleParameters));

    [Fact]
    public void The_defaults_bind_to_the_same_record_the_server_would_build()
    {
        var request = NewForm().ToRequest();
        var bound = ParameterBinder.Bind(typeof(SampleParameters), request.Parameters);

        Assert.True(bound.IsValid, string.Join("; ", bound.Errors.SelectMany(e => e.Value)));
        Assert.Equal(ParameterJson.Serialize(new SampleParameters()), ParameterJson.Serialize(bound.Value!));
        Assert.Null(request.Seed);
        Assert.Null(request.Tags);
    }

    [Fact]
    public void Sends_the_seed_tags_and_edited_values()
    {
        var form = NewForm();
        form.Field("epochs")!.Text = "20";
        form.Seed.Text = "123";
        form.Tags.Text = "sweep a, baseline";

        var request = form.ToRequest();

        Assert.Equal(20, request.Parameters!.Value.GetProperty("epochs").GetInt32());
        Assert.Equal(123, request.Seed);
        Assert.Equal(["sweep a", "baseline"], request.Tags);
    }

    [Fact]
    public void Is_invalid_while_any_field_is()
    {
        var form = NewForm();
        Assert.True(form.IsValid);

        form.Seed.Text = "1.5";

        Assert.False(form.IsValid);
        Assert.Equal("The seed must be a whole number.", form.Seed.Error);
    }

    [Fact]
    public void Puts_server_errors_at_their_fields_and_keeps_the_rest_above_the_form()
    {
        var form = NewForm();

        form.ApplyServerErrors(new Dictionary<string, string[]>
        {
            ["parameters.warmupEpochs"] = ["Warm-up must be shorter than training."],
            ["tags"] = ["At most 20 tags."],
            ["preset"] = ["No such preset."],
            ["parameters"] = ["Parameters must be a JSON object."],
        });

        Assert.Equal("Warm-up must be shorter than training.", form.Field("warmupEpochs")!.Error);
        Assert.Equal("At most 20 tags.", form.Tags.Error);
        Assert.Equal("No such preset.", form.PresetError);
        Assert.Equal(["Parameters must be a JSON object."], form.GeneralErrors);
        Assert.False(form.IsValid);
    }

    [Fact]
    public void Loads_an_earlier_run_to_run_it_again()
    {
        var form = NewForm();
        var parameters = JsonSerializer.SerializeToElement(new { epochs = 7, hiddenWidths = new[] { 5 }, optimizer = "sgd" });
        var run = new RunDto(Guid.NewGuid(), "sample", RunState.Succeeded, 1, 3, parameters, 99, ["a", "b"],
            DateTimeOffset.UtcNow, null, null, null, null, null, 1, null, false);

        form.LoadRun(run);
        var request = form.ToRequest();

        Assert.Equal("7", form.Field("epochs")!.Text);
        Assert.Equal("5", form.Field("hiddenWidths")!.Text);
        Assert.Equal("sgd", form.Field("optimizer")!.Text);
        Assert.Equal("2", form.Field("warmupEpochs")!.Text);
        Assert.Equal(99, request.Seed);
        Assert.Equal(["a", "b"], request.Tags);
    }

    [Fact]
    public void Loads_a_preset_and_names_it_in_the_submission()
    {
        var form = NewForm();
        var preset = new ExperimentPreset("quick", "Quick", "Two epochs.", new SampleParameters { Epochs = 2, WarmupEpochs = 1 });

        form.LoadPreset(preset);

        Assert.Equal("2", form.Field("epochs")!.Text);
        Assert.Equal("quick", form.ToRequest().Preset);
    }

    [Fact]
    public void Reset_returns_to_the_family_defaults()
    {
        var form = NewForm();
        form.Field("epochs")!.Text = "3";
        form.Seed.Text = "5";

        form.Reset();

        Assert.Equal("10", form.Field("epochs")!.Text);
        Assert.Equal("", form.Seed.Text);
    }
}
