namespace ScoringGrid.Grpc.Tests.Grpc;

public class MetadataUnitTests
{
    [Fact]
    public void Add_NormalizesKeyToLowerCase()
    {
        var metadata = new Metadata().Add("X-Api-Key", "abc");

        Assert.Equal("x-api-key", metadata[0].Key);
        Assert.Equal("abc", metadata.GetValue("X-API-KEY"));
    }

    [Fact]
    public void BinaryEntry_IsSentAsBase64_AndDecodedBack()
    {
        byte[] bytes = [0, 1, 2, 250, 251, 255];
        var entry = new MetadataEntry("trace-bin", bytes);
        var received = new Metadata();

        Assert.True(received.TryAddWireValue("trace-bin", entry.Value));
        Assert.Equal(bytes, received.GetValueBytes("trace-bin"));
        Assert.True(received[0].IsBinary);
    }

    [Theory]
    [InlineData("AAEC+vv/", new byte[] { 0, 1, 2, 250, 251, 255 })]
    [InlineData("AQ==", new byte[] { 1 })]
    [InlineData("AQ", new byte[] { 1 })]
    [InlineData("AQI", new byte[] { 1, 2 })]
    [InlineData("", new byte[0])]
    public void TryAddWireValue_AcceptsPaddedAndUnpaddedBase64(string wire, byte[] expected)
    {
        var metadata = new Metadata();

        Assert.True(metadata.TryAddWireValue("x-bin", wire));
        Assert.Equal(expected, metadata.GetValueBytes("x-bin"));
    }

    [Theory]
    [InlineData("x-bin", "A")]
    [InlineData("x-bin", "!!!!")]
    [InlineData("Bad Key", "v")]
    [InlineData("x-text", "caf\u00e9")]
    public void TryAddWireValue_RejectsInvalidInput(string key, string wire) =>
        Assert.False(new Metadata().TryAddWireValue(key, wire));

    [Fact]
    public void Constructors_EnforceBinarySuffixRules()
    {
        Assert.Throws<ArgumentException>(() => new MetadataEntry("x-bin", "text"));
        Assert.Throws<ArgumentException>(() => new MetadataEntry("x-text", [1, 2]));
        Assert.Throws<ArgumentException>(() => new MetadataEntry("x-text", "line\nbreak"));
        Assert.Throws<ArgumentException>(() => new MetadataEntry("k:ey", "v"));
    }

    [Fact]
    public void Get_ReturnsLastEntry_GetAll_ReturnsEveryEntry()
    {
        var metadata = new Metadata().Add("k", "1").Add("k", "2").Add("other", "x");

        Assert.Equal("2", metadata.GetValue("k"));
        Assert.Equal(["1", "2"], metadata.GetAll("k").Select(e => e.Value));
        Assert.Equal(2, metadata.RemoveAll("k"));
        Assert.Equal(1, metadata.Count);
    }
}
