namespace Platform.Web.Forms;

/// <summary>How a knob is edited, decided from its JSON Schema.</summary>
public enum FieldKind
{
    Integer,
    Number,
    Boolean,
    Choice,
    Text,
    Upload,
    Dataset,
    IntegerList,
    NumberList,
    ChoiceList,
    TextList,

    /// <summary>Anything the schema describes that has no dedicated editor (e.g. a nested object): edited as JSON.</summary>
    Json,
}
