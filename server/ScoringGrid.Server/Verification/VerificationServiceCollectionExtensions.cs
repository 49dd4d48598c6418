namespace ScoringGrid.Server.Verification;

/// <summary>Registers verification: <c>VerifyFigures</c> and scoring with <c>verify: true</c>.</summary>
internal static class VerificationServiceCollectionExtensions
{
    public static IServiceCollection AddFigureVerification(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = SettingReader.Bind<VerificationSettings>(configuration, "ScoringGrid");
        services.AddSingleton(settings);
        // Built with the application (the health service asks whether rounds have Redis), so a bad value stops the start.
        services.AddSingleton(sp => SettingReader.Read(VerificationSettings.RedisKey, () => new FigureObserver(settings, sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<VerifiedScoring>();
        services.AddSingleton<VerifyFiguresCall>();
        return services;
    }
}
