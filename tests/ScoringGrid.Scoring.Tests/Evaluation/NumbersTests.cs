using System.Globalization;
using ScoringGrid.Scoring.Internal.Evaluation;

namespace ScoringGrid.Scoring.Tests.Evaluation;

/// <summary>Numbers in explanations: as a string and written in place as UTF-8, the same text.</summary>
public sealed class NumbersTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(-0.0, "0")]
    [InlineData(7, "7")]
    [InlineData(999, "999")]
    [InlineData(1240, "1,240")]
    [InlineData(-5, "-5")]
    [InlineData(79.5, "79.5")]
    [InlineData(3.14159, "3.14")]
    [InlineData(0.001, "0")]
    [InlineData(-0.001, "0")]
    [InlineData(2.999, "3")]
    [InlineData(1e15, "1,000,000,000,000,000")]
    [InlineData(12345678.25, "12,345,678.25")]
    [InlineData(double.NaN, "not declared")]
    public void Format_ShowsThousandsAndAtMostTwoDecimals(double value, string expected)
    {
        Assert.Equal(expected, Numbers.Format(value));
        Assert.Equal(expected, InPlace(value));
    }

    [Fact]
    public void InPlace_EqualsFormat_AcrossMagnitudes()
    {
        var random = new Random(1203);
        for (var i = 0; i < 20_000; i++)
        {
            var value = random.Next(6) switch
            {
                0 => random.Next(-2000, 2000),
                1 => Math.Round(random.NextDouble() * 100_000, random.Next(4)),
                2 => random.NextDouble() * Math.Pow(10, random.Next(-3, 30)),
                3 => -random.NextDouble() * Math.Pow(10, random.Next(0, 20)),
                4 => Math.Floor(random.NextDouble() * Math.Pow(10, random.Next(10, 300))),
                _ => BitConverter.Int64BitsToDouble(random.NextInt64()),
            };
            if (double.IsInfinity(value))
            {
                continue;
            }

            Assert.Equal(Reference(value), Numbers.Format(value));
            Assert.Equal(Reference(value), InPlace(value));
        }
    }

    // After other text, as explanations write numbers.
    private static string InPlace(double value) => new Utf8TextBuilder(16).Append("x"u8).AppendNumber(value).ToString(1);

    // The formatting explanations used before numbers were formatted in place, without its slip of
    // leaving a bare point ("0.", for 0.001) or "-0".
    private static string Reference(double value)
    {
        if (double.IsNaN(value))
        {
            return "not declared";
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return ((long)value).ToString("N0", CultureInfo.InvariantCulture);
        }

        Span<char> buffer = stackalloc char[40];
        if (!value.TryFormat(buffer, out var written, "N2", CultureInfo.InvariantCulture))
        {
            return value.ToString("N2", CultureInfo.InvariantCulture);
        }

        var text = new string(buffer[..written]).TrimEnd('0').TrimEnd('.');
        return text == "-0" ? "0" : text;
    }
}
