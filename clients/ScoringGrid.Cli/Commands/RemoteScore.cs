using System.Buffers;
using System.Collections.Concurrent;
using ScoringGrid.Client;
using ScoringError = ScoringGrid.Scoring.ScoringError;
using ScoringErrorCodes = ScoringGrid.Scoring.ScoringErrorCodes;
using ScoreResultJson = ScoringGrid.Scoring.ScoreResultJson;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;
using ScoringGrid.V1;

namespace ScoringGrid.Cli.Commands;

/// <summary>
/// <c>sg score --server URL FILE...</c>: the same documents and output lines as offline scoring, scored by a
/// server over one <c>EvaluateStream</c> (batch mode). The same documents (<see cref="InputDocuments"/>) are
/// read by the same reader as offline (<c>ApplicationJson</c>), so one that does not parse gets offline's
/// error line, locally; errors are written by offline's writer (<see cref="ScoreResultJson"/>) and results
/// in its layout (<see cref="ResultMessageJson"/>), so every line is byte for byte the line offline scoring prints. Documents are read while earlier ones are scored, and each line is
/// written as soon as its answer arrives, in input order, so memory does not grow with the input or the
/// output; if the call fails part-way, the lines before the failure stand and stderr says why.
/// </summary>
internal static class RemoteScore
{
    // A FULL line is several KB: lines are gathered up to this much before each write.
    private const int WriteSize = 64 * 1024;

    public static async Task<int> RunAsync(
        string address, string? apiKey, GrpcChannelOptions? options, IEnumerable<string> inputs, TextReader stdin, Stream output, CancellationToken cancellationToken)
    {
        // Documents are read while the stream runs, so memory does not grow with the input either. Each
        // keeps its place in `order`: a document sent is queued as null before it goes, a document that
        // fails here as its error line. An answer arrives only after its document was sent, so its
        // place is always queued by then.
        var order = new ConcurrentQueue<byte[]?>();
        using var client = ScoringClient.Create(address, apiKey, options);
        var lines = new ArrayBufferWriter<byte>(2 * WriteSize);
        using var json = ScoreResultJson.CreateWriter(lines);
        var valid = true;
        try
        {
            await foreach (var response in client.EvaluateManyAsync(Applications(inputs, stdin, order), cancellationToken))
            {
                // The local error lines that come before this answer's document, then the answer.
                while (order.TryDequeue(out var local) && local is not null)
                {
                    valid = false;
                    lines.Write(local);
                }

                json.Reset();
                if (response.OutcomeCase == EvaluateResponse.OutcomeOneofCase.Result)
                {
                    ResultMessageJson.Write(json, response.Result);
                }
                else
                {
                    valid = false;
                    ScoreResultJson.WriteError(json, new ScoringError(response.Error.Code, response.Error.Field, response.Error.Message), response.ApplicationId);
                }

                json.Flush();
                lines.Write("\n"u8);
                if (lines.WrittenCount >= WriteSize)
                {
                    await WriteAsync(output, lines);
                }
            }
        }
        catch (RpcException e)
        {
            await WriteAsync(output, lines);
            await Console.Error.WriteLineAsync(ServerConnection.Refusal(address, e));
            return 1;
        }

        // The stream ended after the last document was read: what is left are the error lines after the last answer.
        while (order.TryDequeue(out var local))
        {
            valid = false;
            lines.Write(local!);
        }

        await WriteAsync(output, lines);
        return valid ? 0 : ScoreCommand.InvalidExitCode;
    }

    private static async ValueTask WriteAsync(Stream output, ArrayBufferWriter<byte> lines)
    {
        await output.WriteAsync(lines.WrittenMemory, CancellationToken.None);
        await output.FlushAsync(CancellationToken.None);
        lines.ResetWrittenCount();
    }

    private static IEnumerable<Application> Applications(IEnumerable<string> inputs, TextReader stdin, ConcurrentQueue<byte[]?> order)
    {
        foreach (var (document, unreadable) in InputDocuments.Read(inputs, stdin))
        {
            if (unreadable is not null)
            {
                order.Enqueue(ErrorLine(new ScoringError(ScoringErrorCodes.NotFound, "", unreadable)));
                continue;
            }

            if (ScoringGrid.Scoring.ApplicationJson.Parse(document, out var error) is not { } application)
            {
                order.Enqueue(ErrorLine(error!));
                continue;
            }

            order.Enqueue(null);
            yield return ApplicationMessage.From(application);
        }
    }

    /// <summary>The error line offline scoring prints for a document it cannot read or parse.</summary>
    private static byte[] ErrorLine(ScoringError error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = ScoreResultJson.CreateWriter(buffer))
        {
            ScoreResultJson.WriteError(json, error);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
