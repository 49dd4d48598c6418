namespace ScoringGrid.Scoring;

/// <summary>A rule file that cannot be loaded; the message names the file, the rule and the problem.</summary>
public sealed class RuleSetLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleSetLoadException(string file, string rule, string problem, int line = 0)
        : base(Format(file, rule, problem, line))
    {
        File = file;
        Rule = rule;
        Problem = problem;
        Line = line;
    }

    /// <summary>The rule file.</summary>
    public string File { get; }

    /// <summary>The rule (or section) at fault; empty for file-level problems.</summary>
    public string Rule { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>1-based line in the file, 0 when unknown.</summary>
    public int Line { get; }

    private static string Format(string file, string rule, string problem, int line)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        return rule.Length > 0 ? $"{where}: rule '{rule}': {problem}" : $"{where}: {problem}";
    }
}
