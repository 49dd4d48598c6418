using System.Buffers;
using ScoringGrid.Prometheus.Internal.Parsing;

namespace ScoringGrid.Prometheus;

/// <summary>
/// Parses scraped bodies in the Prometheus text format 0.0.4 or OpenMetrics 1.0 text. Never
/// throws for any input: malformed, truncated or over-limit bodies give a failed
/// <see cref="ParseResult"/> whose <see cref="ParseResult.Error"/> says where and why.
/// Stateless and thread-safe: one instance can serve every scrape.
/// </summary>
public sealed class ExpositionParser
{
    /// <summary>Creates a parser.</summary>
    /// <param name="options">Limits and strictness; <see cref="ParserOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    public ExpositionParser(ParserOptions? options = null)
    {
        options ??= ParserOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxSamples, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxLabelsPerSample, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxLineLength, nameof(options));
        Options = options;
    }

    /// <summary>The limits in force.</summary>
    public ParserOptions Options { get; }

    /// <summary>Parses a complete body.</summary>
    /// <param name="body">The (decompressed) response body.</param>
    /// <param name="format">The dialect, e.g. from <see cref="PrometheusContentTypes.Detect(string?)"/>.</param>
    /// <returns>All families and samples, or the first error.</returns>
    public ParseResult Parse(ReadOnlySpan<byte> body, ExpositionFormat format = ExpositionFormat.PrometheusText)
    {
        try
        {
            return TextBodyParser.Parse(body, format, Options);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug must cost one scrape, not the collector; the fuzz tests keep this path cold.
            return ParseResult.Failure(format, new ParseError(1, 1, $"internal parser error ({ex.GetType().Name}): {ex.Message}"));
        }
    }

    /// <summary>Parses a complete body held in a (possibly multi-segment) sequence, such as a pipe's buffer.</summary>
    /// <param name="body">The (decompressed) response body.</param>
    /// <param name="format">The dialect, e.g. from <see cref="PrometheusContentTypes.Detect(string?)"/>.</param>
    /// <returns>All families and samples, or the first error.</returns>
    public ParseResult Parse(in ReadOnlySequence<byte> body, ExpositionFormat format = ExpositionFormat.PrometheusText)
    {
        if (body.IsSingleSegment)
        {
            return Parse(body.FirstSpan, format);
        }

        if (body.Length > Array.MaxLength)
        {
            return ParseResult.Failure(format, new ParseError(1, 1, "body too large to parse"));
        }

        // Lines may straddle segments; one pooled contiguous copy keeps the parser span-only.
        var length = (int)body.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(buffer);
            return Parse(buffer.AsSpan(0, length), format);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
