using Platform.Experiments.Contract.Parameters;
using Platform.Experiments.ServingThroughput;
using Platform.Web.Forms;

namespace Platform.UnitTests.Forms;

/// <summary>Which knobs the form shows for the values chosen, and the binder's cross-field rules as the user types.</summary>
public sealed class RunFormRulesTests
{
    private static RunForm NewForm() => RunForm.Create("serving-throughput", typeof(ServingThroughputParameters));

    private static IEnumerable<string> Shown(RunForm form) => form.MainParameters.Concat(form.AdvancedParameters).Select(f => f.Name);

    [Fact]
    public void The_schema_says_under_which_values_a_knob_applies()
    {
        var schema = ParameterSchema.Generate(typeof(ServingThroughputParameters));

        Assert.Equal("""{"model":["custom"]}""", schema["properties"]!["customHidden"]!["x-when"]!.ToJsonString());
        Assert.Null(schema["properties"]!["tensorParallel"]!["x-when"]);
    }

    [Fact]
    public void Knobs_of_another_mode_or_of_an_unchosen_custom_model_are_hidden_until_chosen()
    {
        var form = NewForm();
        Assert.Contains("engines", Shown(form));
        Assert.DoesNotContain("cpuLayers", Shown(form));
        Assert.DoesNotContain("customHidden", Shown(form));

        form.Field("mode")!.Text = "cpu-real";
        form.Field("model")!.Text = "custom";

        Assert.Contains("cpuLayers", Shown(form));
        Assert.DoesNotContain("engines", Shown(form));
        Assert.Contains("customHidden", Shown(form));
    }

    [Fact]
    public void A_hidden_knob_is_still_sent_so_a_study_can_sweep_into_it()
    {
        var form = NewForm();
        form.Field("customHidden")!.Text = "8192";

        Assert.Equal(8192, form.ToRequest().Parameters!.Value.GetProperty("customHidden").GetInt32());
    }

    [Fact]
    public void A_cross_field_rule_the_binder_knows_shows_at_its_field_as_the_user_types()
    {
        var form = NewForm();
        Assert.True(form.IsValid);

        // 3 is within the field's own range (1..8): only the record's rule refuses it.
        form.Field("tensorParallel")!.Text = "3";

        Assert.Equal("The tensor-parallel degree must be 1, 2, 4 or 8.", form.Field("tensorParallel")!.Error);
        Assert.False(form.IsValid);

        form.Field("tensorParallel")!.Text = "4";
        Assert.Null(form.Field("tensorParallel")!.Error);
        Assert.True(form.IsValid);
    }

    [Fact]
    public void A_hidden_knob_that_breaks_a_rule_shows_again_so_it_can_be_fixed()
    {
        var form = NewForm();
        form.Field("cpuKvHeads")!.Text = "3";

        Assert.Contains("cpuKvHeads", Shown(form));
        Assert.Equal("The KV heads must divide the query heads.", form.Field("cpuKvHeads")!.Error);
    }
}
