using System.Text.Json;

namespace Platform.Web.Components.Shared.Evidence;

/// <summary>A stored result table; cells stay JSON because a column may hold numbers, text or nothing.</summary>
public sealed record TableView(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<JsonElement>> Rows);
