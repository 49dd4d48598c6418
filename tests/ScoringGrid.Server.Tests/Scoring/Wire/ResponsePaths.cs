using System.Buffers;
using Google.Protobuf;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server.Tests.Scoring.Wire;

/// <summary>
/// One application answered by every path the server has: the message path (parse, map, Google.Protobuf:
/// the reference) and the request's bytes read and answered by the wire reader and writer as unary
/// Evaluate and EvaluateStream do.
/// </summary>
internal sealed class ResponsePaths(RuleSetCatalog catalog)
{
    private readonly ScoringOperations _operations = Operations(catalog);

    public RuleSetCatalog Catalog { get; } = catalog;

    public static ScoringOperations Operations(RuleSetCatalog catalog) => Operations(new Server.RuleSets.RuleSetProvider(catalog));

    /// <summary>The operations over <paramref name="provider"/>, for a test that swaps its catalog (a reload).</summary>
    public static ScoringOperations Operations(Server.RuleSets.RuleSetProvider provider) =>
        new(provider, ScoringOptions.Default, new Server.Observability.ServerMetrics(new Prometheus.MetricRegistry(), provider));

    /// <summary>What Google.Protobuf writes for the message the old path builds.</summary>
    public byte[] Message(V1.Application? application, V1.ResultView view) =>
        _operations.Evaluate(application, CallerIdentity.Anonymous, Catalog, out _, null, view).ToByteArray();

    /// <summary>EvaluateStream's path: written at once into the slot's buffer, scored into the thread's reused result.</summary>
    public byte[] Stream(V1.Application? application, V1.ResultView view)
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write<byte>([0xEE]); // the writer must append after what is there, not overwrite it
        Assert.Equal(WireEvaluation.Scored, _operations.EvaluateForWire(Request(application, view), CallerIdentity.Anonymous, Catalog, output));
        Assert.Equal(0xEE, output.WrittenSpan[0]);
        return output.WrittenSpan[1..].ToArray();
    }

    /// <summary>Unary Evaluate's path: the reply through its marshaller, both ways the transport may call it, then released.</summary>
    public byte[] Unary(V1.Application? application, V1.ResultView view)
    {
        Assert.Equal(WireEvaluation.Scored, _operations.EvaluateForWire(Request(application, view), CallerIdentity.Anonymous, Catalog, out var reply, out _));
        var marshaller = EvaluateReply.Marshaller;
        var buffered = new ArrayBufferWriter<byte>();
        marshaller.BufferSerializer!(reply!, buffered);

        var sized = new byte[marshaller.CalculateSize(reply!)];
        marshaller.Serializer(reply!, sized);
        Assert.Equal(buffered.WrittenSpan.ToArray(), sized);
        reply!.Release(); // as the transport does once the reply is written: its result goes back to the pool
        return sized;
    }

    private static byte[] Request(V1.Application? application, V1.ResultView view)
    {
        var request = new V1.EvaluateRequest { View = view };
        if (application is not null)
        {
            request.Application = application;
        }

        return request.ToByteArray();
    }

    /// <summary>Asserts that every path writes the reference bytes, and returns them.</summary>
    public byte[] AssertIdentical(V1.Application? application, V1.ResultView view)
    {
        var expected = Message(application, view);
        Assert.Equal(expected, Stream(application, view));
        Assert.Equal(expected, Unary(application, view));
        return expected;
    }
}
