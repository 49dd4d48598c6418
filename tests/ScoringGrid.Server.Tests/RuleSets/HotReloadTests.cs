using System.Net;
using ScoringGrid.Server.Tests.Rest;

namespace ScoringGrid.Server.Tests.RuleSets;

/// <summary>Rule files reload on change without a restart; a broken file keeps the old rules serving.</summary>
public sealed class HotReloadTests : IAsyncLifetime
{
    private DirectoryInfo _rules = null!;
    private ServerFixture _server = null!;

    public async Task InitializeAsync()
    {
        _rules = Directory.CreateTempSubdirectory("sg-rules-");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "rulesets", "js-star-2019.yaml"), Path.Combine(_rules.FullName, "js-star-2019.yaml"));
        _server = await ServerFixture.StartAsync(ruleSetDirectory: _rules.FullName);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _rules.Delete(recursive: true);
    }

    [Fact]
    public async Task ChangedThreshold_IsServedAfterReload_AndABrokenFileKeepsTheOldRules()
    {
        using var client = _server.Client();
        var before = await client.EvaluateAsync(Examples.Message("js-star-2019"));
        Assert.Equal("3-star", before.Result.Level);
        var file = Path.Combine(_rules.FullName, "js-star-2019.yaml");

        // 4-star needs 6 pooled items; the example has 5. Lower the bar and publish a new version.
        var yaml = await File.ReadAllTextAsync(file);
        var changed = yaml.Replace("check: {count: [data, device, edge, devsvc], ge: 6}", "check: {count: [data, device, edge, devsvc], ge: 5}", StringComparison.Ordinal)
            .Replace("version: \"2019.1\"", "version: \"2019.2\"", StringComparison.Ordinal);
        Assert.NotEqual(yaml, changed);
        await File.WriteAllTextAsync(file, changed);

        var after = await WaitForAsync(async () => (await client.EvaluateAsync(Examples.Message("js-star-2019"))).Result, r => r.Version == "2019.2");
        Assert.Equal("4-star", after.Level);
        Assert.NotEqual(before.Result.Digest, after.Digest);

        await File.WriteAllTextAsync(file, changed.Replace("ge: 5}", "ge: five}", StringComparison.Ordinal));
        using var http = _server.Http();
        await WaitForAsync(() => http.GetStringAsync("/metrics"), m => m.Contains("scoringgrid_rule_set_reloads_total{result=\"failure\"} 1", StringComparison.Ordinal));
        var still = await client.EvaluateAsync(Examples.Message("js-star-2019"));
        Assert.Equal("2019.2", still.Result.Version);
        Assert.Equal("4-star", still.Result.Level);
    }

    [Fact]
    public async Task APortalsCachedRuleSet_IsNoLongerCurrent_AfterAReloadChangesIt()
    {
        using var http = _server.Http();
        using var list = await http.GetAsync("/v1/rulesets");
        using var ruleSet = await http.GetAsync("/v1/rulesets/js-star-2019");
        var (listTag, ruleSetTag) = (list.Headers.ETag!.ToString(), ruleSet.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await http.GetIfNoneMatchAsync("/v1/rulesets/js-star-2019", ruleSetTag)).StatusCode);

        var file = Path.Combine(_rules.FullName, "js-star-2019.yaml");
        var yaml = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, yaml.Replace("version: \"2019.1\"", "version: \"2019.2\"", StringComparison.Ordinal));

        // Revalidating with the old tags now brings the new version, under new tags.
        using var changed = await WaitForAsync(() => http.GetIfNoneMatchAsync("/v1/rulesets/js-star-2019", ruleSetTag), r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("\"version\": \"2019.2\"", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(ruleSetTag, changed.Headers.ETag!.ToString());
        using var changedList = await http.GetIfNoneMatchAsync("/v1/rulesets", listTag);
        Assert.Equal(HttpStatusCode.OK, changedList.StatusCode);
        Assert.NotEqual(listTag, changedList.Headers.ETag!.ToString());
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        T value;
        do
        {
            value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"condition not met within 20 s; last value: {value}");
        return value;
    }
}
