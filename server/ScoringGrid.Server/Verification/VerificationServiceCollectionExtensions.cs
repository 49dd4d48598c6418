namespace ScoringGrid.Server.Verification;

/// <summary>Registers verification: <c>VerifyFigures</c> and scoring with <c>verify: true</c>.</summary>
internal static class VerificationServiceCollectionExtensions
{
    public static IServiceCollection AddFigureVerification(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("ScoringGrid").Get<VerificationSettings>() ?? new VerificationSettings();
        services.AddSingleton(settings);
        services.AddSingleton(sp => new FigureObserver(settings, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<VerifiedScoring>();
        services.AddSingleton<VerifyFiguresCall>();
        return services;
    }
}
