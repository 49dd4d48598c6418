namespace ScoringGrid.Prometheus.Internal;

// The one place that words registration and usage errors, so messages stay consistent and
// always name the offending metric or label.
internal static class ExceptionFactory
{
    public static ArgumentException InvalidMetricName(string name, string paramName) =>
        new($"Invalid metric name '{name}': must match [a-zA-Z_:][a-zA-Z0-9_:]*.", paramName);

    public static ArgumentException InvalidLabelName(string metric, string label, string paramName) =>
        new($"Invalid label name '{label}' on metric '{metric}': must match [a-zA-Z_][a-zA-Z0-9_]*.", paramName);

    public static ArgumentException ReservedLabelName(string metric, string label, string paramName) =>
        new($"Label name '{label}' on metric '{metric}' is reserved: names starting with '__' belong to Prometheus.", paramName);

    public static ArgumentException DuplicateLabelName(string metric, string label, string paramName) =>
        new($"Label name '{label}' appears more than once on metric '{metric}'.", paramName);

    public static ArgumentException HistogramLabelLe(string metric, string paramName) =>
        new($"Label name 'le' on histogram '{metric}' is reserved for bucket bounds.", paramName);

    public static ArgumentException EmptyHelp(string metric, string paramName) =>
        new($"Help text for metric '{metric}' must not be empty (promtool lints missing help).", paramName);

    public static ArgumentException NameConflict(string metric, string existing, string paramName) =>
        new($"Metric '{metric}' conflicts with already registered metric '{existing}' (same name or generated series name).", paramName);

    public static ArgumentException Redefinition(string metric, string paramName) =>
        new($"Metric '{metric}' is already registered with a different type, label names or buckets.", paramName);

    public static ArgumentException InvalidBuckets(string metric, string reason, string paramName) =>
        new($"Invalid buckets for histogram '{metric}': {reason}.", paramName);

    public static ArgumentException LabelCountMismatch(string metric, int expected, int actual, string paramName) =>
        new($"Metric '{metric}' expects {expected} label value(s), got {actual}.", paramName);

    public static ArgumentNullException NullLabelValue(string metric, string label, string paramName) =>
        new(paramName, $"Label value for '{label}' on metric '{metric}' must not be null.");

    public static InvalidOperationException LabelsRequired(string metric, int count) =>
        new($"Metric '{metric}' has {count} label name(s); call WithLabels(...) and use the returned child.");

    public static ArgumentOutOfRangeException NegativeIncrement(string paramName, double amount) =>
        new(paramName, amount, "A counter only goes up: the increment must be a finite, non-negative number.");

    public static ArgumentException InvalidBucketParameters(string reason, string paramName) =>
        new($"Invalid bucket parameters: {reason}.", paramName);
}
