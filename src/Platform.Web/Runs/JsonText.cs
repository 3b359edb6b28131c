using System.Text.Json;

namespace Platform.Web.Runs;

/// <summary>
/// System.Text.Json checks a document's structure but not its text: invalid UTF-8, or an escaped lone surrogate such
/// as <c>"\uD800"</c>, throws only when that string is read, wherever that happens to be. Reading every name and string
/// once, up front, turns such a body into a 400 that says where the bad text is, instead of a 500.
/// </summary>
public static class JsonText
{
    /// <summary>
    /// The path (<c>kind</c>, <c>tags[0]</c>, <c>parameters.model</c>) of the first string that is not valid Unicode, or
    /// of the object whose field name is not; "" for the root; null when all text is readable. The path is built only
    /// for what is found, on the way back up. The recursion is as deep as the document, which the parser caps (64
    /// levels by default).
    /// </summary>
    public static string? FindUnreadable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsReadable(element.GetString) ? null : "";
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindUnreadable(item) is { } found)
                    {
                        return $"[{index}]{found}";
                    }

                    index++;
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsReadable(() => property.Name))
                    {
                        return "";
                    }

                    if (FindUnreadable(property.Value) is { } found)
                    {
                        return found.Length == 0 || found[0] == '[' ? property.Name + found : $"{property.Name}.{found}";
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsReadable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
