using System.Collections.ObjectModel;
using System.Text;
using ScoringGrid.Prometheus.Internal;
using ScoringGrid.Prometheus.Internal.Exposition;

namespace ScoringGrid.Prometheus;

/// <summary>
/// A metric family registered in a <see cref="MetricRegistry"/>: a name, help text, type and
/// label names. Obtain instances from the registry's <c>Create…</c> methods.
/// </summary>
public abstract class Metric
{
    private readonly string[] _labelNames;

    // Internal constructor: only this assembly's counters, gauges and histograms can exist.
    private protected Metric(string name, string help, MetricType type, string[] labelNames)
    {
        Name = name;
        Help = help;
        Type = type;
        _labelNames = labelNames;
        LabelNames = Array.AsReadOnly(labelNames);
        NameBytes = Encoding.UTF8.GetBytes(name);
        Header = Encoding.UTF8.GetBytes(
            $"# HELP {name} {TextEscaper.EscapeHelp(help)}\n# TYPE {name} {MetricTypeKeywords.ToKeyword(type)}\n");
    }

    /// <summary>The metric family name, as it appears on <c># HELP</c> and <c># TYPE</c> lines.</summary>
    public string Name { get; }

    /// <summary>The help text (unescaped).</summary>
    public string Help { get; }

    /// <summary>The family's type.</summary>
    public MetricType Type { get; }

    /// <summary>The label names, in the order <c>WithLabels</c> expects their values.</summary>
    public ReadOnlyCollection<string> LabelNames { get; }

    internal string[] LabelNameArray => _labelNames;

    // UTF-8 name, written at the start of every sample line.
    internal byte[] NameBytes { get; }

    // Pre-encoded `# HELP` and `# TYPE` lines.
    internal byte[] Header { get; }

    // The sample names this family writes; two families may not share any.
    internal virtual IEnumerable<string> SeriesNames => [Name];

    // False while a labelled family has no children: such a family is left out of a scrape,
    // as Prometheus' own clients do.
    internal abstract bool HasSamples { get; }

    internal abstract void WriteSamples(ref ExpositionWriter writer);

    internal virtual bool HasSameDefinition(Metric other) =>
        other.GetType() == GetType() && other._labelNames.AsSpan().SequenceEqual(_labelNames);
}
