namespace ScoringGrid.Collector;

/// <summary>
/// The collector's admin operations as plain methods (<c>RegisterPlatform</c>,
/// <c>UnregisterPlatform</c>, <c>ListPlatforms</c>, <c>VerifyFigures</c>), ready to be bound
/// to the server's transport; callers check the <c>admin</c> / <c>verify</c> scopes.
/// </summary>
public sealed class PlatformAdmin
{
    private readonly TargetRegistry _registry;
    private readonly SampleStore _store;
    private readonly FigureVerifier _verifier;

    /// <summary>Creates the service.</summary>
    /// <param name="registry">The targets.</param>
    /// <param name="store">The stored samples (for health).</param>
    /// <param name="verifier">The verifier.</param>
    public PlatformAdmin(TargetRegistry registry, SampleStore store, FigureVerifier verifier)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _verifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
    }

    /// <summary>Registers or replaces a platform's target; scraping starts (or restarts) at once.</summary>
    /// <param name="target">The target.</param>
    /// <exception cref="TargetConfigException">The target is invalid; the exception names the field.</exception>
    public Task RegisterPlatformAsync(ScrapeTarget target) => _registry.RegisterAsync(target);

    /// <summary>Stops scraping a platform; its stored data stays.</summary>
    /// <param name="platformId">The platform.</param>
    /// <returns>Whether it was registered.</returns>
    public Task<bool> UnregisterPlatformAsync(string platformId) => _registry.UnregisterAsync(platformId);

    /// <summary>Lists the registered platforms with their scrape health.</summary>
    public async Task<IReadOnlyList<PlatformStatus>> ListPlatformsAsync()
    {
        var targets = _registry.List();
        var result = new List<PlatformStatus>(targets.Count);
        foreach (var target in targets)
        {
            ScrapeHealth? health;
            try
            {
                health = await _store.GetHealthAsync(target.PlatformId).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
            {
                health = null;
            }

            result.Add(new PlatformStatus(target, health));
        }

        return result;
    }

    /// <summary>Verifies declared figures; see <see cref="FigureVerifier.VerifyAsync"/>.</summary>
    /// <param name="platformId">The platform.</param>
    /// <param name="declared">Figure id → declared value.</param>
    /// <param name="window">The window; 30 days when null.</param>
    public Task<IReadOnlyList<FigureVerification>> VerifyFiguresAsync(string platformId, IReadOnlyDictionary<string, double> declared, TimeSpan? window = null) =>
        _verifier.VerifyAsync(platformId, declared, window);

    /// <summary>Stores a verification load test's result (called by the load runner).</summary>
    /// <param name="platformId">The platform.</param>
    /// <param name="figure">The figure, e.g. <c>max_concurrency_rps</c>.</param>
    /// <param name="value">The measured value.</param>
    /// <param name="evidenceJson">The runner's evidence document (JSON).</param>
    public Task RecordLoadTestEvidenceAsync(string platformId, string figure, double value, string evidenceJson) =>
        _verifier.RecordLoadTestEvidenceAsync(platformId, figure, value, evidenceJson);
}
