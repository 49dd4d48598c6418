using Google.Protobuf;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>The server side of TestService, built on the transport's definition builder.</summary>
public sealed class TestServiceImpl(CallProbe probe)
{
    public GrpcServiceDefinition CreateDefinition() =>
        GrpcServiceDefinition.CreateBuilder(TestMethods.ServiceName)
            .AddUnary(TestMethods.Echo, EchoAsync)
            .AddServerStreaming(TestMethods.ServerStream, ServerStreamAsync)
            .AddClientStreaming(TestMethods.ClientStream, ClientStreamAsync)
            .AddDuplexStreaming(TestMethods.Duplex, DuplexAsync)
            .AddUnary(TestMethods.WaitForCancellation, WaitForCancellationAsync)
            .AddUnary(TestMethods.IgnoreCancellation, IgnoreCancellationAsync)
            .Build();

    private async ValueTask<EchoReply> EchoAsync(EchoRequest request, ServerCallContext context)
    {
        await ApplyAsync(request, context);
        FailFirstAttemptsIfAsked(request, context);
        foreach (MetadataEntry entry in context.RequestHeaders)
        {
            if (entry.Key.StartsWith("x-echo", StringComparison.Ordinal))
            {
                context.ResponseTrailers.Add(entry);
            }
        }

        return new EchoReply
        {
            Message = request.Message,
            Payload = request.ReplySize > 0 ? ByteString.CopyFrom(new byte[request.ReplySize]) : request.Payload,
        };
    }

    private static async Task ServerStreamAsync(EchoRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        // Replies with a payload are written as a handler answering a burst does: each asks the
        // transport to hold it back (BufferHint), and the transport decides when to flush.
        var payload = request.ReplySize > 0 ? ByteString.CopyFrom(new byte[request.ReplySize]) : ByteString.Empty;
        responses.WriteOptions = request.ReplySize > 0 ? WriteOptions.Buffered : null;
        for (int i = 0; i < request.Count; i++)
        {
            if (request.DelayMs > 0)
            {
                await Task.Delay(request.DelayMs, context.CancellationToken);
            }

            await responses.WriteAsync(new EchoReply { Message = request.Message, Index = i, Payload = payload });
        }

        ThrowIfAsked(request);
        context.ResponseTrailers.Add("x-response-flushes", context.ResponseFlushes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<EchoReply> ClientStreamAsync(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context)
    {
        var messages = new List<string>();
        long bytes = 0;
        while (await requests.MoveNext(context.CancellationToken))
        {
            ThrowIfAsked(requests.Current);
            messages.Add(requests.Current.Message);
            bytes += requests.Current.Payload.Length;
        }

        return new EchoReply { Message = string.Join(",", messages), Count = messages.Count, Index = (int)bytes };
    }

    private static async Task DuplexAsync(IAsyncStreamReader<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        int index = 0;
        while (await requests.MoveNext(context.CancellationToken))
        {
            ThrowIfAsked(requests.Current);
            if (requests.Current.DelayMs > 0)
            {
                // Waits on a timer, not on the network, as a paced or I/O-bound handler does.
                await responses.FlushAsync(context.CancellationToken);
                await Task.Delay(requests.Current.DelayMs, context.CancellationToken);
            }

            if (requests.Current.Count >= 0)
            {
                await responses.WriteAsync(new EchoReply { Message = requests.Current.Message, Index = index++ });
            }
        }

        // Lets tests see whether a burst of replies was sent in a few flushes or one each.
        context.ResponseTrailers.Add("x-response-flushes", context.ResponseFlushes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async ValueTask<EchoReply> WaitForCancellationAsync(EchoRequest request, ServerCallContext context)
    {
        probe.MarkStarted();
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.MarkEnded("cancelled");
            throw;
        }

        return new EchoReply();
    }

    private async ValueTask<EchoReply> IgnoreCancellationAsync(EchoRequest request, ServerCallContext context)
    {
        probe.MarkStarted();
        await Task.Delay(request.DelayMs, CancellationToken.None);
        probe.MarkEnded("ignored");
        return new EchoReply { Message = request.Message };
    }

    private static async Task ApplyAsync(EchoRequest request, ServerCallContext context)
    {
        if (request.DelayMs > 0)
        {
            await Task.Delay(request.DelayMs, context.CancellationToken);
        }

        ThrowIfAsked(request);
    }

    // x-fail-times: N fails the first N calls with this message as RESOURCE_EXHAUSTED, sending
    // x-pushback (if any) as the retry pushback; the probe counts the attempts.
    private void FailFirstAttemptsIfAsked(EchoRequest request, ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue("x-fail-times") is not { } times)
        {
            return;
        }

        int attempt = probe.CountAttempt(request.Message);
        if (attempt <= int.Parse(times, System.Globalization.CultureInfo.InvariantCulture))
        {
            var trailers = new Metadata();
            if (context.RequestHeaders.GetValue("x-pushback") is { } pushback)
            {
                trailers.Add("grpc-retry-pushback-ms", pushback);
            }

            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"attempt {attempt} refused"), trailers);
        }
    }

    private static void ThrowIfAsked(EchoRequest request)
    {
        if (request.ThrowException)
        {
            throw new InvalidOperationException("secret handler detail");
        }

        // Only real codes: fuzzed requests may carry any number here.
        if (request.FailCode is > 0 and <= 16)
        {
            throw new RpcException(new Status((StatusCode)request.FailCode, request.FailMessage));
        }
    }
}
