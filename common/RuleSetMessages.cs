using ScoringGrid.Scoring;

namespace ScoringGrid.Common;

/// <summary>A compiled rule set as the <c>scoringgrid.v1</c> messages a portal renders.</summary>
/// <remarks>
/// Source-linked into the server, which answers ListRuleSets and GetRuleSet with them, and into
/// <c>sg</c>, which prints a local rule set from the same messages as a server's, so both read alike.
/// </remarks>
internal static class RuleSetMessages
{
    public static V1.RuleSetSummary Summary(CompiledRuleSet rs)
    {
        var s = new V1.RuleSetSummary
        {
            Id = rs.Id,
            Version = rs.Version,
            Digest = rs.Digest,
            Title = rs.Title,
            TitleZh = rs.TitleZh,
            Source = rs.Source,
            Province = rs.Province,
        };
        s.Levels.AddRange(rs.Levels);
        return s;
    }

    public static V1.RuleSet Full(CompiledRuleSet rs)
    {
        var m = new V1.RuleSet { Summary = Summary(rs) };
        foreach (var g in rs.ItemGroups)
        {
            var group = new V1.ItemGroup { Id = g.Id, Title = g.Title, TitleZh = g.TitleZh, OnlyWhenFlag = g.OnlyWhenFlag };
            group.Items.AddRange(g.Items);
            m.ItemGroups.Add(group);
        }

        m.Figures.AddRange(rs.FigureIds);
        m.Flags.AddRange(rs.FlagIds);
        m.Dates.AddRange(rs.DateIds);
        foreach (var rule in rs.Rules)
        {
            var d = new V1.RuleDescription
            {
                Id = rule.Id,
                Level = rule.Level,
                Kind = rule.Kind,
                Text = rule.Text,
                TextZh = rule.TextZh,
                MaxPoints = rule.MaxPoints,
            };
            if (rule.Threshold is { } threshold)
            {
                d.Threshold = threshold;
            }

            m.Rules.Add(d);
        }

        m.Notes.AddRange(rs.Notes);
        return m;
    }
}
