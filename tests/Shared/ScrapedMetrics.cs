using System.Globalization;
using System.Text.RegularExpressions;

namespace ScoringGrid.Tests.Shared;

/// <summary>Samples of a ScoringGrid server's <c>/metrics</c>, read as a scraper reads them.</summary>
public static class ScrapedMetrics
{
    /// <summary>The value of <paramref name="series"/> (name and labels as written) in the server's <c>/metrics</c> now; null when absent.</summary>
    public static async Task<double?> ValueAsync(string httpAddress, string series)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        return Value(await http.GetStringAsync(httpAddress + "/metrics"), series);
    }

    /// <summary>The value of <paramref name="series"/> in an exposition; null when absent.</summary>
    public static double? Value(string exposition, string series)
    {
        var match = Regex.Match(exposition, $"^{Regex.Escape(series)} (\\S+)$", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }
}
