namespace ScoringGrid.Collector;

/// <summary>
/// One platform's metrics endpoint and how to scrape it. Immutable; <see cref="Validate"/>
/// checks it and names the offending field, and every entry point (config file, registry)
/// validates before a target is scheduled.
/// </summary>
public sealed record ScrapeTarget
{
    /// <summary>The default scrape interval, as Prometheus' own default.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(15);

    /// <summary>The platform id the figures are declared for: <c>[a-zA-Z0-9_.-]{1,64}</c> (it becomes part of Redis keys).</summary>
    public required string PlatformId { get; init; }

    /// <summary>The absolute http(s) URL of the metrics endpoint.</summary>
    public required Uri Url { get; init; }

    /// <summary>Time between scrapes; default 15 s, at least 100 ms.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>How long one scrape may take; defaults to the interval and may not exceed it.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Accept any server certificate (test endpoints only; it is logged as such).</summary>
    public bool TlsInsecureSkipVerify { get; init; }

    /// <summary>Free-form labels describing the target (vendor, region); stored with the target, not on each series.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The timeout in force: <see cref="Timeout"/>, or the interval when unset.</summary>
    public TimeSpan EffectiveTimeout => Timeout ?? Interval;

    /// <summary>Checks every field.</summary>
    /// <exception cref="TargetConfigException">A field is invalid; <see cref="TargetConfigException.Field"/> names it.</exception>
    public void Validate()
    {
        if (!Internal.PlatformIds.IsValid(PlatformId))
        {
            throw new TargetConfigException("platform_id", $"platform_id '{PlatformId}' must match [a-zA-Z0-9_.-]{{1,64}}");
        }

        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new TargetConfigException("url", $"url of '{PlatformId}' must be an absolute http or https URL");
        }

        if (Interval < TimeSpan.FromMilliseconds(100) || Interval > TimeSpan.FromDays(1))
        {
            throw new TargetConfigException("interval", $"interval of '{PlatformId}' must be between 100ms and 1d, was {Interval}");
        }

        if (Timeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > Interval))
        {
            throw new TargetConfigException("timeout", $"timeout of '{PlatformId}' must be positive and at most the interval ({Interval}), was {timeout}");
        }

        if (BearerToken is { Length: 0 })
        {
            throw new TargetConfigException("bearer_token", $"bearer_token of '{PlatformId}' is empty; omit it instead");
        }

        foreach (var label in Labels)
        {
            if (!Internal.PlatformIds.IsValidLabelName(label.Key))
            {
                throw new TargetConfigException("labels", $"label name '{label.Key}' of '{PlatformId}' must match [a-zA-Z_][a-zA-Z0-9_]*");
            }
        }
    }
}
