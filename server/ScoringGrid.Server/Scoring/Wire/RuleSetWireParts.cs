using System.Runtime.CompilerServices;
using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>
/// The bytes of a ScoreResult that only depend on the rule set (its id, version and digest, each
/// level, each criterion's id, level, kind and maximum, its notes), encoded once per compiled rule
/// set. Keyed weakly by the rule set, so a hot reload starts afresh and an unloaded rule set takes
/// its bytes with it.
/// </summary>
internal sealed class RuleSetWireParts
{
    private static readonly ConditionalWeakTable<CompiledRuleSet, RuleSetWireParts> Cache = [];

    private RuleSetWireParts(ScoreResult result)
    {
        var rs = result.RuleSet;
        Header = Encode(w =>
        {
            w.String(WireTags.ResultRuleSet, rs.Id);
            w.String(WireTags.ResultVersion, rs.Version);
            w.String(WireTags.ResultDigest, rs.Digest);
        });

        Levels = new byte[rs.Levels.Count][];
        for (var i = 0; i < Levels.Length; i++)
        {
            var level = rs.Levels[i];
            Levels[i] = Encode(w => w.String(WireTags.ResultLevel, level));
        }

        // A criterion's constant fields are those of its compiled rule; any result shows them.
        Criteria = new CriterionWireParts[result.Criteria.Count];
        for (var i = 0; i < Criteria.Length; i++)
        {
            var c = result.Criteria[i];
            Criteria[i] = new CriterionWireParts(
                Encode(w =>
                {
                    w.String(WireTags.CriterionId, c.Id);
                    w.String(WireTags.CriterionLevel, c.Level);
                }),
                Encode(w => w.Double(WireTags.CriterionMaxPoints, c.MaxPoints)),
                Encode(w => w.String(WireTags.CriterionKind, c.Kind)));
        }

        Notes = Encode(w =>
        {
            foreach (var note in rs.Notes)
            {
                w.RepeatedString(WireTags.ResultNote, note);
            }
        });
        NoteCount = rs.Notes.Count;
    }

    /// <summary>ScoreResult fields 1–3: rule_set, version, digest.</summary>
    public byte[] Header { get; }

    /// <summary>Field 5 (level) for each level index.</summary>
    public byte[][] Levels { get; }

    /// <summary>By criterion index, in result order.</summary>
    public CriterionWireParts[] Criteria { get; }

    /// <summary>Field 16 for every note of the rule set, which lead every result's notes.</summary>
    public byte[] Notes { get; }

    public int NoteCount { get; }

    /// <summary>The parts of <paramref name="result"/>'s rule set, encoded on first use.</summary>
    public static RuleSetWireParts For(ScoreResult result) => Cache.TryGetValue(result.RuleSet, out var parts) ? parts : Add(result);

    // Apart from For, so the closure over the result is only allocated on a miss.
    private static RuleSetWireParts Add(ScoreResult result) => Cache.GetValue(result.RuleSet, _ => new RuleSetWireParts(result));

    private static byte[] Encode(Action<PartEncoder> encode)
    {
        var encoder = new PartEncoder();
        encode(encoder);
        return encoder.ToArray();
    }

    /// <summary>Builds the constant parts with proto3's rules for omitting defaults (only ever run once per rule set).</summary>
    private sealed class PartEncoder
    {
        private readonly MemoryStream _bytes = new();

        public void String(uint tag, string value)
        {
            if (value.Length != 0)
            {
                RepeatedString(tag, value);
            }
        }

        public void RepeatedString(uint tag, string value) => Write(WireSize.String(tag, value), (ref w) => w.WriteString(tag, value, WireSize.Utf8(value)));

        public void Double(uint tag, double value)
        {
            // Google.Protobuf tests `value != 0D`, which also omits -0.0.
            if (value != 0D)
            {
                Write(WireSize.Varint(tag) + WireSize.Double, (ref w) => w.WriteDouble(tag, value));
            }
        }

        public byte[] ToArray() => _bytes.ToArray();

        private void Write(int size, WriteAction write)
        {
            var buffer = new byte[size];
            var writer = new ProtoSpanWriter(buffer);
            write(ref writer);
            _bytes.Write(buffer);
        }

        private delegate void WriteAction(ref ProtoSpanWriter writer);
    }
}
