using Google.Protobuf;
using ScoringGrid.Server.Scoring.Wire;

namespace ScoringGrid.Server.Tests.Scoring.Wire;

/// <summary>
/// The primitives against Google.Protobuf's own, for values validation keeps out of results
/// (NaN and infinities: figures and expert scores must be finite) as well as the ones it lets in.
/// </summary>
public sealed class ProtoSpanWriterUnitTests
{
    // As bit patterns: xunit would take the NaNs for one case.
    public static TheoryData<long> Doubles => new(
        new[]
        {
            0.0, -0.0, 1.5, -2.25, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
            double.Epsilon, double.MaxValue, double.MinValue,
        }.Select(BitConverter.DoubleToInt64Bits).Concat([0x7FF0_0000_0000_0001, 0x7FF8_0000_0000_0000]));

    [Theory]
    [MemberData(nameof(Doubles))]
    public void Doubles_AsGoogleProtobufWritesThem(long bits)
    {
        var value = BitConverter.Int64BitsToDouble(bits);
        // Required is a plain double (left out when == 0D), Observed an optional one (written when set).
        var reference = new V1.Criterion { Required = value, Observed = value }.ToByteArray();

        var size = WireSize.ImplicitDouble(WireTags.CriterionRequired, value) + WireSize.OptionalDouble(WireTags.CriterionObserved, value);
        var bytes = new byte[size];
        var writer = new ProtoSpanWriter(bytes);
        writer.WriteDouble(WireTags.CriterionObserved, value);
        if (value != 0D)
        {
            writer.WriteDouble(WireTags.CriterionRequired, value);
        }

        Assert.Equal(reference, bytes);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(127u)]
    [InlineData(128u)]
    [InlineData(16_383u)]
    [InlineData(16_384u)]
    [InlineData(2_097_151u)]
    [InlineData(2_097_152u)]
    [InlineData(268_435_455u)]
    [InlineData(268_435_456u)]
    [InlineData(uint.MaxValue)]
    public void Varints_AsGoogleProtobufWritesThem(uint value)
    {
        var reference = new byte[CodedOutputStream.ComputeUInt32Size(value)];
        var stream = new CodedOutputStream(reference);
        stream.WriteUInt32(value);
        stream.Flush();

        var bytes = new byte[WireSize.Varint(value)];
        var writer = new ProtoSpanWriter(bytes);
        writer.WriteVarint(value);

        Assert.Equal(reference, bytes);
        Assert.Equal(bytes.Length, writer.Position);
    }

    [Fact]
    public void NoteTag_TakesTwoBytes()
    {
        // Field 16 is the first whose tag does not fit one byte.
        var reference = new V1.ScoreResult { Notes = { "n" } }.ToByteArray();

        var bytes = new byte[WireSize.String(WireTags.ResultNote, "n")];
        var writer = new ProtoSpanWriter(bytes);
        writer.WriteString(WireTags.ResultNote, "n", 1);

        Assert.Equal(reference, bytes);
    }
}
