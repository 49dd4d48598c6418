namespace ScoringGrid.Prometheus.Internal.Parsing;

// Maps sample names to families: `x_bucket`, `x_sum`, `x_count` belong to histogram `x`,
// `x_total` to OpenMetrics counter `x`, and so on, but only when `x` was declared with a type
// that has that suffix. Anything else is its own untyped family, as in Prometheus.
internal static class FamilyResolver
{
    // Longest first, so `_gcount` is not mistaken for `_count`.
    private static readonly string[] Suffixes = ["_created", "_bucket", "_gcount", "_count", "_total", "_gsum", "_info", "_sum"];

    public static bool Allows(MetricType type, string suffix) => type switch
    {
        MetricType.Counter => suffix is "" or "_total" or "_created",
        MetricType.Histogram => suffix is "_bucket" or "_sum" or "_count" or "_created",
        MetricType.GaugeHistogram => suffix is "_bucket" or "_gsum" or "_gcount",
        MetricType.Summary => suffix is "" or "_sum" or "_count" or "_created",
        MetricType.Info => suffix is "_info",
        _ => suffix.Length == 0,
    };

    // The suffixes other families' samples of a `# TYPE name type` family would carry.
    public static IEnumerable<string> SuffixesOf(MetricType type)
    {
        foreach (var suffix in Suffixes)
        {
            if (Allows(type, suffix))
            {
                yield return suffix;
            }
        }
    }

    // Finds or creates the family of a sample; null after recording an error.
    public static MetricFamily? Resolve(ParseState state, string name, int position)
    {
        if (ReferenceEquals(name, state.LastSampleName))
        {
            return state.LastSampleFamily;
        }

        var family = Find(state, name, position);
        if (family is not null)
        {
            state.LastSampleName = name;
            state.LastSampleFamily = family;
        }

        return family;
    }

    private static MetricFamily? Find(ParseState state, string name, int position)
    {
        state.FamiliesByName.TryGetValue(name, out var exact);
        if (exact is { TypeDeclared: true } && Allows(exact.Type, string.Empty))
        {
            return exact;
        }

        foreach (var suffix in Suffixes)
        {
            if (name.Length > suffix.Length
                && name.EndsWith(suffix, StringComparison.Ordinal)
                && state.FamilyBySpan.TryGetValue(name.AsSpan(0, name.Length - suffix.Length), out var parent)
                && parent.TypeDeclared
                && Allows(parent.Type, suffix))
            {
                return parent;
            }
        }

        if (exact is null)
        {
            return state.AddFamily(name);
        }

        if (!exact.TypeDeclared)
        {
            return exact;
        }

        state.Fail(position, $"sample {name} does not fit {MetricTypeKeywords.ToKeyword(exact.Type)} {name}: its samples need a suffix such as {string.Join(", ", SuffixesOf(exact.Type))}");
        return null;
    }
}
