namespace ScoringGrid.Prometheus.Internal.Parsing;

// Everything one parse accumulates. Created per call, so one parser serves many threads.
internal sealed class ParseState
{
    private byte[] _scratch = [];

    public ParseState(ExpositionFormat format, ParserOptions options, int expectedSamples)
    {
        Format = format;
        Options = options;
        Samples = new List<Sample>(expectedSamples);
        Interner = new Utf8Interner(expectedSamples);
        Labels = new LabelArena(expectedSamples);
        Series = new SeriesIndex(expectedSamples);
        FamiliesByName = new Dictionary<string, MetricFamily>(StringComparer.Ordinal);
        FamilyBySpan = FamiliesByName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ExpositionFormat Format { get; }

    public bool IsOpenMetrics => Format == ExpositionFormat.OpenMetrics;

    public ParserOptions Options { get; }

    // Sized from the expected samples like Samples: a scrape body otherwise regrows each table
    // a few times, rehashing or copying what it held, on every parse.
    public Utf8Interner Interner { get; }

    public LabelArena Labels { get; }

    public SeriesIndex Series { get; }

    public Dictionary<string, MetricFamily> FamiliesByName { get; }

    // Finds `x` for a sample `x_bucket` without allocating the shortened name.
    public Dictionary<string, MetricFamily>.AlternateLookup<ReadOnlySpan<char>> FamilyBySpan { get; }

    public List<MetricFamily> Families { get; } = [];

    public List<Sample> Samples { get; }

    // The family of the previous line (OpenMetrics forbids interleaving families).
    public MetricFamily? CurrentFamily { get; set; }

    // The previous sample's name and family: consecutive samples usually share both.
    public string? LastSampleName { get; set; }

    public MetricFamily? LastSampleFamily { get; set; }

    public bool SawEof { get; set; }

    public ParseError? Error { get; private set; }

    public int Line { get; private set; }

    public int LineStart { get; private set; }

    // Whether the current line is the body's last and has no line feed, so that running out
    // of bytes is "end of input" (truncation) rather than "end of line".
    public bool AtEndOfInput { get; private set; }

    public void BeginLine(int line, int lineStart, bool atEndOfInput)
    {
        Line = line;
        LineStart = lineStart;
        AtEndOfInput = atEndOfInput;
    }

    // Records the first error; always returns false so callers can `return state.Fail(...)`.
    public bool Fail(int position, string reason)
    {
        Error ??= new ParseError(Math.Max(Line, 1), Math.Max(position - LineStart + 1, 1), reason);
        return false;
    }

    public string EndOf(string where) => AtEndOfInput
        ? $"unexpected end of input {where} (the body may be truncated)"
        : $"unexpected end of line {where}";

    public MetricFamily AddFamily(string name)
    {
        var family = new MetricFamily(name);
        FamiliesByName.Add(name, family);
        Families.Add(family);
        return family;
    }

    // A reusable buffer for unescaping; grows to the longest escaped value seen.
    public byte[] Scratch(int length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, 256)];
        }

        return _scratch;
    }

    public ParseResult ToResult() => Error is null
        ? ParseResult.Success(Format, Families, Samples)
        : ParseResult.Failure(Format, Error);

    // Used when the whole body is rejected before any line is read (e.g. invalid UTF-8).
    public static ParseResult FailAt(ExpositionFormat format, ReadOnlySpan<byte> body, int offset, string reason)
    {
        var before = body[..offset];
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return ParseResult.Failure(format, new ParseError(line, column, reason));
    }
}
