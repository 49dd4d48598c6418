using Google.Protobuf;

namespace ScoringGrid.Server.Tests;

/// <summary>The shipped example documents, as text and as proto messages.</summary>
internal static class Examples
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "examples");

    public static IEnumerable<string> Files => System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal);

    public static string Text(string ruleSet) => File.ReadAllText(Files.Single(f => Path.GetFileName(f).StartsWith(ruleSet + "-", StringComparison.Ordinal)));

    public static V1.Application Message(string ruleSet) => Parser.Parse<V1.Application>(Text(ruleSet));

    public static V1.Application ParseMessage(string json) => Parser.Parse<V1.Application>(json);
}
