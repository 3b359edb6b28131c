using System.Reflection;

namespace Platform.Experiments.Contract.Parameters;

/// <summary>The dataset parameters of a record (see <see cref="ParameterAttribute.Dataset"/>).</summary>
public static class DatasetFields
{
    public sealed record Field(string Name, IReadOnlyList<string> Formats, Guid? Id);

    /// <summary>Each dataset parameter of <paramref name="parameters"/>, with the id it holds (null when unset).</summary>
    public static IEnumerable<Field> Of(object parameters)
    {
        foreach (var (name, property) in ParameterProperties.Of(parameters.GetType()))
        {
            if (property.GetCustomAttribute<ParameterAttribute>()?.Dataset is { } formats)
            {
                yield return new Field(name, formats, property.GetValue(parameters) as Guid?);
            }
        }
    }
}
