using System.Buffers;
using Google.Protobuf.Reflection;

namespace ScoringGrid.Grpc;

/// <summary>
/// Finds a string field whose bytes are not UTF-8 in a serialized message. Proto3 requires strings to be
/// UTF-8, but Google.Protobuf's C# parser decodes bad bytes as U+FFFD without a word, so a request
/// whose text was sent in GBK (say) would be served, and stored, garbled.
/// </summary>
public static class Utf8Fields
{
    /// <summary>
    /// The path of the first string field in <paramref name="message"/> (in the order of the bytes) that
    /// is not UTF-8, such as <c>applications[2].applicant.name</c>, <c>figures</c> for a map key or
    /// <c>dates.founded</c> for a map value; null when every string is UTF-8. Unknown fields are not
    /// looked at. Meant for bytes the parser has accepted; bytes that are not a message give null.
    /// </summary>
    public static string? FirstNotUtf8(ReadOnlySequence<byte> message, MessageDescriptor descriptor) =>
        message.IsSingleSegment ? FirstNotUtf8(message.FirstSpan, descriptor) : FirstNotUtf8(message.ToArray(), descriptor);

    /// <inheritdoc cref="FirstNotUtf8(ReadOnlySequence{byte}, MessageDescriptor)"/>
    public static string? FirstNotUtf8(ReadOnlySpan<byte> message, MessageDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var reader = new WireReader(message);
        return Find(ref reader, descriptor);
    }

    // The path is built only on the way back from a bad string, so a valid message allocates nothing.
    private static string? Find(ref WireReader reader, MessageDescriptor descriptor)
    {
        Span<int> occurrences = stackalloc int[descriptor.Fields.InDeclarationOrder().Count];
        while (reader.TryReadTag(out var number, out var wireType))
        {
            var field = descriptor.FindFieldByNumber(number);
            if (field is null || wireType != WireType.LengthDelimited)
            {
                reader.Skip(wireType);
                continue;
            }

            var bytes = reader.ReadLengthDelimited();
            var occurrence = occurrences[field.Index]++;
            string? found;
            if (field.FieldType == FieldType.String)
            {
                found = System.Text.Unicode.Utf8.IsValid(bytes) ? null : field.Name;
            }
            else if (field.IsMap)
            {
                found = InMapEntry(bytes, field);
            }
            else if (field.FieldType == FieldType.Message)
            {
                var inner = new WireReader(bytes);
                found = Find(ref inner, field.MessageType) is { } path
                    ? (field.IsRepeated ? $"{field.Name}[{occurrence}].{path}" : $"{field.Name}.{path}")
                    : null;
            }
            else
            {
                found = null; // bytes, or packed numbers
            }

            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    // A map entry: its key (the map's own name when bad), then its value under the key.
    private static string? InMapEntry(ReadOnlySpan<byte> entry, FieldDescriptor map)
    {
        var keyField = map.MessageType.FindFieldByNumber(1);
        var valueField = map.MessageType.FindFieldByNumber(2);
        ReadOnlySpan<byte> key = default;
        ReadOnlySpan<byte> value = default;
        var hasValue = false;
        var reader = new WireReader(entry);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (wireType != WireType.LengthDelimited || number is not (1 or 2))
            {
                reader.Skip(wireType);
            }
            else if (number == 1)
            {
                key = reader.ReadLengthDelimited(); // the last one wins, as when parsed
            }
            else
            {
                value = reader.ReadLengthDelimited();
                hasValue = true;
            }
        }

        if (keyField.FieldType == FieldType.String && !System.Text.Unicode.Utf8.IsValid(key))
        {
            return map.Name;
        }

        if (!hasValue)
        {
            return null;
        }

        string? found = null;
        if (valueField.FieldType == FieldType.String)
        {
            found = System.Text.Unicode.Utf8.IsValid(value) ? null : "";
        }
        else if (valueField.FieldType == FieldType.Message)
        {
            var inner = new WireReader(value);
            found = Find(ref inner, valueField.MessageType) is { } path ? "." + path : null;
        }

        // Named by its key when the key is text; a key of another type is shown as [key].
        return found is null ? null : $"{map.Name}.{(keyField.FieldType == FieldType.String ? System.Text.Encoding.UTF8.GetString(key) : "[key]")}{found}";
    }

    private enum WireType
    {
        Varint = 0,
        Fixed64 = 1,
        LengthDelimited = 2,
        StartGroup = 3,
        EndGroup = 4,
        Fixed32 = 5,
    }

    // Enough of the wire format to walk a message the parser accepted; anything else ends the walk.
    private ref struct WireReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public bool TryReadTag(out int number, out WireType wireType)
        {
            number = 0;
            wireType = 0;
            if (_position >= _bytes.Length || !TryReadVarint(out var tag) || (tag >> 3) == 0 || (tag >> 3) > int.MaxValue)
            {
                return false;
            }

            number = (int)(tag >> 3);
            wireType = (WireType)(tag & 7);
            return wireType != WireType.EndGroup;
        }

        public ReadOnlySpan<byte> ReadLengthDelimited()
        {
            if (!TryReadVarint(out var length) || length > (ulong)(_bytes.Length - _position))
            {
                _position = _bytes.Length;
                return default;
            }

            var body = _bytes.Slice(_position, (int)length);
            _position += (int)length;
            return body;
        }

        public void Skip(WireType wireType)
        {
            switch (wireType)
            {
                case WireType.Varint: TryReadVarint(out _); break;
                case WireType.Fixed64: _position = Math.Min(_bytes.Length, _position + 8); break;
                case WireType.Fixed32: _position = Math.Min(_bytes.Length, _position + 4); break;
                case WireType.LengthDelimited: ReadLengthDelimited(); break;
                case WireType.StartGroup: SkipGroup(); break;
                default: _position = _bytes.Length; break;
            }
        }

        // A group's fields up to its end tag (groups only appear here as unknown or legacy fields).
        private void SkipGroup()
        {
            while (_position < _bytes.Length && TryReadVarint(out var tag))
            {
                if ((WireType)(tag & 7) == WireType.EndGroup)
                {
                    return;
                }

                Skip((WireType)(tag & 7));
            }
        }

        private bool TryReadVarint(out ulong value)
        {
            value = 0;
            for (var shift = 0; shift < 64 && _position < _bytes.Length; shift += 7)
            {
                var b = _bytes[_position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return true;
                }
            }

            _position = _bytes.Length;
            return false;
        }
    }
}
