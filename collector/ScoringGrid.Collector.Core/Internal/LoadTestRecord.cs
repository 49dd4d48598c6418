using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ScoringGrid.Collector.Internal;

// A stored load-test result: {"value":…,"recorded_ms":…,"evidence":<verbatim JSON>}.
internal sealed record LoadTestRecord(double Value, long RecordedMs, string EvidenceJson)
{
    public static string Write(double value, long recordedMs, string evidenceJson)
    {
        using var evidence = JsonDocument.Parse(evidenceJson); // rejects non-JSON at the edge
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("value", value);
            json.WriteNumber("recorded_ms", recordedMs);
            json.WritePropertyName("evidence");
            evidence.RootElement.WriteTo(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static LoadTestRecord Read(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        return new LoadTestRecord(
            root.GetProperty("value").GetDouble(),
            root.GetProperty("recorded_ms").GetInt64(),
            root.GetProperty("evidence").GetRawText());
    }
}
