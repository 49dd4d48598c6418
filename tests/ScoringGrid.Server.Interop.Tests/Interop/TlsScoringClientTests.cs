using ScoringGrid.Server.Interop.Tests.Infrastructure;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>
/// Every scoring check again, over TLS: the server loads its certificate from a PFX file and
/// negotiates h2 by ALPN with clients that trust that certificate and check its name.
/// </summary>
public class TlsScoringClientTests(TlsScoringServerFixture server) : IClassFixture<TlsScoringServerFixture>
{
    [Fact]
    public async Task PythonClient_PassesEveryScoringCheck_OverTls() => await PythonScoringClientTests.RunAsync(server);

    [Fact]
    public async Task NodeClient_PassesEveryScoringCheck_OverTls() => await NodeScoringClientTests.RunAsync(server);
}
