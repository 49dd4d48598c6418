using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Cli.Tests;

/// <summary>Loopback ports for the servers these tests start.</summary>
internal static class Loopback
{
    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort() => ServerOnFreePorts.FreePort();
}
