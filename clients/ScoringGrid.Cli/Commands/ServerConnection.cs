using System.CommandLine;
using ScoringGrid.Client;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;

namespace ScoringGrid.Cli.Commands;

/// <summary>
/// How a command reaches a ScoringGrid server: <c>--server URL</c>, <c>--api-key</c> (default
/// <c>$SCORINGGRID_API_KEY</c>) and <c>--cacert FILE</c>, and how a refused call is reported.
/// </summary>
internal sealed class ServerConnection
{
    private readonly Option<string?> _server;
    private readonly Option<string?> _apiKey;
    private readonly Option<FileInfo> _caCert;

    private ServerConnection(Option<string?> server, Option<string?> apiKey, Option<FileInfo> caCert) =>
        (_server, _apiKey, _caCert) = (server, apiKey, caCert);

    public static ServerConnection Create(string serverDescription, string scope = "the score scope", bool required = false) =>
        new(ServerOption.Create(serverDescription, required),
            new Option<string?>("--api-key") { Description = $"API key with {scope}, for --server (default: $SCORINGGRID_API_KEY)" },
            CaCertOption.Create());

    public IEnumerable<Option> Options => [_server, _apiKey, _caCert];

    /// <summary>The server's URL; null when the command runs offline.</summary>
    public string? Address(ParseResult result) => result.GetValue(_server);

    public string? ApiKey(ParseResult result) => result.GetValue(_apiKey) ?? Environment.GetEnvironmentVariable("SCORINGGRID_API_KEY");

    public GrpcChannelOptions? ChannelOptions(ParseResult result) => CaCertOption.ChannelOptions(result.GetValue(_caCert));

    /// <summary>The stderr line for a call to <paramref name="address"/> that ended with an error status.</summary>
    public static string Refusal(string address, RpcException e) => $"sg: {address}: {e.StatusCode}: {e.Status.Detail}";

    /// <summary>
    /// Runs <paramref name="call"/> with a client of the server. A call the server refuses for what
    /// was asked (no such rule set, another tenant's) exits <see cref="ScoreCommand.InvalidExitCode"/>,
    /// as offline; one that could not be made (unreachable, no key) exits 1. Both say why on stderr.
    /// </summary>
    public async Task<int> CallAsync(ParseResult result, Func<ScoringClient, Task<int>> call)
    {
        var address = Address(result)!;
        using var client = ScoringClient.Create(address, ApiKey(result), ChannelOptions(result));
        try
        {
            return await call(client);
        }
        catch (RpcException e)
        {
            await Console.Error.WriteLineAsync(Refusal(address, e));
            return e.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.InvalidArgument ? ScoreCommand.InvalidExitCode : 1;
        }
    }
}
