using System.Globalization;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Tests.Shared;

/// <summary>The server's command-line settings for one API key (<c>ScoringGrid:Security:ApiKeys:N</c>), hashed as the server expects.</summary>
internal static class ApiKeyArguments
{
    public static IEnumerable<string> For(int index, string key, string tenant, string[] scopes, double ratePerSecond = 0, double burst = 0)
    {
        var prefix = $"--ScoringGrid:Security:ApiKeys:{index}:";
        yield return prefix + "Id";
        yield return key;
        yield return prefix + "Sha256";
        yield return ApiKeyAuthenticator.HashKey(key);
        yield return prefix + "Tenant";
        yield return tenant;
        for (var s = 0; s < scopes.Length; s++)
        {
            yield return $"{prefix}Scopes:{s}";
            yield return scopes[s];
        }

        if (ratePerSecond > 0)
        {
            yield return prefix + "RatePerSecond";
            yield return ratePerSecond.ToString(CultureInfo.InvariantCulture);
        }

        if (burst > 0)
        {
            yield return prefix + "Burst";
            yield return burst.ToString(CultureInfo.InvariantCulture);
        }
    }
}
