namespace ScoringGrid.Collector.Tests.Config;

public class TargetConfigUnitTests
{
    [Fact]
    public void Parse_Yaml_ReadsEveryField()
    {
        var targets = TargetConfigLoader.Parse("""
            targets:
              - platform_id: acme
                url: https://127.0.0.1:9101/metrics
                interval: 30s
                timeout: 500ms
                bearer_token: secret
                tls_insecure_skip_verify: true
                labels: { vendor: acme }
              - platform_id: beta
                url: http://127.0.0.1:9102/metrics
            """);

        Assert.Equal(2, targets.Count);
        var a = targets[0];
        Assert.Equal("acme", a.PlatformId);
        Assert.Equal(TimeSpan.FromSeconds(30), a.Interval);
        Assert.Equal(TimeSpan.FromMilliseconds(500), a.EffectiveTimeout);
        Assert.Equal("secret", a.BearerToken);
        Assert.True(a.TlsInsecureSkipVerify);
        Assert.Equal("acme", a.Labels["vendor"]);
        Assert.Equal(ScrapeTarget.DefaultInterval, targets[1].Interval);
        Assert.Equal(ScrapeTarget.DefaultInterval, targets[1].EffectiveTimeout);
    }

    [Fact]
    public void Parse_Json_IsAccepted()
    {
        var targets = TargetConfigLoader.Parse("""{"targets": [{"platform_id": "j", "url": "http://127.0.0.1:1/metrics", "interval": "15s"}]}""");
        Assert.Equal("j", Assert.Single(targets).PlatformId);
    }

    [Theory]
    [InlineData("targets:\n  - platform_id: a\n    url: http://127.0.0.1/m\n    interval: 10s\n    timeout: 20s\n", "targets[0].timeout")]
    [InlineData("targets:\n  - platform_id: a\n    url: ftp://127.0.0.1/m\n", "targets[0].url")]
    [InlineData("targets:\n  - url: http://127.0.0.1/m\n", "targets[0].platform_id")]
    [InlineData("targets:\n  - platform_id: 'a{b}'\n    url: http://127.0.0.1/m\n", "targets[0].platform_id")]
    [InlineData("targets:\n  - platform_id: a\n    url: http://127.0.0.1/m\n    intervall: 10s\n", "targets[0].intervall")]
    [InlineData("targets:\n  - platform_id: a\n    url: http://127.0.0.1/m\n    interval: soon\n", "targets[0].interval")]
    [InlineData("targets:\n  - platform_id: a\n    url: http://127.0.0.1/m\n  - platform_id: a\n    url: http://127.0.0.1/n\n", "targets[1].platform_id")]
    [InlineData("nothing: here\n", "targets")]
    [InlineData("targets: [ {", "file")]
    public void Parse_Invalid_NamesTheField(string yaml, string field)
    {
        var ex = Assert.Throws<TargetConfigException>(() => TargetConfigLoader.Parse(yaml));
        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var ex = Assert.Throws<TargetConfigException>(() => TargetConfigLoader.Load("/nonexistent/targets.yaml"));
        Assert.Equal("file", ex.Field);
    }
}
