namespace ScoringGrid.Prometheus.Internal;

// Name rules shared by the registry (which throws) and the parser (which reports), so both
// sides agree on what Prometheus accepts: metric names `[a-zA-Z_:][a-zA-Z0-9_:]*`, label
// names `[a-zA-Z_][a-zA-Z0-9_]*`.
internal static class MetricNames
{
    public static bool IsMetricNameStart(int c) => IsLetter(c) || c == '_' || c == ':';

    public static bool IsMetricNameChar(int c) => IsMetricNameStart(c) || IsDigit(c);

    public static bool IsLabelNameStart(int c) => IsLetter(c) || c == '_';

    public static bool IsLabelNameChar(int c) => IsLabelNameStart(c) || IsDigit(c);

    public static bool IsValidMetricName(string name)
    {
        if (name.Length == 0 || !IsMetricNameStart(name[0]))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!IsMetricNameChar(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidLabelName(string name)
    {
        if (name.Length == 0 || !IsLabelNameStart(name[0]))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!IsLabelNameChar(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Names starting with `__` are reserved for Prometheus' own use (`__name__`, relabelling).
    public static bool IsReservedLabelName(string name) => name.StartsWith("__", StringComparison.Ordinal);

    private static bool IsLetter(int c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsDigit(int c) => (uint)(c - '0') <= 9;
}
