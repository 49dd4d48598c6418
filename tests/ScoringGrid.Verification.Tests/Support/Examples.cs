using Google.Protobuf;

namespace ScoringGrid.Verification.Tests.Support;

internal static class Examples
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static string Path(string ruleSet) =>
        Directory.EnumerateFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "examples"), ruleSet + "-*.json").Single();

    public static V1.Application Message(string ruleSet) => Parser.Parse<V1.Application>(File.ReadAllText(Path(ruleSet)));
}
