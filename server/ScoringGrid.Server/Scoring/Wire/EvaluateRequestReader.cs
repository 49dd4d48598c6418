using System.Buffers.Binary;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>
/// Reads the protobuf bytes of a <c>scoringgrid.v1.EvaluateRequest</c> straight into the core's
/// <see cref="ScoringGrid.Scoring.Application"/>, with no intermediate message objects: the Google.Protobuf
/// message, its map fields and the mapping to the core cost more than scoring a typical
/// application. It accepts and refuses exactly what <c>EvaluateRequest.Parser</c> followed by
/// <see cref="ApplicationMapping.ToCore"/> would (repeated embedded messages merge, the last
/// scalar and map entry win, unknown fields and groups are skipped, the same recursion limit),
/// which the differential tests check on generated and mutated messages. One deliberate
/// difference: a string field it reads that is not valid UTF-8 is an error naming the field, where
/// Google.Protobuf would decode it with U+FFFD in place of the bad bytes (see <see cref="NotUtf8"/>).
/// Given the call's catalog, it reads the ids straight into an <see cref="IndexedApplication"/> of
/// the named rule set when it can (see <see cref="Indexed"/>); anything that path would not score
/// as the <see cref="ScoringGrid.Scoring.Application"/> does sends the read back to that.
/// One instance is reused: what it read is valid until the next read.
/// </summary>
internal sealed class EvaluateRequestReader
{
    // Google.Protobuf's default; the depth counts nested messages, map entries and groups.
    private const int RecursionLimit = 100;

    // Marks an expert line whose value is not a number or a list of numbers until the read ends:
    // the error names the first such line in map order, as ApplicationMapping does.
    private static readonly double[] InvalidScores = new double[1];

    // Throws on bytes that are not UTF-8: the check costs nothing on valid text, which is decoded in the same pass.
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static EvaluateRequestReader? t_current;

    private readonly StringCache _strings = new();

    // Indexed applications of the rule sets this thread scored last, reused; a few, so that an old
    // catalog's rule sets are not kept alive for long after a reload.
    private readonly IndexedApplication?[] _recent = new IndexedApplication?[4];
    private int _replaceNext;

    private RuleSetCatalog? _catalog;
    private IndexedApplication? _indexed;
    private IdMode _mode;

    // The first string field read whose bytes are not UTF-8 (an error once the read is done).
    private string? _notUtf8;

    // Where the ids being read go.
    private enum IdMode
    {
        // Into Application (no catalog, or the rule set is unknown or came after an id).
        Application,

        // Into Application, unless the rule set comes first and is known.
        Undecided,

        // Into _indexed.
        Indexed,

        // Nowhere: the indexed path cannot take this application; it is read again into Application.
        Abandoned,
    }

    /// <summary>The application read last; reset by every read.</summary>
    public Application Application { get; } = new();

    /// <summary>Whether the request carried an application (an empty one counts).</summary>
    public bool HasApplication { get; private set; }

    /// <summary>
    /// The application's ids read straight into its rule set's <see cref="IndexedApplication"/> (from
    /// the catalog the read was given), or null when it was read into <see cref="Application"/> alone.
    /// When set, <see cref="Application"/> holds everything but the ids' declarations (and the
    /// applicant's name, city and industry, which scoring does not read); the indexed application
    /// scores exactly as <see cref="Application"/> would have.
    /// </summary>
    public IndexedApplication? Indexed => _mode == IdMode.Indexed ? _indexed : null;

    /// <summary>The requested result view (unknown numbers are kept, as the message would keep them).</summary>
    public V1.ResultView View { get; private set; }

    /// <summary>The reader of the calling thread, for a read and a score with no await in between.</summary>
    public static EvaluateRequestReader ForCurrentThread => t_current ??= new EvaluateRequestReader();

    /// <summary>
    /// Reads <paramref name="request"/>. Returns false when the bytes are not a valid message (what
    /// the parser would throw on); otherwise <paramref name="error"/> is the mapping error, if any.
    /// </summary>
    public bool TryRead(ReadOnlySpan<byte> request, out ScoringError? error) => TryRead(request, null, out error);

    /// <summary>
    /// <see cref="TryRead(ReadOnlySpan{byte}, out ScoringError?)"/>, reading the ids into an
    /// <see cref="IndexedApplication"/> of the rule set <paramref name="catalog"/> resolves when the
    /// application allows it (see <see cref="Indexed"/>).
    /// </summary>
    public bool TryRead(ReadOnlySpan<byte> request, RuleSetCatalog? catalog, out ScoringError? error)
    {
        error = null;
        if (!TryReadOnce(request, catalog))
        {
            return false;
        }

        if (_mode == IdMode.Abandoned)
        {
            // The bytes were read once, so they read again.
            TryReadOnce(request, null);
        }

        if (_mode == IdMode.Indexed)
        {
            var app = Application;
            var indexed = _indexed!;
            indexed.Id = app.Id;
            indexed.Deployment = app.Deployment;
            indexed.Province = app.Applicant.Province;
            indexed.Provider = app.Applicant.Provider;
            indexed.CreditCode = app.Applicant.CreditCode;
        }

        if (_notUtf8 is not null)
        {
            error = NotUtf8(_notUtf8);
            return true;
        }

        foreach (var (line, scores) in Application.ExpertScores)
        {
            if (ReferenceEquals(scores, InvalidScores))
            {
                error = new ScoringError(ScoringErrorCodes.InvalidArgument, $"expert_scores.{line}",
                    $"expert_scores.{line} must be a number or a list of numbers");
                break;
            }
        }

        return true;
    }

    private bool TryReadOnce(ReadOnlySpan<byte> request, RuleSetCatalog? catalog)
    {
        Reset();
        _catalog = catalog;
        _mode = catalog is null ? IdMode.Application : IdMode.Undecided;
        try
        {
            var input = new Input(request);
            ReadRequest(ref input);
            return true;
        }
        catch (WireFormatException)
        {
            _mode = IdMode.Application;
            return false;
        }
    }

    private void Reset()
    {
        var app = Application;
        app.Id = app.RuleSet = app.Deployment = app.PlatformId = "";
        app.Verify = false;
        var applicant = app.Applicant;
        applicant.Name = applicant.CreditCode = applicant.Province = applicant.City = applicant.Industry = applicant.Provider = "";
        app.Items.Clear();
        app.Figures.Clear();
        app.Flags.Clear();
        app.Dates.Clear();
        app.ExpertScores.Clear();
        HasApplication = false;
        View = V1.ResultView.Unspecified;
        _notUtf8 = null;
    }

    /// <summary>
    /// The error for a string field that is not UTF-8, worded as the transport's for other requests
    /// (<see cref="ScoringGrid.Grpc.Utf8Fields"/>). Proto3 strings must be UTF-8, and REST refuses a body
    /// that is not; decoding with U+FFFD would score the application with a garbled name or id and
    /// hand it back without a word, as happens when a portal sends GBK-encoded text.
    /// </summary>
    internal static ScoringError NotUtf8(string field) => new(ScoringErrorCodes.InvalidArgument, field, ScoringGrid.Grpc.GrpcErrors.NotUtf8Message(field));

    private void ReadRequest(ref Input input)
    {
        while (input.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case 10: // application
                    // A second occurrence merges into the first, field by field, as if it were
                    // its continuation: the ids go on where the first one's went.
                    HasApplication = true;
                    var application = input.ReadMessage(0);
                    ReadApplication(ref application, 1);
                    break;
                case 16: // view
                    View = (V1.ResultView)(int)input.ReadVarint();
                    break;
                default:
                    input.SkipField(tag, 0);
                    break;
            }
        }
    }

    private void ReadApplication(ref Input input, int depth)
    {
        var app = Application;
        while (input.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case 10: app.Id = ReadText(ref input, "id"); break;
                case 18:
                    app.RuleSet = Text(input.ReadLengthDelimited(), "ruleset");
                    OnRuleSet(app.RuleSet);
                    break;
                case 26:
                    var applicant = input.ReadMessage(depth);
                    ReadApplicant(ref applicant, depth + 1);
                    break;
                case 34: app.Deployment = Text(input.ReadLengthDelimited(), "deployment"); break;
                case 42: ReadItem(ref input); break;
                case 50:
                    var figure = input.ReadMessage(depth);
                    ReadFigure(ref figure, depth + 1);
                    break;
                case 58:
                    var flag = input.ReadMessage(depth);
                    ReadFlag(ref flag, depth + 1);
                    break;
                case 66:
                    var date = input.ReadMessage(depth);
                    ReadDate(ref date, depth + 1);
                    break;
                case 74:
                    var expertLine = input.ReadMessage(depth);
                    ReadExpertLine(ref expertLine, depth + 1);
                    break;
                case 82: app.PlatformId = ReadText(ref input, "platform_id"); break;
                case 88: app.Verify = input.ReadVarint() != 0; break;
                default: input.SkipField(tag, depth); break;
            }
        }
    }

    private void ReadApplicant(ref Input input, int depth)
    {
        var applicant = Application.Applicant;
        while (input.TryReadTag(out var tag))
        {
            switch (tag)
            {
                // Not read by scoring, so not decoded on the indexed path; still checked.
                case 10 when _mode == IdMode.Indexed: SkipText(ref input, "applicant.name"); break;
                case 10: applicant.Name = ReadText(ref input, "applicant.name"); break;
                case 18: applicant.CreditCode = ReadText(ref input, "applicant.credit_code"); break;
                case 26: applicant.Province = Text(input.ReadLengthDelimited(), "applicant.province"); break;
                case 34 when _mode == IdMode.Indexed: SkipText(ref input, "applicant.city"); break;
                case 42 when _mode == IdMode.Indexed: SkipText(ref input, "applicant.industry"); break;
                case 34: applicant.City = Text(input.ReadLengthDelimited(), "applicant.city"); break;
                case 42: applicant.Industry = Text(input.ReadLengthDelimited(), "applicant.industry"); break;
                case 50: applicant.Provider = Text(input.ReadLengthDelimited(), "applicant.provider"); break;
                default: input.SkipField(tag, depth); break;
            }
        }
    }

    private void ReadFigure(ref Input input, int depth)
    {
        ReadOnlySpan<byte> key = default;
        double value = 0;
        while (input.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case 10: key = input.ReadLengthDelimited(); break;
                case 17: value = input.ReadDouble(); break;
                default: input.SkipField(tag, depth); break;
            }
        }

        if (IdsGoIndexed() && !_indexed!.TrySetFigure(key, value))
        {
            _mode = IdMode.Abandoned;
        }

        if (_mode == IdMode.Application)
        {
            Application.Figures[Text(key, "figures")] = value;
        }
    }

    private void ReadFlag(ref Input input, int depth)
    {
        ReadOnlySpan<byte> key = default;
        bool value = false;
        while (input.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case 10: key = input.ReadLengthDelimited(); break;
                case 16: value = input.ReadVarint() != 0; break;
                default: input.SkipField(tag, depth); break;
            }
        }

        if (IdsGoIndexed() && !_indexed!.TrySetFlag(key, value))
        {
            _mode = IdMode.Abandoned;
        }

        if (_mode == IdMode.Application)
        {
            Application.Flags[Text(key, "flags")] = value;
        }
    }

    private void ReadDate(ref Input input, int depth)
    {
        ReadOnlySpan<byte> key = default;
        ReadOnlySpan<byte> value = default;
        while (input.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case 10: key = input.ReadLengthDelimited(); break;
                case 18: value = input.ReadLengthDelimited(); break;
                default: input.SkipField(tag, depth); break;
            }
        }

        if (IdsGoIndexed() && !_indexed!.TrySetDate(key, value))
        {
            _mode = IdMode.Abandoned;
        }

        if (_mode == IdMode.Application)
        {
            var date = Text(key, "dates");
            var text = value.Length == 0 ? "" : _strings.Get(value);
            if (text is null)
            {
                _notUtf8 ??= $"dates.{date}";
            }

            Application.Dates[date] = text ?? "";
        }
    }

    private void ReadItem(ref Input input)
    {
        var id = input.ReadLengthDelimited();
        if (IdsGoIndexed() && !_indexed!.TryAddItem(id))
        {
            _mode = IdMode.Abandoned;
        }

        if (_mode == IdMode.Application)
        {
            Application.Items.Add(Text(id, "items"));
        }
    }

    // A rule set named before any id, and known, sends the ids to its indexed application; named
    // again (the last one wins), it leaves the rest to Application.
    private void OnRuleSet(string ruleSet)
    {
        if (_mode == IdMode.Undecided)
        {
            _mode = _catalog!.TryResolve(ruleSet, out var rs, out _) ? IdMode.Indexed : IdMode.Application;
            if (_mode == IdMode.Indexed)
            {
                _indexed = IndexedFor(rs!);
            }
        }
        else
        {
            LeaveIndexed();
        }
    }

    // Whether the id being read goes to the indexed application; an id read before the rule set
    // decides for Application.
    private bool IdsGoIndexed()
    {
        if (_mode == IdMode.Undecided)
        {
            _mode = IdMode.Application;
        }

        return _mode == IdMode.Indexed;
    }

    private void LeaveIndexed()
    {
        _mode = _mode switch
        {
            IdMode.Undecided => IdMode.Application,
            IdMode.Indexed => IdMode.Abandoned,
            _ => _mode,
        };
    }

    private IndexedApplication IndexedFor(CompiledRuleSet ruleSet)
    {
        foreach (var recent in _recent)
        {
            if (recent is not null && ReferenceEquals(recent.RuleSet, ruleSet))
            {
                recent.Reset();
                return recent;
            }
        }

        var indexed = new IndexedApplication(ruleSet);
        _recent[_replaceNext] = indexed;
        _replaceNext = (_replaceNext + 1) % _recent.Length;
        return indexed;
    }

    // A map key, map value or item: decoded through the cache; "" and the field noted when not UTF-8.
    // (For a map key the field is the map: a key that is not text cannot be named in the message.)
    private string Text(ReadOnlySpan<byte> utf8, string field) => utf8.Length == 0 ? "" : Checked(_strings.Get(utf8), field);

    // A string unique to the application (id, name, credit code): decoded without the cache.
    private string ReadText(ref Input input, string field)
    {
        var utf8 = input.ReadLengthDelimited();
        return utf8.Length == 0 ? "" : Checked(Decode(utf8), field);
    }

    // The decoded text, or "" with the field noted when the bytes were not UTF-8 (no text).
    private string Checked(string? text, string field)
    {
        if (text is null)
        {
            _notUtf8 ??= field;
        }

        return text ?? "";
    }

    // Null when the bytes are not UTF-8.
    private static string? Decode(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private void SkipText(ref Input input, string field)
    {
        if (!System.Text.Unicode.Utf8.IsValid(input.ReadLengthDelimited()))
        {
            _notUtf8 ??= field;
        }
    }

    // Expert lines are few and their value is a google.protobuf.Value (a oneof that merges lists
    // and structs across repeats): Google.Protobuf parses that part, with the recursion budget the
    // whole-message parse would have left at this depth.
    private void ReadExpertLine(ref Input input, int depth)
    {
        ReadOnlySpan<byte> key = default;
        ReadOnlySpan<byte> value = default;
        bool hasValue = false;
        while (input.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case 10: key = input.ReadLengthDelimited(); break;
                case 18: value = input.ReadLengthDelimited(); hasValue = true; break;
                default: input.SkipField(tag, depth); break;
            }
        }

        Value parsed;
        if (!hasValue)
        {
            parsed = new Value();
        }
        else
        {
            if (depth >= RecursionLimit)
            {
                throw new WireFormatException();
            }

            // An end-group tag at the value's top level fails the whole parse; Value.MergeFrom would just stop there.
            var scan = new Input(value);
            while (scan.TryReadTag(out var tag))
            {
                scan.SkipField(tag, depth + 1);
            }

            try
            {
                var coded = CodedInputStream.CreateWithLimits(new MemoryStream(value.ToArray(), writable: false), int.MaxValue, RecursionLimit - depth - 1);
                parsed = new Value();
                parsed.MergeFrom(coded);
            }
            catch (InvalidProtocolBufferException)
            {
                throw new WireFormatException();
            }
        }

        var scores = ApplicationMapping.ExpertScores(parsed);
        if (IdsGoIndexed() && (scores is null || !_indexed!.TrySetExpertScores(key, scores)))
        {
            _mode = IdMode.Abandoned;
        }

        if (_mode == IdMode.Application)
        {
            Application.ExpertScores[Text(key, "expert_scores")] = scores ?? InvalidScores;
        }
    }

    /// <summary>Bytes that are not a valid protobuf message.</summary>
    private sealed class WireFormatException : Exception;

    private ref struct Input(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        // False at the end of the bytes. An end-group tag outside a group fails the whole parse, as
        // does field number 0.
        public bool TryReadTag(out uint tag)
        {
            if (_position == _bytes.Length)
            {
                tag = 0;
                return false;
            }

            tag = (uint)ReadVarint();
            if ((tag >> 3) == 0 || (tag & 7) == 4)
            {
                throw new WireFormatException();
            }

            return true;
        }

        public ulong ReadVarint()
        {
            ulong result = 0;
            for (var shift = 0; shift < 70; shift += 7)
            {
                if (_position == _bytes.Length)
                {
                    throw new WireFormatException();
                }

                var b = _bytes[_position++];
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return result;
                }
            }

            throw new WireFormatException();
        }

        public double ReadDouble()
        {
            if (_bytes.Length - _position < 8)
            {
                throw new WireFormatException();
            }

            var value = BinaryPrimitives.ReadDoubleLittleEndian(_bytes.Slice(_position, 8));
            _position += 8;
            return value;
        }

        // An embedded message or map entry, whose fields are read one level deeper than `depth`.
        public Input ReadMessage(int depth)
        {
            var body = ReadLengthDelimited();
            if (depth >= RecursionLimit)
            {
                throw new WireFormatException();
            }

            return new Input(body);
        }

        public ReadOnlySpan<byte> ReadLengthDelimited()
        {
            var length = (int)ReadVarint();
            if (length < 0 || length > _bytes.Length - _position)
            {
                throw new WireFormatException();
            }

            var body = _bytes.Slice(_position, length);
            _position += length;
            return body;
        }

        public void SkipField(uint tag, int depth)
        {
            switch (tag & 7)
            {
                case 0: ReadVarint(); break;
                case 1: Skip(8); break;
                case 2: ReadLengthDelimited(); break;
                case 3: SkipGroup(tag >> 3, depth); break;
                case 5: Skip(4); break;
                default: throw new WireFormatException();
            }
        }

        private void Skip(int count)
        {
            if (_bytes.Length - _position < count)
            {
                throw new WireFormatException();
            }

            _position += count;
        }

        private void SkipGroup(uint field, int depth)
        {
            if (depth >= RecursionLimit)
            {
                throw new WireFormatException();
            }

            while (true)
            {
                if (_position == _bytes.Length)
                {
                    throw new WireFormatException();
                }

                var tag = (uint)ReadVarint();
                if ((tag >> 3) == 0)
                {
                    throw new WireFormatException();
                }

                if ((tag & 7) == 4)
                {
                    if ((tag >> 3) != field)
                    {
                        throw new WireFormatException();
                    }

                    return;
                }

                SkipField(tag, depth + 1);
            }
        }
    }

    // Recently decoded short strings by their UTF-8 bytes: rule-set ids, item and figure ids and
    // province names repeat from one application to the next, so most reads allocate nothing.
    // Two ways per set (two ids of one application that share a set would otherwise evict each
    // other on every request) and bounded: a miss replaces the older way, so hostile input costs
    // only misses.
    private sealed class StringCache
    {
        private const int Slots = 512;
        private const int MaxLength = 64;

        private readonly byte[]?[] _keys = new byte[]?[Slots];
        private readonly string?[] _values = new string?[Slots];

        // Null when the bytes are not UTF-8 (a hit was valid when it was stored).
        public string? Get(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > MaxLength)
            {
                return Decode(utf8);
            }

            var slot = (int)(Hash(utf8) & (Slots - 2));
            if (_keys[slot] is { } key && utf8.SequenceEqual(key))
            {
                return _values[slot]!;
            }

            if (_keys[slot + 1] is { } other && utf8.SequenceEqual(other))
            {
                // The most recent way first, so a run of one id finds it at once.
                (_keys[slot], _keys[slot + 1]) = (other, _keys[slot]);
                (_values[slot], _values[slot + 1]) = (_values[slot + 1], _values[slot]);
                return _values[slot]!;
            }

            var text = Decode(utf8);
            if (text is null)
            {
                return null;
            }

            _keys[slot + 1] = _keys[slot];
            _values[slot + 1] = _values[slot];
            _keys[slot] = utf8.ToArray();
            _values[slot] = text;
            return text;
        }

        // Only picks a slot (a collision costs a miss, never a wrong string): the length and three
        // 8-byte samples (start, middle, end) tell the ids of a rule set apart at a fraction of a full hash.
        private static uint Hash(ReadOnlySpan<byte> bytes)
        {
            ulong mixed;
            if (bytes.Length >= 8)
            {
                mixed = (BinaryPrimitives.ReadUInt64LittleEndian(bytes) * 0x9E3779B97F4A7C15UL)
                    ^ (BinaryPrimitives.ReadUInt64LittleEndian(bytes[((bytes.Length - 8) / 2)..]) * 0xC2B2AE3D27D4EB4FUL)
                    ^ (BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]) * 0x165667B19E3779F9UL);
            }
            else
            {
                mixed = 0;
                foreach (var b in bytes)
                {
                    mixed = (mixed << 8) | b;
                }

                mixed *= 0x9E3779B97F4A7C15UL;
            }

            // Fold the high bits down: the slot takes the low ones, which a product alone leaves poorly mixed.
            mixed ^= (ulong)bytes.Length;
            mixed ^= mixed >> 33;
            mixed *= 0xFF51AFD7ED558CCDUL;
            mixed ^= mixed >> 33;
            return (uint)mixed;
        }
    }
}
