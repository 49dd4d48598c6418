namespace ScoringGrid.Scoring.Tests.Support;

/// Builds application documents step by step; every <see cref="Build"/> returns a fresh copy,
/// so one baseline can be varied many times.
public sealed class AppBuilder
{
    private readonly List<string> _items = [];
    private readonly Dictionary<string, double> _figures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double[]> _experts = new(StringComparer.Ordinal);
    private string _province;
    private string _deployment = "";
    private string _provider = "";
    private string _creditCode = "91000000TEST00001";
    private string _ruleSet;

    public AppBuilder(string ruleSet, string province)
    {
        _ruleSet = ruleSet;
        _province = province;
    }

    public AppBuilder Copy()
    {
        var copy = new AppBuilder(_ruleSet, _province) { _deployment = _deployment, _provider = _provider, _creditCode = _creditCode };
        copy._items.AddRange(_items);
        foreach (var (k, v) in _figures)
        {
            copy._figures[k] = v;
        }

        foreach (var (k, v) in _flags)
        {
            copy._flags[k] = v;
        }

        foreach (var (k, v) in _dates)
        {
            copy._dates[k] = v;
        }

        foreach (var (k, v) in _experts)
        {
            copy._experts[k] = v;
        }

        return copy;
    }

    public IReadOnlyList<string> Items => _items;

    public IReadOnlyDictionary<string, double> Figures => _figures;

    public AppBuilder RuleSet(string spec) => Set(() => _ruleSet = spec);

    public AppBuilder Province(string province) => Set(() => _province = province);

    public AppBuilder Deployment(string deployment) => Set(() => _deployment = deployment);

    public AppBuilder Provider(string provider) => Set(() => _provider = provider);

    public AppBuilder CreditCode(string code) => Set(() => _creditCode = code);

    public AppBuilder Tick(params IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            if (!_items.Contains(item))
            {
                _items.Add(item);
            }
        }

        return this;
    }

    public AppBuilder TickRaw(string item) => Set(() => _items.Add(item));

    public AppBuilder Untick(string item) => Set(() => Assert.True(_items.Remove(item), $"{item} was not ticked"));

    public AppBuilder Figure(string id, double value) => Set(() => _figures[id] = value);

    public AppBuilder NoFigure(string id) => Set(() => _figures.Remove(id));

    public AppBuilder Flag(string id, bool value = true) => Set(() => _flags[id] = value);

    public AppBuilder Flags(params IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            _flags[id] = true;
        }

        return this;
    }

    public AppBuilder NoFlag(string id) => Set(() => _flags.Remove(id));

    public AppBuilder Date(string id, string value) => Set(() => _dates[id] = value);

    public AppBuilder Expert(string line, params double[] scores) => Set(() => _experts[line] = scores);

    public Application Build()
    {
        var app = new Application
        {
            Id = "test",
            RuleSet = _ruleSet,
            Deployment = _deployment,
            Applicant = new Applicant { Name = "测试企业", CreditCode = _creditCode, Province = _province, Provider = _provider },
        };
        app.Items.AddRange(_items);
        foreach (var (k, v) in _figures)
        {
            app.Figures[k] = v;
        }

        foreach (var (k, v) in _flags)
        {
            app.Flags[k] = v;
        }

        foreach (var (k, v) in _dates)
        {
            app.Dates[k] = v;
        }

        foreach (var (k, v) in _experts)
        {
            app.ExpertScores[k] = v;
        }

        return app;
    }

    private AppBuilder Set(Action change)
    {
        change();
        return this;
    }
}
