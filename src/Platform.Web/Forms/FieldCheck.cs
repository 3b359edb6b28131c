using System.Text.Json.Nodes;

namespace Platform.Web.Forms;

/// <summary>
/// The server's rules for one field: the problems it would report were <paramref name="value"/> submitted, word for
/// word (none: the value is accepted). For a family's parameters it is <c>ParameterBinder.CheckField</c>.
/// </summary>
public delegate IReadOnlyList<string> FieldCheck(JsonNode? value);
