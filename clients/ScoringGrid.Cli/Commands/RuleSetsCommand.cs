using System.CommandLine;

namespace ScoringGrid.Cli.Commands;

/// <summary><c>sg rulesets</c>: the loaded rule sets, one per line.</summary>
internal static class RuleSetsCommand
{
    public static Command Create()
    {
        var rulesets = CatalogOption.Create();
        var command = new Command("rulesets", "List the loaded rule sets") { rulesets };
        command.SetAction(result =>
        {
            if (CatalogOption.Load(result.GetValue(rulesets), Console.Error) is not { } catalog)
            {
                return CatalogOption.UnusableExitCode;
            }

            var table = new TextTable("RULE SET", "VERSION", "LEVELS", "DIGEST", "TITLE");
            foreach (var rs in catalog.RuleSets)
            {
                table.Add(rs.Id, rs.Version, rs.Levels.Count == 0 ? "(scored)" : string.Join(" < ", rs.Levels), rs.Digest[..12], $"{rs.Title} / {rs.TitleZh}");
            }

            table.WriteTo(Console.Out);
            return 0;
        });
        return command;
    }
}
