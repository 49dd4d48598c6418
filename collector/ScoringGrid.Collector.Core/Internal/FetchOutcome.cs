using System.Buffers;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Collector.Internal;

// The body (pooled; the receiver returns it with Release) or why there is none.
internal readonly struct FetchOutcome
{
    private FetchOutcome(byte[]? body, int length, ExpositionFormat format, ScrapeFailure failure, string? error)
    {
        Body = body;
        Length = length;
        Format = format;
        Failure = failure;
        Error = error;
    }

    public byte[]? Body { get; }

    public int Length { get; }

    public ExpositionFormat Format { get; }

    public ScrapeFailure Failure { get; }

    public string? Error { get; }

    public static FetchOutcome Ok(byte[] body, int length, ExpositionFormat format) => new(body, length, format, ScrapeFailure.None, null);

    public static FetchOutcome Fail(ScrapeFailure failure, string error) => new(null, 0, default, failure, error);

    public void Release()
    {
        if (Body is not null)
        {
            ArrayPool<byte>.Shared.Return(Body);
        }
    }
}
