using System.Text.Json;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Experiments.HardwareProfile;
using Platform.Web.Runs;

namespace Platform.UnitTests.Contract;

public sealed class PresetParametersTests
{
    private static readonly ExperimentPreset s_preset = new("small", "Small", "A small one",
        new HardwareProfileParameters { Repeats = 2, MatrixSizes = [32, 64] });

    [Fact]
    public void Submitted_fields_override_the_presets_and_the_rest_is_kept()
    {
        var merged = PresetParameters.Merge(s_preset, JsonDocument.Parse("""{"repeats": 7}""").RootElement);
        var bound = ParameterBinder.Bind(typeof(HardwareProfileParameters), merged);

        var parameters = Assert.IsType<HardwareProfileParameters>(bound.Value);
        Assert.Equal(7, parameters.Repeats);
        Assert.Equal([32, 64], parameters.MatrixSizes);
    }

    [Fact]
    public void Overrides_that_are_not_an_object_reach_the_binder_which_rejects_them()
    {
        var merged = PresetParameters.Merge(s_preset, JsonDocument.Parse("[1]").RootElement);
        var bound = ParameterBinder.Bind(typeof(HardwareProfileParameters), merged);

        Assert.Null(bound.Value);
        Assert.Contains("parameters", bound.Errors.Keys);
    }
}
