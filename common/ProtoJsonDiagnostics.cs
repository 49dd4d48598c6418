using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;

namespace ScoringGrid.Common;

/// <summary>
/// Why a document is not the proto3 JSON form of a message, with the path of the field at fault
/// (<c>application.applicant.credit_code</c>, <c>applications[3].figures.total_devices</c>).
/// Google.Protobuf's parser says only what went wrong ("Unsupported conversion from JSON number for
/// field type String"); this walks the document against the message's descriptor to say where.
/// </summary>
/// <remarks>
/// Run only once the parser has refused a document, so it costs nothing on the request path.
/// Source-linked into the server (REST) and <c>sg</c> (documents it sends to a server).
/// </remarks>
internal static class ProtoJsonDiagnostics
{
    /// <summary>
    /// The first problem found: the field's path (empty for the document itself) and a message that
    /// starts with that path (<c>applicant.credit_code: expected a string, got a number</c>); null
    /// when none is found.
    /// </summary>
    public static (string Field, string Message)? Explain(ReadOnlySpan<byte> json, MessageDescriptor descriptor) =>
        Find(json, descriptor) is var (field, problem) ? (field, field.Length > 0 ? $"{field}: {problem}" : problem) : null;

    private static (string Field, string Problem)? Find(ReadOnlySpan<byte> json, MessageDescriptor descriptor)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 100 });
        try
        {
            if (!reader.Read())
            {
                return ("", "the document is empty");
            }

            return Message(ref reader, descriptor, "");
        }
        catch (InvalidOperationException)
        {
            // A string that is not UTF-8 cannot be read as text.
            return ("", "the document is not valid UTF-8");
        }
        catch (JsonException e)
        {
            return ("", ScoringGrid.Scoring.ApplicationJson.NotValidJson(e));
        }
    }

    private static (string, string)? Message(ref Utf8JsonReader reader, MessageDescriptor descriptor, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return (path, $"expected an object ({descriptor.FullName}), got {Describe(reader.TokenType)}");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var field = descriptor.FindFieldByName(name) ?? FindByJsonName(descriptor, name);
            var at = Join(path, name);
            if (field is null)
            {
                return (at, $"unknown field '{name}' of {descriptor.FullName}");
            }

            reader.Read();
            if (Field(ref reader, field, at) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static (string, string)? Field(ref Utf8JsonReader reader, FieldDescriptor field, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (field.IsMap)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return (path, $"expected an object (a map), got {Describe(reader.TokenType)}");
            }

            var value = field.MessageType.FindFieldByNumber(2);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var at = key.Length == 0 ? $"{path}[\"\"]" : Join(path, key);
                reader.Read();
                if (Element(ref reader, value, at) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        if (field.IsRepeated)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return (path, $"expected a list, got {Describe(reader.TokenType)}");
            }

            for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
            {
                if (Element(ref reader, field, $"{path}[{i}]") is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        return Single(ref reader, field, path);
    }

    // A list's or a map's value: null stands for nothing there, except as a google.protobuf.Value.
    private static (string, string)? Element(ref Utf8JsonReader reader, FieldDescriptor field, string path) =>
        reader.TokenType == JsonTokenType.Null && !IsValue(field)
            ? (path, "null is not allowed in a list or a map")
            : Single(ref reader, field, path);

    private static (string, string)? Single(ref Utf8JsonReader reader, FieldDescriptor field, string path)
    {
        var token = reader.TokenType;
        switch (field.FieldType)
        {
            case FieldType.String:
            case FieldType.Bytes:
                return token == JsonTokenType.String ? null : (path, $"expected a string, got {Describe(token)}");
            case FieldType.Bool:
                return token is JsonTokenType.True or JsonTokenType.False ? null : (path, $"expected true or false, got {Describe(token)}");
            case FieldType.Double:
            case FieldType.Float:
                return Number(ref reader, path, integral: false);
            case FieldType.Enum:
                return token switch
                {
                    JsonTokenType.Number => null,
                    JsonTokenType.String when field.EnumType.FindValueByName(reader.GetString()!) is not null => null,
                    JsonTokenType.String => (path, $"'{reader.GetString()}' is not a value of {field.EnumType.FullName} ({string.Join(", ", field.EnumType.Values.Select(v => v.Name))})"),
                    _ => (path, $"expected the name of a {field.EnumType.FullName} value, got {Describe(token)}"),
                };
            case FieldType.Message or FieldType.Group:
                if (IsValue(field) || field.MessageType.FullName == "google.protobuf.Struct" && token == JsonTokenType.StartObject)
                {
                    reader.Skip();
                    return null;
                }

                if (field.MessageType.FullName is "google.protobuf.Timestamp" or "google.protobuf.Duration")
                {
                    return token == JsonTokenType.String ? null : (path, $"expected a string ({field.MessageType.FullName}), got {Describe(token)}");
                }

                return Message(ref reader, field.MessageType, path);
            default:
                return Number(ref reader, path, integral: true);
        }
    }

    // Numbers may also come as strings in proto3 JSON ("12", "NaN", "Infinity").
    private static (string, string)? Number(ref Utf8JsonReader reader, string path, bool integral)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (!reader.TryGetDouble(out var value) || double.IsInfinity(value))
                {
                    return (path, "the number is out of range");
                }

                return integral && value != Math.Floor(value) ? (path, $"expected a whole number, got {value.ToString(CultureInfo.InvariantCulture)}") : null;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || !integral && text is "NaN" or "Infinity" or "-Infinity"
                    ? null
                    : (path, $"expected a number, got the string '{text}'");
            default:
                return (path, $"expected a number, got {Describe(reader.TokenType)}");
        }
    }

    private static bool IsValue(FieldDescriptor field) =>
        field.FieldType == FieldType.Message && field.MessageType.FullName == "google.protobuf.Value";

    private static FieldDescriptor? FindByJsonName(MessageDescriptor descriptor, string name)
    {
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.JsonName == name)
            {
                return field;
            }
        }

        return null;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
