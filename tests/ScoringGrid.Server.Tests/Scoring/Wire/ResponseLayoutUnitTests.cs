using System.Text;
using ScoringGrid.Server.Scoring.Wire;

namespace ScoringGrid.Server.Tests.Scoring.Wire;

/// <summary>Explanation texts encoded from builders, chunk by chunk, as from strings.</summary>
public sealed class ResponseLayoutUnitTests
{
    [Fact]
    public void EncodingABuilder_GivesTheBytesOfItsString_EvenWithSurrogatePairsSplitBetweenChunks()
    {
        var layout = new ResponseLayout();
        var random = new Random(1203);
        var pieces = new[] { "a", "设备", "😀", "✓ ", "≥", "x😀y", new string('z', 37) };
        for (var round = 0; round < 200; round++)
        {
            // Small appends of builders into a builder make many chunks, some of which end inside a pair.
            var text = new StringBuilder(1);
            for (var i = random.Next(1, 60); i > 0; i--)
            {
                var piece = pieces[random.Next(pieces.Length)];
                if (piece == "😀" && random.Next(2) == 0)
                {
                    text.Append(piece[0]);
                    text.Append(new StringBuilder().Append(piece[1]));
                }
                else
                {
                    text.Append(new StringBuilder(piece));
                }
            }

            var (start, length) = layout.EncodeText(text);
            Assert.Equal(Encoding.UTF8.GetBytes(text.ToString()), layout.Text(start, length).ToArray());
        }
    }
}
