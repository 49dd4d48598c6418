namespace ScoringGrid.Server.Rounds;

/// <summary>
/// Registers the Rounds API. It is always mapped; without <c>--ScoringGrid:Redis</c> every call
/// fails with FAILED_PRECONDITION naming the setting. With Redis, the fraud registry also backs
/// <c>gate.not_banned</c> in plain scoring (see <see cref="RedisRounds.GateRegistry"/>).
/// </summary>
internal static class RoundsServiceCollectionExtensions
{
    public static IServiceCollection AddRounds(this IServiceCollection services)
    {
        services.AddSingleton<RedisRounds>();
        services.AddSingleton<RoundsGrpcService>();
        services.AddHostedService<BanSnapshotRefresher>();
        return services;
    }
}
