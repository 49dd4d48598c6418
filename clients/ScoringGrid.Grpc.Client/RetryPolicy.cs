namespace ScoringGrid.Grpc.Client;

/// <summary>
/// When <see cref="GrpcChannel.UnaryAsync"/> tries a unary call again, after gRPC's retry design
/// (A6): a failure with one of <see cref="RetryableStatusCodes"/> is retried after the server's
/// <c>grpc-retry-pushback-ms</c> if it sent one (a negative or malformed one means "do not retry"),
/// else after a random wait of up to the current backoff, which grows by
/// <see cref="BackoffMultiplier"/> up to <see cref="MaxBackoff"/>. The call's deadline and
/// cancellation bound all attempts together: a wait that would outlast the deadline is not begun,
/// and the last failure is thrown. Calls refused together are told the same pushback (when the
/// next token comes) and return together, so of many concurrent callers one passes per token:
/// give such callers attempts enough, or fewer calls in flight.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Attempts in all, the first included; at least 2 to retry at all. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first backoff. Default 100 ms.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest backoff. Default 5 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How much the backoff grows after each retry. Default 2.</summary>
    public double BackoffMultiplier { get; init; } = 2;

    /// <summary>
    /// The statuses worth another attempt. Default RESOURCE_EXHAUSTED (a rate limit, whose refusal says
    /// when to come back) and UNAVAILABLE (a server starting or stopping).
    /// </summary>
    public IReadOnlySet<StatusCode> RetryableStatusCodes { get; init; } = new HashSet<StatusCode> { StatusCode.ResourceExhausted, StatusCode.Unavailable };

    /// <summary>
    /// How long to wait before attempt <paramref name="attempt"/> + 1 after <paramref name="failure"/>,
    /// or null not to retry. <paramref name="backoff"/> is the current backoff, grown for the next time.
    /// </summary>
    internal TimeSpan? NextWait(RpcException failure, int attempt, ref TimeSpan backoff, Random random)
    {
        if (attempt >= MaxAttempts || !RetryableStatusCodes.Contains(failure.StatusCode))
        {
            return null;
        }

        if (failure.Trailers.GetValue(GrpcProtocol.RetryPushbackTrailer) is { } pushback)
        {
            // The server's word wins; anything but a non-negative integer means "do not retry".
            return long.TryParse(pushback, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long milliseconds)
                ? TimeSpan.FromMilliseconds(milliseconds)
                : null;
        }

        TimeSpan wait = backoff * random.NextDouble();
        backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, (long)(backoff.Ticks * BackoffMultiplier)));
        return wait;
    }
}
