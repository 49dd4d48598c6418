using System.CommandLine;

namespace ScoringGrid.Cli.Commands;

/// <summary><c>sg explain RULESET</c>: the programme's rules as an evaluator reads them.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var ruleSet = new Argument<string>("ruleset") { Description = "Rule set id or id@version" };
        var rulesets = CatalogOption.Create();
        var command = new Command("explain", "Print a rule set's rules as a readable table") { ruleSet, rulesets };
        command.SetAction(result =>
        {
            if (CatalogOption.Load(result.GetValue(rulesets), Console.Error) is not { } catalog)
            {
                return CatalogOption.UnusableExitCode;
            }

            if (!catalog.TryResolve(result.GetValue(ruleSet)!, out var rs, out var error))
            {
                Console.Error.WriteLine(error!.Message);
                return ScoreCommand.InvalidExitCode;
            }

            var o = Console.Out;
            o.WriteLine($"{rs.Title} — {rs.TitleZh}");
            o.WriteLine($"{rs.Key}  sha256:{rs.Digest}");
            o.WriteLine($"source: {rs.Source}");
            o.WriteLine(rs.Levels.Count == 0 ? "levels: none (scored and ranked)" : $"levels (lowest first): {string.Join(", ", rs.Levels)}");
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

            return 0;
        });
        return command;
    }
}
