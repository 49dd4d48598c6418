namespace ScoringGrid.Scoring.Tests.Loading;

/// A small valid rule file that the loading tests break one way at a time.
public static class RuleFiles
{
    public const string Demo = """
        # A demo programme.
        id: demo
        version: "1.0"
        title: Demo
        title_zh: 演示
        levels: [low, high]
        figures:
          devices: 设备
        flags:
          ok: 合格
        item_groups:
          - id: g
            items:
              g.a: A
              g.b: B
        rules:
          - id: gate
            check: {flag: ok}
          - id: devices
            check: {figure: devices, ge: {low: 10, high: 100}}
          - id: items
            levels: [high]
            check: {count: g, ge: 2}
        """;

    /// The same rules: other comments, layout, key order and flow/block style.
    public const string DemoReformatted = """
        version: "1.0"
        id: demo   # same id
        title_zh: 演示
        title: Demo

        flags: {ok: 合格}
        figures: {devices: 设备}
        levels:
          - low
          - high
        item_groups:
          - items: {g.a: A, g.b: B}
            id: g
        rules:
          - check:
              flag: ok
            id: gate
          - id: devices
            check:
              ge:
                high: 100
                low: 10
              figure: devices
          - {id: items, levels: [high], check: {ge: 2, count: g}}
        """;

    public static CompiledRuleSet Compile(string yaml, string file = "demo.yaml") => RuleSetCatalog.Compile(file, yaml);

    public static RuleSetLoadException Fail(string yaml, string file = "demo.yaml") =>
        Assert.Throws<RuleSetLoadException>(() => RuleSetCatalog.Compile(file, yaml));
}
