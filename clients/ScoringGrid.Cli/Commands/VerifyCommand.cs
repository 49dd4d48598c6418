using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using ScoringGrid.Client;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;
using ScoringGrid.V1;

namespace ScoringGrid.Cli.Commands;

/// <summary>
/// <c>sg verify --server URL --platform ID (--figure name=value ... | --application FILE)</c>: declared figures
/// checked against the platform's scraped metrics. Exit 0 when nothing fell short or went stale, 2 otherwise, 1 on errors.
/// </summary>
internal static class VerifyCommand
{
    public const int ShortfallExitCode = 2;

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true).WithFormatDefaultValues(true));

    public static Command Create()
    {
        var connection = ServerConnection.Create("The ScoringGrid server, e.g. http://127.0.0.1:50051", "the verify scope", required: true);
        var platform = new Option<string?>("--platform") { Description = "Platform id (default: the application's platform_id)" };
        var figures = new Option<string[]>("--figure")
        {
            Description = "A declared figure, name=value (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var application = new Option<FileInfo?>("--application") { Description = "Verify the figures of this application document (JSON)" };
        var window = new Option<double>("--window-days") { Description = "Look-back window in days (default 30)" };
        var json = new Option<bool>("--json") { Description = "Print the VerifyFiguresResponse as JSON" };
        var command = new Command("verify", "Verify declared figures against a platform's live metrics") { platform, figures, application, window, json };
        foreach (var option in connection.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var request = BuildRequest(result.GetValue(platform), result.GetValue(figures) ?? [], result.GetValue(application), result.GetValue(window), out var problem);
            if (request is null)
            {
                await Console.Error.WriteLineAsync($"sg verify: {problem}");
                return 1;
            }

            return await RunAsync(
                connection.Address(result)!, connection.ApiKey(result), connection.ChannelOptions(result), request, result.GetValue(json), Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>The request from the options; null with <paramref name="problem"/> saying what is wrong.</summary>
    public static VerifyFiguresRequest? BuildRequest(string? platform, IReadOnlyList<string> figures, FileInfo? application, double windowDays, out string problem)
    {
        var request = new VerifyFiguresRequest { PlatformId = platform ?? "", WindowDays = windowDays };
        problem = "";
        if (application is not null)
        {
            if (figures.Count > 0)
            {
                problem = "give --figure or --application, not both";
                return null;
            }

            Application app;
            try
            {
                app = Parser.Parse<Application>(File.ReadAllText(application.FullName));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidProtocolBufferException or InvalidJsonException)
            {
                problem = $"cannot read {application.Name}: {e.Message}";
                return null;
            }

            request.Declared.Add(app.Figures);
            if (request.PlatformId.Length == 0)
            {
                request.PlatformId = app.PlatformId;
            }
        }

        foreach (var figure in figures)
        {
            var eq = figure.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(figure.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"--figure '{figure}' must be name=value, e.g. connected_devices=5000";
                return null;
            }

            request.Declared[figure[..eq].Trim()] = value;
        }

        if (request.PlatformId.Length == 0)
        {
            problem = "--platform is required (or an --application with platform_id)";
            return null;
        }

        if (request.Declared.Count == 0)
        {
            problem = "nothing to verify: give --figure name=value or --application FILE";
            return null;
        }

        return request;
    }

    public static async Task<int> RunAsync(
        string address, string? apiKey, GrpcChannelOptions? options, VerifyFiguresRequest request, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        VerifyFiguresResponse response;
        using (var client = ScoringClient.Create(address, apiKey, options))
        {
            try
            {
                response = await client.VerifyFiguresAsync(request, cancellationToken: cancellationToken);
            }
            catch (RpcException e)
            {
                await error.WriteLineAsync($"sg verify: {address}: {e.StatusCode}: {e.Status.Detail}");
                return 1;
            }
        }

        if (json)
        {
            await output.WriteLineAsync(Formatter.Format(response));
        }
        else
        {
            WriteTable(response, output);
        }

        return response.Figures.Any(static f => f.Status is "shortfall" or "stale") ? ShortfallExitCode : 0;
    }

    public static void WriteTable(VerifyFiguresResponse response, TextWriter output)
    {
        var table = new TextTable("FIGURE", "DECLARED", "OBSERVED", "STATUS", "EVIDENCE");
        foreach (var f in response.Figures)
        {
            table.Add(f.Figure, Number(f.Declared), f.HasObserved ? Number(f.Observed) : "-", f.Status, f.Evidence?.Description ?? "");
        }

        table.WriteTo(output);
    }

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
