using static ScoringGrid.Prometheus.Tests.Parsing.ExpositionParserUnitTests;

namespace ScoringGrid.Prometheus.Tests.Parsing;

public class ExpositionParserErrorUnitTests
{
    internal static ParseError AssertFails(string body, int line, string reasonPart, ExpositionFormat format = ExpositionFormat.PrometheusText, ParserOptions? options = null)
    {
        var result = Parse(body, format, options);

        Assert.False(result.Succeeded, $"expected a failure containing '{reasonPart}'");
        Assert.Contains(reasonPart, result.Error.Reason, StringComparison.Ordinal);
        Assert.Equal(line, result.Error.Line);
        Assert.StartsWith($"line {line}, column {result.Error.Column}: ", result.Error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Samples);
        Assert.Empty(result.Families);
        return result.Error;
    }

    [Fact]
    public void InvalidLabelValueEscape_ReportsLineAndColumn()
    {
        var error = AssertFails("ok 1\nm{a=\"x\\ty\"} 1\n", 2, "invalid label value escape '\\t'");

        Assert.Equal(7, error.Column);
    }

    [Fact]
    public void TypeAfterSamples_Fails()
    {
        AssertFails("# HELP c C.\nc 1\n# TYPE c counter\n", 3, "TYPE for c after samples of it");
    }

    [Fact]
    public void TypeForHistogramAfterItsBucketSamples_Fails()
    {
        AssertFails("h_bucket{le=\"1\"} 1\n# TYPE h histogram\n", 2, "TYPE for histogram h after samples of it");
    }

    [Fact]
    public void DuplicateType_Fails()
    {
        AssertFails("# TYPE c counter\n# TYPE c gauge\nc 1\n", 2, "duplicate TYPE for c");
    }

    [Fact]
    public void DuplicateHelp_Fails()
    {
        AssertFails("# HELP c one\n# HELP c two\n", 2, "duplicate HELP for c");
    }

    [Fact]
    public void HelpAfterSamples_Fails()
    {
        AssertFails("c 1\n# HELP c late\n", 2, "HELP for c after samples of it");
    }

    [Theory]
    [InlineData("# TYPE c counters\n", "unknown metric type 'counters'")]
    [InlineData("# TYPE c\n", "TYPE line for c without a type")]
    [InlineData("# TYPE c counter extra\n", "unexpected text after the type")]
    [InlineData("# TYPE c unknown\n", "unknown metric type 'unknown'")]
    [InlineData("# TYPE 1c counter\n", "invalid metric name '1c' in TYPE line")]
    [InlineData("# HELP\n", "HELP line without a metric name")]
    public void MalformedMetadata_Fails(string body, string reason)
    {
        AssertFails(body, 1, reason);
    }

    [Fact]
    public void DuplicateSeries_EvenWithLabelsReordered_Fails()
    {
        AssertFails("m{a=\"1\",b=\"2\"} 1\nm{b=\"2\",a=\"1\"} 2\n", 2, "duplicate series m{b=\"2\",a=\"1\"}");
        AssertFails("m 1\nm 2\n", 2, "duplicate series m");
    }

    [Theory]
    [InlineData("m{1a=\"x\"} 1\n", "invalid label name '1a'")]
    [InlineData("m{a-b=\"x\"} 1\n", "invalid label name 'a-b'")]
    [InlineData("m{a.b=\"x\"} 1\n", "invalid label name 'a.b'")]
    [InlineData("m{a=\"x\",a=\"y\"} 1\n", "duplicate label name 'a'")]
    [InlineData("m{a=x} 1\n", "expected '\"' to open a label value")]
    [InlineData("m{a \"x\"} 1\n", "expected '=' after label name")]
    [InlineData("m{a=\"x\" b=\"y\"} 1\n", "expected ',' or '}' after a label value")]
    [InlineData("m{,} 1\n", "expected a label name, found ','")]
    public void InvalidLabelSets_Fail(string body, string reason)
    {
        AssertFails(body, 1, reason);
    }

    [Theory]
    [InlineData("1m 1\n", "invalid metric name")]
    [InlineData("m-x 1\n", "invalid metric name 'm-x'")]
    [InlineData("m\n", "unexpected end of line before the sample value")]
    [InlineData("m 1 2 3\n", "unexpected '3' after the sample")]
    [InlineData("m 1 1.5\n", "invalid timestamp '1.5' (expected integer milliseconds)")]
    [InlineData("m 1 # {a=\"b\"} 1\n", "unexpected '# {a=\"b\"} 1' after the sample")]
    [InlineData("m 1\r\n", "carriage return at end of line")]
    public void InvalidSampleLines_Fail(string body, string reason)
    {
        AssertFails(body, 1, reason);
    }

    [Theory]
    [InlineData("m{a=\"b", "unexpected end of input inside label value (the body may be truncated)")]
    [InlineData("m{a=\"b\",", "unexpected end of input inside label set (the body may be truncated)")]
    [InlineData("m{a=\"b\\", "unexpected end of input inside label value")]
    [InlineData("m{a", "unexpected end of input inside label set")]
    [InlineData("m 12", "missing line feed at end of input (the body may be truncated)")]
    public void TruncatedBodies_Fail(string lastLine, string reason)
    {
        AssertFails("# TYPE m gauge\n" + lastLine, 2, reason);
    }

    [Fact]
    public void UnterminatedLabelSetInsideBody_SaysEndOfLine()
    {
        AssertFails("m{a=\"b\"\nn 1\n", 1, "unexpected end of line inside label set");
    }

    [Fact]
    public void EveryTruncationOfAValidBody_FailsOrEndsOnALineBoundary()
    {
        var bytes = ParserTestBodies.Utf8(ParserTestBodies.TextExample);
        var parser = new ExpositionParser();
        for (var length = 1; length < bytes.Length; length++)
        {
            var result = parser.Parse(bytes.AsSpan(0, length));
            var endsOnBoundary = bytes[length - 1] == (byte)'\n';
            Assert.True(result.Succeeded == endsOnBoundary, $"prefix of {length} bytes: {result.Error?.Message ?? "succeeded"}");
        }
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>\n")]
    [InlineData("{\"status\":\"ok\"}\n")]
    [InlineData("\0\0\0\0")]
    [InlineData("metric value\n")]
    [InlineData("=\n")]
    public void Garbage_Fails(string body)
    {
        var result = Parse(body);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Error.Line);
    }

    [Fact]
    public void InvalidUtf8_FailsWithPosition()
    {
        var body = "ok 1\nm{a=\"X\"} 1\n"u8.ToArray();
        body[10] = 0xFF;

        var result = new ExpositionParser().Parse(body);

        Assert.False(result.Succeeded);
        Assert.Equal("invalid UTF-8", result.Error.Reason);
        Assert.Equal(2, result.Error.Line);
        Assert.Equal(6, result.Error.Column);
    }

    [Fact]
    public void HistogramBucketWithoutLe_Fails()
    {
        AssertFails("# TYPE h histogram\nh_bucket{x=\"1\"} 1\n", 2, "h_bucket has no le label");
        AssertFails("# TYPE h histogram\nh_bucket{le=\"big\"} 1\n", 2, "invalid le value 'big'");
        AssertFails("# TYPE s summary\ns 1\n", 2, "s has no quantile label");
    }

    [Fact]
    public void HistogramSampleWithoutSuffix_Fails()
    {
        AssertFails("# TYPE h histogram\nh 1\n", 2, "sample h does not fit histogram h");
    }

    [Fact]
    public void ContentAfterEof_Fails()
    {
        AssertFails("a 1\n# EOF\nb 2\n", 3, "unexpected content after # EOF");
    }
}
