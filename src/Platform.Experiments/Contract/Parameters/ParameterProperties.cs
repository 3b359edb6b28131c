using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Platform.Experiments.Contract.Parameters;

/// <summary>The settable public properties of a parameter record, keyed by their JSON (camelCase) name.</summary>
internal static class ParameterProperties
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> s_cache = new();

    public static IReadOnlyDictionary<string, PropertyInfo> Of(Type type) => s_cache.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetSetMethod() is not null)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal));
}
