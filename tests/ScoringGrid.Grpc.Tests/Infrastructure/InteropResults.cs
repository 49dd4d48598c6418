using System.Text.Json;

namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>The JSON lines a peer client printed, one per check, and the assertions every peer must pass.</summary>
public sealed class InteropResults
{
    private readonly Dictionary<string, JsonElement> _checks = new(StringComparer.Ordinal);
    private readonly string _raw;

    public InteropResults(PeerResult result)
    {
        _raw = result.StandardOutput + Environment.NewLine + result.StandardError;
        foreach (string line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using JsonDocument document = JsonDocument.Parse(line);
            _checks[document.RootElement.GetProperty("check").GetString()!] = document.RootElement.Clone();
        }
    }

    public JsonElement this[string check] =>
        _checks.TryGetValue(check, out JsonElement value) ? value : throw new Xunit.Sdk.XunitException($"Peer printed no '{check}' line. Output:{Environment.NewLine}{_raw}");

    public string String(string check, string field) =>
        this[check].TryGetProperty(field, out JsonElement value)
            ? value.ToString()
            : throw new Xunit.Sdk.XunitException($"'{check}' has no '{field}': {this[check]}");

    /// <summary>The checks the Python and Node clients both run against our server.</summary>
    public void AssertCommonChecks()
    {
        Assert.Equal("hello 云", String("unary", "message"));
        Assert.Equal("[0,1,2,3,4]", this["server_stream"].GetProperty("indexes").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("a,b,c", String("client_stream", "message"));
        Assert.Equal("3", String("client_stream", "count"));
        Assert.Equal("[\"m0\",\"m1\",\"m2\"]", this["duplex"].GetProperty("messages").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("NOT_FOUND", String("error", "code"));
        Assert.Equal("规则集不存在 100%", String("error", "details"));
        Assert.Equal("UNKNOWN", String("unknown", "code"));
        Assert.DoesNotContain("secret", String("unknown", "details"), StringComparison.Ordinal);
        Assert.Equal("DEADLINE_EXCEEDED", String("deadline", "code"));
        Assert.Equal("100000", String("gzip", "length"));
        Assert.Equal("0001feff", String("metadata", "bin"));
        Assert.Equal("plain", String("metadata", "text"));
        Assert.Equal("RESOURCE_EXHAUSTED", String("too_large", "code"));
        Assert.Equal("SERVING", String("health", "status"));
    }
}
