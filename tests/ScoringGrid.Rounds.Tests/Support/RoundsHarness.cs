using Microsoft.Extensions.Time.Testing;
using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Tests.Support;

/// <summary>A <see cref="ScoringRounds"/> on the shared Redis under its own key prefix, with a fake clock.</summary>
public sealed class RoundsHarness
{
    private static readonly RuleSetCatalog Shipped = RuleSetCatalog.LoadShipped();

    public RoundsHarness(RedisServerFixture redis, RuleSetCatalog? catalog = null, bool withRegistry = false, DateTimeOffset? start = null)
    {
        Prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2021, 11, 20, 9, 0, 0, TimeSpan.Zero));
        Catalog = catalog ?? Shipped;
        Registry = new RedisDisqualificationRegistry(redis.Connection, Time, Prefix, TimeSpan.Zero);
        Rounds = new ScoringRounds(redis.Connection, Catalog,
            new RoundsOptions { KeyPrefix = Prefix, Registry = withRegistry ? Registry : DisqualificationRegistry.Empty, BatchSize = 64 }, Time);
    }

    public string Prefix { get; }

    public FakeTimeProvider Time { get; }

    public RuleSetCatalog Catalog { get; }

    public RedisDisqualificationRegistry Registry { get; }

    public ScoringRounds Rounds { get; }

    public static RuleSetCatalog ShippedCatalog => Shipped;

    public static string ShippedKey(string id) =>
        Shipped.TryResolve(id, out var rs, out _) ? rs.Key : throw new InvalidOperationException(id);

    /// <summary>Submits and moves the clock on a second, so first-submission times differ.</summary>
    public async Task<SubmissionReceipt> SubmitAsync(string roundId, Application app, string keyId = "key-portal", ApplicantProfile? profile = null)
    {
        var receipt = await Rounds.SubmitApplicationAsync(roundId, app, keyId, profile);
        Time.Advance(TimeSpan.FromSeconds(1));
        return receipt;
    }
}
