using System.Diagnostics.CodeAnalysis;

namespace ScoringGrid.Prometheus;

/// <summary>
/// The outcome of parsing a body: either every family and sample, or an error. A body is
/// never partly accepted, so a truncated scrape can not pass for a complete one.
/// </summary>
public sealed class ParseResult
{
    private ParseResult(ExpositionFormat format, IReadOnlyList<MetricFamily> families, IReadOnlyList<Sample> samples, ParseError? error)
    {
        Format = format;
        Families = families;
        Samples = samples;
        Error = error;
    }

    /// <summary>Whether the body parsed; if not, <see cref="Error"/> says why.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>The error of a failed parse; <see langword="null"/> on success.</summary>
    public ParseError? Error { get; }

    /// <summary>The dialect the body was parsed as.</summary>
    public ExpositionFormat Format { get; }

    /// <summary>Families in order of first appearance; empty on failure.</summary>
    public IReadOnlyList<MetricFamily> Families { get; }

    /// <summary>Samples in body order; empty on failure.</summary>
    public IReadOnlyList<Sample> Samples { get; }

    internal static ParseResult Success(ExpositionFormat format, IReadOnlyList<MetricFamily> families, IReadOnlyList<Sample> samples) =>
        new(format, families, samples, null);

    internal static ParseResult Failure(ExpositionFormat format, ParseError error) =>
        new(format, [], [], error);
}
