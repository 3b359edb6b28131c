using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Experiments;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Web.Forms;

namespace Platform.UnitTests.Forms;

/// <summary>
/// "Checked as you type" and the API's 400 cannot disagree: for every registered family and every field of its
/// parameters, a bad entry in the form gives the message the API gives for <c>parameters.&lt;field&gt;</c> when the
/// same value is submitted.
/// </summary>
public sealed class FormMatchesApiTests
{
    /// <summary>A value to enter in the form and the same value as the API would receive it.</summary>
    public sealed record Case(string Kind, string Field, string What, Action<FormField> Enter, JsonNode? Submitted, bool Bad)
    {
        public override string ToString() => $"{Kind}.{Field}: {What}";
    }

    private static readonly FamilyCatalog s_catalog =
        new ServiceCollection().AddPlatformExperiments().BuildServiceProvider().GetRequiredService<FamilyCatalog>();

    public static TheoryData<string> Kinds() => new(s_catalog.All.Select(e => e.Kind).Order(StringComparer.Ordinal));

    [Fact]
    public void Covers_the_families_the_app_registers()
    {
        Assert.True(s_catalog.All.Count >= 6, $"expected the app's six families, found {s_catalog.All.Count}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_form_gives_the_api_message_for_every_bad_value_of_every_field(string kind)
    {
        Assert.True(s_catalog.TryGet(kind, out var family));
        var cases = CasesOf(family).ToList();
        var mismatches = new List<string>();
        foreach (var c in cases)
        {
            var field = FormFieldFactory.For(family.ParametersType).Single(f => f.Name == c.Field);
            c.Enter(field);
            var api = ApiMessage(family.ParametersType, c.Field, c.Submitted);
            if (c.Bad && api is null)
                mismatches.Add($"{c}: the API accepts {Show(c.Submitted)}; the case is not a bad value");
            if (field.Error != api)
                mismatches.Add($"{c}: the form says \"{field.Error}\", the API \"{api}\" for {Show(c.Submitted)}");
        }

        // Every field but a flag has at least one bad value to try.
        var fields = ParameterBinder.Fields(family.ParametersType);
        var untried = fields.Where(f => Element(f.Value.PropertyType) != typeof(bool) && !cases.Any(c => c.Field == f.Key && c.Bad)).Select(f => f.Key);
        Assert.Empty(untried);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>What the API's 400 says for <c>parameters.&lt;field&gt;</c>, as the form shows several: joined.</summary>
    private static string? ApiMessage(Type type, string field, JsonNode? value)
    {
        var body = JsonSerializer.SerializeToElement(new JsonObject { [field] = value?.DeepClone() });
        var bound = ParameterBinder.Bind(type, body);
        return bound.Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
    }

    private static IEnumerable<Case> CasesOf(IExperiment family)
    {
        var defaults = Activator.CreateInstance(family.ParametersType)!;
        foreach (var (name, property) in ParameterBinder.Fields(family.ParametersType))
        {
            var rules = property.GetCustomAttribute<ParameterAttribute>() ?? new ParameterAttribute("");
            var element = Element(property.PropertyType);
            var isList = IsList(property.PropertyType);
            var nullable = IsNullable(property);
            Case Make(string what, Action<FormField> enter, JsonNode? submitted, bool bad = true) =>
                new(family.Kind, name, what, enter, submitted, bad);

            if (element == typeof(bool))
            {
                yield return Make("checked", f => f.Flag = true, true, bad: false);
                continue;
            }

            if (!isList)
            {
                // Empty text is the empty string where it is text, and no value (null) elsewhere or where null is allowed.
                var choice = element.IsEnum || rules.Choices is { Length: > 0 };
                var empty = element == typeof(string) && !choice && !nullable ? JsonValue.Create("") : null;
                yield return Make("left empty", f => f.Text = "", empty, bad: empty is null && !nullable);
                if (IsNumber(element))
                {
                    foreach (var (what, text, json) in BadNumbers(element, rules))
                        yield return Make(what, f => f.Text = text, json);
                }
                else if (choice)
                {
                    yield return Make("not a choice", f => f.Text = "not-a-choice", "not-a-choice");
                }
                else if (element == typeof(Guid))
                {
                    // A dataset parameter: whether the id names a stored dataset is the server's to say; its shape is the form's.
                    yield return Make("not a dataset id", f => f.Text = "not-a-dataset", "not-a-dataset");
                }
                else if (element == typeof(string))
                {
                    if (rules.MaxLength > 0)
                    {
                        var text = new string('a', rules.MaxLength + 1);
                        yield return Make("too long", f => f.Text = text, text);
                    }

                    yield return Make("a NUL character", f => f.Text = "a\0b", "a\0b");
                }

                continue;
            }

            var valid = ValidItems(property.GetValue(defaults) as IList, element, rules);
            if (element.IsEnum || rules.Choices is { Length: > 0 })
            {
                var choices = element.IsEnum ? Enum.GetNames(element).Select(JsonNamingPolicy.KebabCaseLower.ConvertName).ToList() : rules.Choices!.ToList();
                if (rules.MinItems > 0)
                {
                    var few = choices.Take(rules.MinItems - 1).ToList();
                    yield return Make("too few chosen", f => f.Selected = few, Strings(few));
                }

                if (rules.MaxItems > 0 && choices.Count > rules.MaxItems)
                {
                    var many = choices.Take(rules.MaxItems + 1).ToList();
                    yield return Make("too many chosen", f => f.Selected = many, Strings(many));
                }

                continue;
            }

            if (rules.MinItems > 0)
            {
                var few = valid.Take(rules.MinItems - 1).ToList();
                yield return Make("too few items", f => f.Text = string.Join(", ", few), Items(few, element));
            }

            if (rules.MaxItems > 0)
            {
                var many = Enumerable.Range(0, rules.MaxItems + 1).Select(i => valid[i % valid.Count]).ToList();
                yield return Make("too many items", f => f.Text = string.Join(", ", many), Items(many, element));
            }

            if (IsNumber(element))
            {
                foreach (var (what, text, json) in BadNumbers(element, rules))
                {
                    yield return Make($"an item {what}", f => f.Text = $"{valid[0]}, {text}", new JsonArray(Number(valid[0], element), json?.DeepClone()));
                }
            }
            else if (element == typeof(string) && rules.MaxLength > 0)
            {
                var text = new string('a', rules.MaxLength + 1);
                yield return Make("an item too long", f => f.Text = $"{valid[0]}, {text}", Strings([valid[0], text]));
            }
        }
    }

    /// <summary>Below the minimum, above the maximum, and of the wrong type: what applies to the field.</summary>
    private static IEnumerable<(string What, string Text, JsonNode? Json)> BadNumbers(Type element, ParameterAttribute rules)
    {
        if (!double.IsNaN(rules.Minimum))
        {
            var low = Text(rules.Minimum - 1, element);
            yield return ("below the minimum", low, Number(low, element));
        }

        if (!double.IsNaN(rules.Maximum))
        {
            var high = Text(rules.Maximum + 1, element);
            yield return ("above the maximum", high, Number(high, element));
        }

        if (IsInteger(element))
            yield return ("a fraction", "2.5", 2.5);
        yield return ("not a number", "ten", "ten");
    }

    private static List<string> ValidItems(IList? defaults, Type element, ParameterAttribute rules)
    {
        if (defaults is { Count: > 0 })
            return defaults.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!).ToList();
        if (element == typeof(string))
            return ["a"];
        return [Text(double.IsNaN(rules.Minimum) ? 1 : rules.Minimum, element)];
    }

    private static string Text(double value, Type element) =>
        IsInteger(element) ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    private static JsonNode Number(string text, Type element) =>
        IsInteger(element) ? JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)) : JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));

    private static JsonArray Items(IEnumerable<string> items, Type element) =>
        element == typeof(string) ? Strings(items) : new JsonArray(items.Select(i => (JsonNode?)Number(i, element)).ToArray());

    private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    private static string Show(JsonNode? value) => value?.ToJsonString() ?? "null";

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static Type Element(Type type) =>
        type.IsArray ? type.GetElementType()!
        : IsList(type) ? type.GetGenericArguments()[0]
        : Nullable.GetUnderlyingType(type) ?? type;

    private static bool IsInteger(Type element) => element == typeof(int) || element == typeof(long);

    private static bool IsNumber(Type element) => IsInteger(element) || element == typeof(double) || element == typeof(float) || element == typeof(decimal);

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable);
}
