using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using ScoringGrid.Prometheus.Internal;
using ScoringGrid.Prometheus.Internal.Exposition;

namespace ScoringGrid.Prometheus;

/// <summary>
/// A histogram family writing cumulative <c>_bucket{le=…}</c> series (ending in <c>+Inf</c>),
/// <c>_sum</c> and <c>_count</c>. With label names, obtain a <see cref="HistogramChild"/> per
/// label-value tuple once and keep it.
/// </summary>
public sealed class Histogram : Metric<HistogramChild>
{
    private readonly double[] _upperBounds;
    private readonly byte[][] _leSuffixes;
    private readonly byte[] _bucketName;
    private readonly byte[] _sumName;
    private readonly byte[] _countName;

    internal Histogram(string name, string help, string[] labelNames, double[] upperBounds)
        : base(name, help, MetricType.Histogram, labelNames, values => CreateChild(labelNames, upperBounds, values))
    {
        _upperBounds = upperBounds;
        UpperBounds = Array.AsReadOnly(upperBounds);
        _bucketName = Encoding.UTF8.GetBytes(name + "_bucket");
        _sumName = Encoding.UTF8.GetBytes(name + "_sum");
        _countName = Encoding.UTF8.GetBytes(name + "_count");
        _leSuffixes = new byte[upperBounds.Length + 1][];
        for (var i = 0; i < upperBounds.Length; i++)
        {
            _leSuffixes[i] = Encoding.UTF8.GetBytes($"le=\"{upperBounds[i].ToString("R", CultureInfo.InvariantCulture)}\"}} ");
        }

        _leSuffixes[upperBounds.Length] = "le=\"+Inf\"} "u8.ToArray();
    }

    /// <summary>The finite bucket upper bounds, ascending; <c>+Inf</c> is implied.</summary>
    public ReadOnlyCollection<double> UpperBounds { get; }

    /// <summary>The observation count of the unlabelled histogram.</summary>
    /// <exception cref="InvalidOperationException">The histogram has label names.</exception>
    public long Count => Unlabelled.Count;

    /// <summary>The observation sum of the unlabelled histogram.</summary>
    /// <exception cref="InvalidOperationException">The histogram has label names.</exception>
    public double Sum => Unlabelled.Sum;

    internal override IEnumerable<string> SeriesNames => [Name + "_bucket", Name + "_sum", Name + "_count"];

    /// <summary>Records one observation in the unlabelled histogram.</summary>
    /// <param name="value">The observed value.</param>
    /// <exception cref="InvalidOperationException">The histogram has label names.</exception>
    public void Observe(double value) => Unlabelled.Observe(value);

    internal override bool HasSameDefinition(Metric other) =>
        base.HasSameDefinition(other) && ((Histogram)other)._upperBounds.AsSpan().SequenceEqual(_upperBounds);

    private static HistogramChild CreateChild(string[] labelNames, double[] upperBounds, string[] labelValues) => new(
        labelValues,
        upperBounds,
        TextEscaper.EncodeLabelSet(labelNames, labelValues, openForMore: false),
        TextEscaper.EncodeLabelSet(labelNames, labelValues, openForMore: true));

    private protected override void WriteChild(ref ExpositionWriter writer, HistogramChild child)
    {
        // Buckets are read one by one while observations continue, so the total written as
        // _count is the running sum of what was read: _count always equals the +Inf bucket.
        long cumulative = 0;
        for (var i = 0; i < _leSuffixes.Length; i++)
        {
            cumulative += child.ReadBucket(i);
            writer.Write(_bucketName);
            writer.Write(child.BucketLabelPrefix);
            writer.Write(_leSuffixes[i]);
            writer.WriteInt64(cumulative);
            writer.WriteByte((byte)'\n');
        }

        writer.Write(_sumName);
        writer.Write(child.EncodedLabels);
        writer.WriteByte((byte)' ');
        writer.WriteDouble(child.Sum);
        writer.WriteByte((byte)'\n');

        writer.Write(_countName);
        writer.Write(child.EncodedLabels);
        writer.WriteByte((byte)' ');
        writer.WriteInt64(cumulative);
        writer.WriteByte((byte)'\n');
    }
}
