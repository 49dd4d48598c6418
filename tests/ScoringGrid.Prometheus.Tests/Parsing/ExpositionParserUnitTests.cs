using System.Buffers;

namespace ScoringGrid.Prometheus.Tests.Parsing;

public class ExpositionParserUnitTests
{
    internal static ParseResult Parse(string body, ExpositionFormat format = ExpositionFormat.PrometheusText, ParserOptions? options = null) =>
        new ExpositionParser(options).Parse(ParserTestBodies.Utf8(body), format);

    internal static ParseResult AssertParses(string body, ExpositionFormat format = ExpositionFormat.PrometheusText)
    {
        var result = Parse(body, format);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result;
    }

    [Fact]
    public void DocumentationExample_ParsesFamiliesAndSamples()
    {
        var result = AssertParses(ParserTestBodies.TextExample);

        Assert.Equal(
            ["api_http_requests_total", "file_access_time_seconds", "bare_metric", "odd_metric", "request_duration_seconds", "rpc_latency_seconds"],
            result.Families.Select(f => f.Name));
        Assert.Equal(
            [MetricType.Counter, MetricType.Untyped, MetricType.Untyped, MetricType.Untyped, MetricType.Histogram, MetricType.Summary],
            result.Families.Select(f => f.Type));
        Assert.Equal(2 + 1 + 1 + 1 + 8 + 7, result.Samples.Count);
        Assert.Equal("Total HTTP requests served.", result.Families[0].Help);

        var first = result.Samples[0];
        Assert.Equal("api_http_requests_total", first.Name);
        Assert.Equal([new Label("method", "post"), new Label("code", "200")], first.Labels.ToArray());
        Assert.Equal(1027, first.Value);
        Assert.Equal(1395066363000, first.TimestampMs);
        Assert.Equal(3, result.Samples[1].Value);
    }

    [Fact]
    public void DocumentationExample_EscapesTimestampsAndInfinity()
    {
        var result = AssertParses(ParserTestBodies.TextExample);

        var file = result.Samples.Single(s => s.Name == "file_access_time_seconds");
        Assert.True(file.TryGetLabel("path", out var path));
        Assert.Equal(@"C:\DIR\FILE.TXT", path);
        Assert.True(file.TryGetLabel("error", out var error));
        Assert.Equal("Cannot find file:\n\"FILE.TXT\"", error);
        Assert.Equal(1.458255915e9, file.Value);
        Assert.Null(file.TimestampMs);

        var odd = result.Samples.Single(s => s.Name == "odd_metric");
        Assert.Equal(double.PositiveInfinity, odd.Value);
        Assert.Equal(-3982045, odd.TimestampMs);
    }

    [Fact]
    public void HistogramAndSummarySamples_MapToTheirFamilies()
    {
        var result = AssertParses(ParserTestBodies.TextExample);

        var histogram = result.Families.Single(f => f.Name == "request_duration_seconds");
        var histogramSamples = result.Samples.Where(s => ReferenceEquals(s.Family, histogram)).ToList();
        Assert.Equal(8, histogram.SampleCount);
        Assert.Equal(8, histogramSamples.Count);
        Assert.Equal(6, histogramSamples.Count(s => s.Name == "request_duration_seconds_bucket"));
        Assert.True(histogramSamples[5].TryGetLabel("le", out var le));
        Assert.Equal("+Inf", le);
        Assert.Equal(144320, histogramSamples.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Value);

        var summary = result.Families.Single(f => f.Name == "rpc_latency_seconds");
        Assert.Equal(7, summary.SampleCount);
        Assert.Equal(1.7560473e+07, result.Samples.Single(s => s.Name == "rpc_latency_seconds_sum").Value);
    }

    [Fact]
    public void CommentsBlankLinesAndWhitespace_AreTolerated()
    {
        var result = AssertParses(
            "# just a comment\n#no space comment\n#\n\n   \n\t# indented comment\n" +
            "  spaced { a = \"1\" , b=\"2\" , }\t7  \t\n" +
            "# HELP other Help for a family that has no samples yet.\n" +
            "other{} 1\n" +
            "trailing{a=\"x\",} 2 123\n");

        Assert.Equal(3, result.Samples.Count);
        Assert.Equal([new Label("a", "1"), new Label("b", "2")], result.Samples[0].Labels.ToArray());
        Assert.Equal(7, result.Samples[0].Value);
        Assert.Equal(123, result.Samples[2].TimestampMs);
    }

    [Fact]
    public void MetricNameWithColons_Accepted()
    {
        var result = AssertParses("# TYPE job:request_rate:5m gauge\njob:request_rate:5m{job=\"api\"} 12\n");

        Assert.Equal(MetricType.Gauge, result.Samples[0].Family.Type);
    }

    [Fact]
    public void EmptyBody_SucceedsWithNothing()
    {
        var result = AssertParses(string.Empty);

        Assert.Empty(result.Samples);
    }

    [Fact]
    public void TextEof_IsHonoured()
    {
        var result = AssertParses("a 1\n# EOF\n");

        Assert.Single(result.Samples);
        Assert.True(AssertParses("a 1\n# EOF").Succeeded);
    }

    [Fact]
    public void MissingFinalLineFeed_FailsByDefault_AcceptedWhenAllowed()
    {
        var strict = Parse("a 1\nb 2");
        var lenient = Parse("a 1\nb 2", options: new ParserOptions { RequireFinalLineFeed = false });

        Assert.False(strict.Succeeded);
        Assert.Equal(2, strict.Error.Line);
        Assert.Contains("missing line feed at end of input", strict.Error.Reason, StringComparison.Ordinal);
        Assert.True(lenient.Succeeded);
        Assert.Equal(2, lenient.Samples[1].Value);
        Assert.True(Parse("a 1\n  ").Succeeded);
    }

    [Fact]
    public void GaugeWithTimestampZeroAndNegativeValues()
    {
        var result = AssertParses("# TYPE t gauge\nt -12.5 0\n");

        Assert.Equal(-12.5, result.Samples[0].Value);
        Assert.Equal(0, result.Samples[0].TimestampMs);
    }

    [Fact]
    public void MultiSegmentSequence_SameResultAsSpan()
    {
        var bytes = ParserTestBodies.Utf8(ParserTestBodies.TextExample);
        var sequence = Segments.Split(bytes, 7);

        var fromSequence = new ExpositionParser().Parse(sequence);
        var fromSpan = new ExpositionParser().Parse(bytes);

        Assert.True(fromSequence.Succeeded);
        Assert.Equal(fromSpan.Samples.Select(s => s.ToString()), fromSequence.Samples.Select(s => s.ToString()));
    }

    [Fact]
    public void RepeatedNamesAndLabelValues_AreInterned()
    {
        var result = AssertParses("a{k=\"v\"} 1\na{k=\"w\"} 2\nb{k=\"v\"} 3\n");

        Assert.Same(result.Samples[0].Name, result.Samples[1].Name);
        Assert.Same(result.Samples[0].Labels.Span[0].Name, result.Samples[2].Labels.Span[0].Name);
        Assert.Same(result.Samples[0].Labels.Span[0].Value, result.Samples[2].Labels.Span[0].Value);
    }

    [Theory]
    [InlineData(null, ExpositionFormat.PrometheusText)]
    [InlineData("text/plain; version=0.0.4; charset=utf-8", ExpositionFormat.PrometheusText)]
    [InlineData("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionFormat.OpenMetrics)]
    [InlineData("Application/OpenMetrics-Text", ExpositionFormat.OpenMetrics)]
    [InlineData("application/json", ExpositionFormat.PrometheusText)]
    public void Detect_MapsContentTypes(string? contentType, ExpositionFormat expected)
    {
        Assert.Equal(expected, PrometheusContentTypes.Detect(contentType));
    }

    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Split(byte[] bytes, int size)
        {
            var first = new Segments(bytes.AsMemory(0, size), 0);
            var last = first;
            for (var offset = size; offset < bytes.Length; offset += size)
            {
                var next = new Segments(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), offset);
                last.Next = next;
                last = next;
            }

            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
