using System.Collections.Concurrent;
using Google.Protobuf;
using ScoringGrid.Client;
using ScoringGrid.Common;
using ScoringError = ScoringGrid.Scoring.ScoringError;
using ScoreResultJson = ScoringGrid.Scoring.ScoreResultJson;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;
using ScoringGrid.V1;

namespace ScoringGrid.Cli.Commands;

/// <summary>
/// <c>sg score --server URL FILE...</c>: the same documents and output lines as offline scoring, scored by a
/// server over one <c>EvaluateStream</c> (batch mode). Documents that do not parse get their error line locally.
/// Documents are read while earlier ones are scored, and each line is written as soon as its answer
/// arrives, in input order, so memory does not grow with the input or the output; if the call fails
/// part-way, the lines before the failure stand and stderr says why.
/// </summary>
internal static class RemoteScore
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true).WithFormatDefaultValues(true));
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<int> RunAsync(
        string address, string? apiKey, GrpcChannelOptions? options, IEnumerable<string> inputs, TextReader stdin, Stream output, CancellationToken cancellationToken)
    {
        // Documents are read while the stream runs, so memory does not grow with the input either. Each
        // keeps its place in `order`: a document sent is queued as null before it goes, a document that
        // fails here as its error line. An answer arrives only after its document was sent, so its
        // place is always queued by then.
        var order = new ConcurrentQueue<string?>();
        using var client = ScoringClient.Create(address, apiKey, options);
        // A FULL line is several KB: a small buffer would cost several writes per line.
        using var writer = new StreamWriter(output, Utf8, 64 * 1024, leaveOpen: true);
        var valid = true;
        try
        {
            await foreach (var response in client.EvaluateManyAsync(Applications(inputs, stdin, order), cancellationToken))
            {
                // The local error lines that come before this answer's document, then the answer.
                while (order.TryDequeue(out var local) && local is not null)
                {
                    valid = false;
                    await writer.WriteLineAsync(local);
                }

                valid &= response.OutcomeCase == EvaluateResponse.OutcomeOneofCase.Result;
                await writer.WriteLineAsync(response.OutcomeCase == EvaluateResponse.OutcomeOneofCase.Result
                    ? Formatter.Format(response.Result)
                    : ErrorLine(response.Error.Code, response.Error.Field, response.Error.Message, response.ApplicationId));
            }
        }
        catch (RpcException e)
        {
            await writer.FlushAsync(CancellationToken.None);
            await Console.Error.WriteLineAsync(ServerConnection.Refusal(address, e));
            return 1;
        }

        // The stream ended after the last document was read: what is left are the error lines after the last answer.
        while (order.TryDequeue(out var local))
        {
            valid = false;
            await writer.WriteLineAsync(local);
        }

        return valid ? 0 : ScoreCommand.InvalidExitCode;
    }

    private static IEnumerable<Application> Applications(IEnumerable<string> inputs, TextReader stdin, ConcurrentQueue<string?> order)
    {
        foreach (var document in Documents(inputs, stdin))
        {
            if (document.Error is not null)
            {
                order.Enqueue(ErrorLine("NOT_FOUND", "", document.Error));
                continue;
            }

            Application application;
            try
            {
                application = Parser.Parse<Application>(document.Json);
            }
            catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException)
            {
                // The parser says what is wrong; the diagnostics say where, as offline scoring does.
                order.Enqueue(ProtoJsonDiagnostics.Explain(System.Text.Encoding.UTF8.GetBytes(document.Json), Application.Descriptor) is var (field, message)
                    ? ErrorLine("INVALID_ARGUMENT", field, message)
                    : ErrorLine("INVALID_ARGUMENT", "", e.Message));
                continue;
            }

            order.Enqueue(null);
            yield return application;
        }
    }

    private static IEnumerable<(string Json, string? Error)> Documents(IEnumerable<string> inputs, TextReader stdin)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                while (stdin.ReadLine() is { } line)
                {
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        yield return (line, null);
                    }
                }

                continue;
            }

            string? text = null;
            string? error = null;
            try
            {
                text = File.ReadAllText(input);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"cannot read {input}: {e.Message}";
            }

            yield return (text ?? "", error);
        }
    }

    /// <summary>The same error line offline scoring prints (<see cref="ScoreResultJson.WriteError"/>).</summary>
    private static string ErrorLine(string code, string field, string message, string applicationId = "")
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = ScoreResultJson.CreateWriter(buffer))
        {
            ScoreResultJson.WriteError(json, new ScoringError(code, field, message), applicationId);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
