using BusFlow.Engine.Design;

namespace BusFlow.Testing.Design;

/// <summary>The form a browser posts back for a step's fields as the designer shows them, untouched.</summary>
public static class DraftForms
{
    public static Dictionary<string, string> Untouched(IReadOnlyList<DraftField> fields, string prefix = "")
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var name = prefix + field.Spec.Name;
            if (field.Fields.Count > 0)
            {
                foreach (var (key, value) in Untouched(field.Fields, name + "."))
                {
                    form[key] = value;
                }

                continue;
            }

            form[name] = field.Text;
            form[name + ".ref"] = field.Reference ?? "";
            form[name + ".plus"] = field.Plus ?? "";
        }

        return form;
    }
}
