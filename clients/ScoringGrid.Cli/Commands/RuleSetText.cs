namespace ScoringGrid.Cli.Commands;

/// <summary>Rule sets as <c>sg rulesets</c> and <c>sg explain</c> print them, from a local catalog or a server alike.</summary>
internal static class RuleSetText
{
    public static void WriteList(IEnumerable<V1.RuleSetSummary> ruleSets, TextWriter output)
    {
        var table = new TextTable("RULE SET", "VERSION", "LEVELS", "DIGEST", "TITLE");
        foreach (var rs in ruleSets)
        {
            table.Add(rs.Id, rs.Version, rs.Levels.Count == 0 ? "(scored)" : string.Join(" < ", rs.Levels), rs.Digest[..12], $"{rs.Title} / {rs.TitleZh}");
        }

        table.WriteTo(output);
    }

    public static void WriteRules(V1.RuleSet rs, TextWriter o)
    {
        var s = rs.Summary;
        o.WriteLine($"{s.Title} — {s.TitleZh}");
        o.WriteLine($"{s.Id}@{s.Version}  sha256:{s.Digest}");
        o.WriteLine($"source: {s.Source}");
        o.WriteLine(s.Levels.Count == 0 ? "levels: none (scored and ranked)" : $"levels (lowest first): {string.Join(", ", s.Levels)}");
        foreach (var note in rs.Notes)
        {
            o.WriteLine($"note: {note}");
        }

        o.WriteLine();
        var table = new TextTable("RULE", "LEVEL", "KIND", "REQUIREMENT", "要求");
        foreach (var rule in rs.Rules)
        {
            table.Add(rule.Id, rule.Level.Length == 0 ? "-" : rule.Level, rule.Kind, rule.Text, rule.TextZh);
        }

        table.WriteTo(o);
        if (rs.ItemGroups.Count > 0)
        {
            o.WriteLine();
            var groups = new TextTable("ITEM GROUP", "TITLE", "ITEMS");
            foreach (var g in rs.ItemGroups)
            {
                groups.Add(g.Id, $"{g.Title} / {g.TitleZh}{(g.OnlyWhenFlag.Length > 0 ? $" (only when {g.OnlyWhenFlag})" : "")}", string.Join(", ", g.Items));
            }

            groups.WriteTo(o);
        }
    }
}
