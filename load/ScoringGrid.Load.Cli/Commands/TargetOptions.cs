using System.CommandLine;
using ScoringGrid.Load.Targets;

namespace ScoringGrid.Load.Cli.Commands;

/// <summary>The options naming what to load, shared by <c>run</c> and <c>capacity</c>.</summary>
internal sealed class TargetOptions
{
    public Option<string?> Url { get; } = new("--url") { Description = "HTTP endpoint to load, e.g. http://127.0.0.1:8080/v1/evaluate" };

    public Option<string?> Request { get; } = new("--request") { Description = "Request file: 'METHOD PATH-OR-URL' line, header lines, blank line, body (or '< body-file')" };

    public Option<string[]> Headers { get; } = new("--header", "-H") { Description = "Extra header 'Name: value' (repeatable)", AllowMultipleArgumentsPerToken = false };

    public Option<bool> Http2 { get; } = new("--http2") { Description = "Use HTTP/2 (h2c with prior knowledge on http://) instead of HTTP/1.1" };

    public Option<string?> Grpc { get; } = new("--grpc") { Description = "ScoringGrid gRPC address; calls Evaluate, e.g. http://127.0.0.1:50051" };

    public Option<string?> Application { get; } = new("--application") { Description = "Application JSON sent with --grpc (examples/*.json)" };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "API key for --grpc (default: $SCORINGGRID_API_KEY)" };

    public Option<bool> AllowRemote { get; } = new("--allow-remote") { Description = "Allow a target that is not on loopback (only with the endpoint owner's consent)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Request);
        command.Options.Add(Headers);
        command.Options.Add(Http2);
        command.Options.Add(Grpc);
        command.Options.Add(Application);
        command.Options.Add(ApiKey);
        command.Options.Add(AllowRemote);
    }

    /// <summary>Builds the target; throws <see cref="ArgumentException"/> or <see cref="FormatException"/> naming the option at fault.</summary>
    public ILoadTarget Create(ParseResult result)
    {
        var allowRemote = result.GetValue(AllowRemote);
        if (result.GetValue(Grpc) is { } address)
        {
            if (result.GetValue(Url) is not null || result.GetValue(Request) is not null)
            {
                throw new ArgumentException("--grpc cannot be combined with --url or --request");
            }

            TargetGuard.EnsureAllowed(ParseUri(address, "--grpc"), allowRemote);
            var file = result.GetValue(Application) ?? throw new ArgumentException("--grpc needs --application FILE (an application JSON document)");
            var key = result.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("SCORINGGRID_API_KEY");
            return new GrpcEvaluateTarget(address, GrpcEvaluateTarget.ReadApplication(file), key);
        }

        var url = result.GetValue(Url) is { } u ? ParseUri(u, "--url") : null;
        var extra = new List<KeyValuePair<string, string>>();
        foreach (var h in result.GetValue(Headers) ?? [])
        {
            var colon = h.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new ArgumentException($"--header: '{h}' is not 'Name: value'");
            }

            extra.Add(new(h[..colon].Trim(), h[(colon + 1)..].Trim()));
        }

        HttpRequestTemplate template;
        if (result.GetValue(Request) is { } requestFile)
        {
            template = HttpRequestTemplate.Load(requestFile, url, extra);
        }
        else
        {
            template = HttpRequestTemplate.Create(HttpMethod.Get, url ?? throw new ArgumentException("name a target: --url URL [--request FILE], or --grpc ADDRESS --application FILE"), extra);
        }

        TargetGuard.EnsureAllowed(template.Uri, allowRemote);
        return new HttpTarget(template, result.GetValue(Http2));
    }

    private static Uri ParseUri(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"{option}: '{text}' is not an absolute http:// or https:// URL");
}
