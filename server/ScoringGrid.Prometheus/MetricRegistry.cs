using System.Buffers;
using ScoringGrid.Prometheus.Internal;
using ScoringGrid.Prometheus.Internal.Exposition;

namespace ScoringGrid.Prometheus;

/// <summary>
/// A set of metric families written together in the Prometheus text format 0.0.4, families
/// sorted by name and series by label values. Registration validates names and throws
/// <see cref="ArgumentException"/> naming the bad one; all members are thread-safe.
/// </summary>
public sealed partial class MetricRegistry
{
    /// <summary>The <c>Content-Type</c> of what <see cref="WriteTo(IBufferWriter{byte})"/> writes.</summary>
    public const string ContentType = PrometheusContentTypes.TextV004;

    private readonly Lock _gate = new();

    // Every name a family writes (and the family name itself) mapped to its owner, so two
    // families can never produce the same series name.
    private readonly Dictionary<string, Metric> _claimedNames = new(StringComparer.Ordinal);
    private Metric[] _sorted = [];
    private Action[] _collectCallbacks = [];

    /// <summary>All registered families, sorted by name.</summary>
    public IReadOnlyList<Metric> Metrics => Volatile.Read(ref _sorted);

    /// <summary>
    /// Registers a counter, or returns the existing one registered with the same name and label
    /// names. By convention counter names end in <c>_total</c> (promtool lints the rest).
    /// </summary>
    /// <param name="name">The metric name, <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</param>
    /// <param name="help">Non-empty help text.</param>
    /// <param name="labelNames">Label names, <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not starting with <c>__</c>.</param>
    /// <exception cref="ArgumentException">A name is invalid or conflicts with a registered family.</exception>
    public Counter CreateCounter(string name, string help, params ReadOnlySpan<string> labelNames) =>
        Register(new Counter(
            ValidateName(name, help),
            help,
            ValidateLabelNames(name, labelNames, reserved: null)));

    /// <summary>Registers a gauge, or returns the existing one registered with the same name and label names.</summary>
    /// <param name="name">The metric name, <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</param>
    /// <param name="help">Non-empty help text.</param>
    /// <param name="labelNames">Label names, <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not starting with <c>__</c>.</param>
    /// <exception cref="ArgumentException">A name is invalid or conflicts with a registered family.</exception>
    public Gauge CreateGauge(string name, string help, params ReadOnlySpan<string> labelNames) =>
        Register(new Gauge(
            ValidateName(name, help),
            help,
            ValidateLabelNames(name, labelNames, reserved: null)));

    /// <summary>
    /// Registers a histogram, or returns the existing one registered with the same name, label
    /// names and buckets. It writes <c>name_bucket</c>, <c>name_sum</c> and <c>name_count</c>.
    /// </summary>
    /// <param name="name">The metric name, <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</param>
    /// <param name="help">Non-empty help text.</param>
    /// <param name="buckets">
    /// Strictly increasing finite upper bounds, e.g. <see cref="HistogramBuckets.Default"/>; a
    /// trailing <c>+Inf</c> may be given and is otherwise added.
    /// </param>
    /// <param name="labelNames">Label names (not <c>le</c>), <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not starting with <c>__</c>.</param>
    /// <exception cref="ArgumentException">A name or the buckets are invalid, or the name conflicts.</exception>
    public Histogram CreateHistogram(string name, string help, ReadOnlySpan<double> buckets, params ReadOnlySpan<string> labelNames) =>
        Register(new Histogram(
            ValidateName(name, help),
            help,
            ValidateLabelNames(name, labelNames, reserved: "le"),
            ValidateBuckets(name, buckets)));

    private T Register<T>(T candidate)
        where T : Metric
    {
        lock (_gate)
        {
            if (_claimedNames.TryGetValue(candidate.Name, out var existing) && existing.Name == candidate.Name)
            {
                return existing is T same && existing.HasSameDefinition(candidate)
                    ? same
                    : throw ExceptionFactory.Redefinition(candidate.Name, "name");
            }

            var claims = new List<string>(candidate.SeriesNames) { candidate.Name };
            foreach (var claim in claims)
            {
                if (_claimedNames.TryGetValue(claim, out var owner))
                {
                    throw ExceptionFactory.NameConflict(candidate.Name, owner.Name, "name");
                }
            }

            foreach (var claim in claims)
            {
                _claimedNames[claim] = candidate;
            }

            var sorted = new Metric[_sorted.Length + 1];
            var index = 0;
            while (index < _sorted.Length && string.CompareOrdinal(_sorted[index].Name, candidate.Name) < 0)
            {
                sorted[index] = _sorted[index];
                index++;
            }

            sorted[index] = candidate;
            _sorted.AsSpan(index).CopyTo(sorted.AsSpan(index + 1));
            Volatile.Write(ref _sorted, sorted);
            return candidate;
        }
    }

    private static string ValidateName(string name, string help)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(help);
        if (!MetricNames.IsValidMetricName(name))
        {
            throw ExceptionFactory.InvalidMetricName(name, nameof(name));
        }

        return help.Length == 0 ? throw ExceptionFactory.EmptyHelp(name, nameof(help)) : name;
    }

    private static string[] ValidateLabelNames(string metric, ReadOnlySpan<string> labelNames, string? reserved)
    {
        for (var i = 0; i < labelNames.Length; i++)
        {
            var label = labelNames[i] ?? throw new ArgumentNullException(nameof(labelNames), $"A label name of metric '{metric}' is null.");
            if (!MetricNames.IsValidLabelName(label))
            {
                throw ExceptionFactory.InvalidLabelName(metric, label, nameof(labelNames));
            }

            if (MetricNames.IsReservedLabelName(label))
            {
                throw ExceptionFactory.ReservedLabelName(metric, label, nameof(labelNames));
            }

            if (label == reserved)
            {
                throw ExceptionFactory.HistogramLabelLe(metric, nameof(labelNames));
            }

            if (labelNames[..i].Contains(label))
            {
                throw ExceptionFactory.DuplicateLabelName(metric, label, nameof(labelNames));
            }
        }

        return labelNames.ToArray();
    }

    private static double[] ValidateBuckets(string metric, ReadOnlySpan<double> buckets)
    {
        if (buckets.Length > 0 && double.IsPositiveInfinity(buckets[^1]))
        {
            buckets = buckets[..^1];
        }

        for (var i = 0; i < buckets.Length; i++)
        {
            if (!double.IsFinite(buckets[i]))
            {
                throw ExceptionFactory.InvalidBuckets(metric, $"bound {i} is {buckets[i]}; bounds must be finite (+Inf is implied)", "buckets");
            }

            if (i > 0 && !(buckets[i] > buckets[i - 1]))
            {
                throw ExceptionFactory.InvalidBuckets(metric, $"bounds must increase strictly, but bound {i} ({buckets[i]}) follows {buckets[i - 1]}", "buckets");
            }
        }

        return buckets.ToArray();
    }
}
