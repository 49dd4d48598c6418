using System.Net;

namespace ScoringGrid.Load.Targets;

/// <summary>
/// Keeps load on this machine unless the operator says otherwise: a load test against someone
/// else's endpoint needs their consent, so remote targets need <c>--allow-remote</c>.
/// </summary>
public static class TargetGuard
{
    /// <summary>Whether <paramref name="uri"/> names a loopback host: <c>127.0.0.0/8</c>, <c>::1</c> or <c>localhost</c>.</summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.IdnHost, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>Throws unless the target is on loopback or remote targets are allowed.</summary>
    public static void EnsureAllowed(Uri uri, bool allowRemote)
    {
        if (!allowRemote && !IsLoopback(uri))
        {
            throw new InvalidOperationException(
                $"target {uri.GetLeftPart(UriPartial.Authority)} is not on loopback (127.0.0.1); pass --allow-remote to load a remote endpoint you are permitted to test");
        }
    }
}
