using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace ScoringGrid.Scoring.Internal.Loading;

/// <summary>
/// SHA-256 of a rule file's canonical form: mappings with sorted keys, numbers normalised,
/// no comments or layout. Reformatting a file keeps its digest; changing a rule changes it.
/// </summary>
internal static class CanonicalDigest
{
    public static string Compute(YamlNode root)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, root);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var entries = new List<KeyValuePair<string, YamlNode>>(map.Children.Count);
                foreach (var (k, v) in map.Children)
                {
                    entries.Add(new(((YamlScalarNode)k).Value ?? "", v));
                }

                entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                writer.WriteStartObject();
                foreach (var (k, v) in entries)
                {
                    writer.WritePropertyName(k);
                    Write(writer, v);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode seq:
                writer.WriteStartArray();
                foreach (var child in seq.Children)
                {
                    Write(writer, child);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                // Plain scalars that are numbers compare by value: 5000, 5_000 and 5000.0 are one rule.
                if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain
                    && double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    writer.WriteNumberValue(number);
                }
                else
                {
                    writer.WriteStringValue(text);
                }

                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
