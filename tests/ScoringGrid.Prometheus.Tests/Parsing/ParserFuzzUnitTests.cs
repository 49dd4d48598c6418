using System.Text;
using ScoringGrid.Prometheus.Internal.Parsing;

namespace ScoringGrid.Prometheus.Tests.Parsing;

/// Bounded, seeded fuzzing: the parser must turn any input into a result, never an exception.
/// It calls the internal parser directly so the public safety net can not hide a crash.
public class ParserFuzzUnitTests
{
    private const int Seed = 20240611;

    // Bytes that matter to the grammar, so mutations reach deep states instead of failing early.
    private static readonly byte[] Interesting = "{}\"\\=,# \t\n\r+-.eE0123456789InfNaN_:le"u8.ToArray();

    private static readonly string[] Tokens =
    [
        "# TYPE ", "# HELP ", "# UNIT ", "# EOF\n", "counter", "histogram", "summary", "gauge", "_bucket", "_total",
        "_count", "_sum", "{le=\"", "\"}", "quantile", "\\", "\\n", "\\\"", "+Inf", "-Inf", "NaN", " 1e308", "\n\n", "\xFF",
    ];

    private static readonly byte[][] Seeds =
    [
        Encoding.UTF8.GetBytes(ParserTestBodies.TextExample),
        Encoding.UTF8.GetBytes(ParserTestBodies.OpenMetricsExample),
        "# TYPE m gauge\nm{a=\"x\\\\y\\n\\\"\"} -1.5e3 1700000000000\n"u8.ToArray(),
    ];

    [Fact]
    public void RandomBytes_NeverThrow()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 4000; i++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            if (i % 2 == 0)
            {
                // Keep half of them mostly ASCII so they get past the UTF-8 check.
                for (var j = 0; j < body.Length; j++)
                {
                    body[j] = Interesting[body[j] % Interesting.Length];
                }
            }

            AssertWellBehaved(body, i);
        }
    }

    [Fact]
    public void MutatedValidBodies_NeverThrow()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < 8000; i++)
        {
            var body = new List<byte>(Seeds[i % Seeds.Length]);
            var mutations = random.Next(1, 6);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(body, random);
            }

            AssertWellBehaved(body.ToArray(), i);
        }
    }

    private static void Mutate(List<byte> body, Random random)
    {
        var at = body.Count == 0 ? 0 : random.Next(body.Count);
        switch (random.Next(6))
        {
            case 0 when body.Count > 0:
                body[at] = (byte)random.Next(256);
                break;
            case 1 when body.Count > 0:
                body[at] = Interesting[random.Next(Interesting.Length)];
                break;
            case 2:
                body.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                break;
            case 3 when body.Count > 0:
                body.RemoveRange(at, Math.Min(random.Next(1, 20), body.Count - at));
                break;
            case 4 when body.Count > 0:
                body.RemoveRange(at, body.Count - at);
                break;
            default:
                var length = Math.Min(random.Next(1, 80), body.Count - at);
                body.InsertRange(random.Next(body.Count + 1), body.GetRange(at, length));
                break;
        }
    }

    private static void AssertWellBehaved(byte[] body, int iteration)
    {
        foreach (var format in (ExpositionFormat[])[ExpositionFormat.PrometheusText, ExpositionFormat.OpenMetrics])
        {
            var options = iteration % 3 == 0
                ? new ParserOptions { MaxSamples = 5, MaxLabelsPerSample = 2, MaxLineLength = 40 }
                : ParserOptions.Default;

            ParseResult result;
            try
            {
                result = TextBodyParser.Parse(body, format, options);
            }
            catch (Exception ex)
            {
                Assert.Fail($"iteration {iteration} ({format}) threw {ex}\nbody (base64): {Convert.ToBase64String(body)}");
                return;
            }

            if (result.Succeeded)
            {
                Assert.True(result.Samples.Count <= options.MaxSamples);
                Assert.All(result.Samples, s => Assert.True(s.Labels.Length <= options.MaxLabelsPerSample));
            }
            else
            {
                Assert.True(result.Error.Line >= 1 && result.Error.Column >= 1, result.Error.Message);
                Assert.False(string.IsNullOrWhiteSpace(result.Error.Reason));
                Assert.Empty(result.Samples);
            }
        }
    }
}
