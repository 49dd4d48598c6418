using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ScoringGrid.Collector.Internal;

// The series index entry: {"name":…,"type":…,"labels":{…}}. Written once per new series.
internal static class SeriesDescriptor
{
    public static string Write(string name, string type, ReadOnlySpan<KeyValuePair<string, string>> sortedLabels)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("type", type);
            json.WriteStartObject("labels");
            foreach (var label in sortedLabels)
            {
                json.WriteString(label.Key, label.Value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static (string Name, string Type, IReadOnlyDictionary<string, string> Labels) Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in root.GetProperty("labels").EnumerateObject())
        {
            labels[label.Name] = label.Value.GetString() ?? string.Empty;
        }

        return (root.GetProperty("name").GetString()!, root.GetProperty("type").GetString()!, labels);
    }
}
