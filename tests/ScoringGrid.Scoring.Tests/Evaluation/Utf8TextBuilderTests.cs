using System.Text;

namespace ScoringGrid.Scoring.Tests.Evaluation;

/// <summary>The UTF-8 builder explanations are written into: clause lists, growth, text from applications.</summary>
public sealed class Utf8TextBuilderTests
{
    [Fact]
    public void Clauses_AreJoinedBySemicolons_AndANestedListStartsAfresh()
    {
        var text = new Utf8TextBuilder(16);
        text.Append("title: "u8);
        var outer = text.BeginClauses();
        text.Clause(true).Append("a"u8);
        text.Clause(false).Append("any of ["u8);
        var inner = text.BeginClauses();
        text.Clause(true).Append("b"u8);
        text.Clause(false).Append("c"u8);
        text.EndClauses(inner);
        text.Append("]"u8);
        text.Clause(true).Append("d"u8);
        text.EndClauses(outer);

        Assert.Equal("title: ✓ a; ✗ any of [✓ b; ✗ c]; ✓ d", text.ToString());
    }

    [Fact]
    public void Clear_EmptiesTheTextAndItsClauseList()
    {
        var text = new Utf8TextBuilder(16);
        text.Clause(true).Append("a"u8);
        text.Clear();
        text.Clause(false).Append("b"u8);

        Assert.Equal("✗ b", text.ToString());
    }

    [Fact]
    public void GrowsPastItsCapacity_KeepingEverythingWritten()
    {
        var text = new Utf8TextBuilder(16);
        var expected = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            text.Append("设备 "u8).AppendNumber(i * 1000.5).Append(" "u8);
            expected.Append("设备 ").Append(Internal.Evaluation.Numbers.Format(i * 1000.5)).Append(' ');
        }

        Assert.True(text.Capacity >= text.Length);
        Assert.Equal(expected.ToString(), text.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(expected.ToString()), text.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData("jiangsu")]
    [InlineData("江苏省")]
    [InlineData("x😀y")]
    [InlineData("")]
    public void ApplicationText_IsEncodedAsUtf8(string value)
    {
        var text = new Utf8TextBuilder(1);
        text.Append("'"u8).Append(value).Append("'"u8);

        Assert.Equal(Encoding.UTF8.GetBytes($"'{value}'"), text.WrittenSpan.ToArray());
    }

    [Fact]
    public void LoneSurrogate_BecomesTheReplacementCharacter_AsProtobufEncodesIt()
    {
        var text = new Utf8TextBuilder();
        text.Append("a\ud800b");

        Assert.Equal("a\ufffdb", text.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes("a\ud800b"), text.WrittenSpan.ToArray());
    }

    [Fact]
    public void Slice_ReadsOneTextOfSeveralWrittenInTurn()
    {
        var text = new Utf8TextBuilder();
        text.Append("first"u8);
        var start = text.Length;
        text.Append("第二"u8);

        Assert.Equal("第二", Encoding.UTF8.GetString(text.Slice(start, text.Length - start)));
        Assert.Equal("第二", text.ToString(start));
    }
}
