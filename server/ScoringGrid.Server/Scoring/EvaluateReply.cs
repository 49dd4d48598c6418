using System.Buffers;
using Google.Protobuf;
using ScoringGrid.Grpc;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring.Wire;

namespace ScoringGrid.Server.Scoring;

/// <summary>
/// One <c>scoringgrid.v1.EvaluateResponse</c> as the gRPC handler returns it: the core's result (or
/// error) itself, serialized by <see cref="EvaluateResponseWriter"/> straight into the transport's
/// buffer. A reply made from a message (the verified path) is serialized by Google.Protobuf.
/// A scored reply borrows its result from the rule set's pool until the transport has written it.
/// </summary>
internal sealed class EvaluateReply : IPooledMessage
{
    private readonly string _applicationId;
    private readonly bool _withTexts;
    private readonly ScoringError? _error;
    private readonly V1.EvaluateResponse? _message;
    private ScoreResult? _result;
    private bool _released;

    private EvaluateReply(string applicationId, ScoreResult? result, bool withTexts, ScoringError? error, V1.EvaluateResponse? message)
    {
        _applicationId = applicationId;
        _result = result;
        _withTexts = withTexts;
        _error = error;
        _message = message;
    }

    /// <summary>Writes replies with the wire writer; parses (for clients and tests) into a message-backed reply.</summary>
    public static Marshaller<EvaluateReply> Marshaller { get; } = new(
        static reply => reply.CalculateSize(),
        static (reply, destination) => reply.WriteTo(destination),
        static payload => FromMessage(V1.EvaluateResponse.Parser.ParseFrom(payload)))
    {
        BufferSerializer = static (reply, output) => reply.WriteTo(output),
    };

    /// <summary>
    /// A scored application, in the FULL view or (<paramref name="withTexts"/> false) the SCORES view.
    /// <paramref name="result"/> was rented from its rule set (<see cref="CompiledRuleSet.RentResult"/>) and
    /// goes back to it on <see cref="Release"/>.
    /// </summary>
    public static EvaluateReply Scored(string applicationId, ScoreResult result, bool withTexts) => new(applicationId, result, withTexts, null, null);

    public static EvaluateReply Failed(string applicationId, ScoringError error) => new(applicationId, null, false, error, null);

    /// <summary>A reply already built as a message (the verified path).</summary>
    public static EvaluateReply FromMessage(V1.EvaluateResponse message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new EvaluateReply(message.ApplicationId, null, false, null, message);
    }

    /// <summary>Gives the scored result back to its rule set's pool; the reply cannot be written after this.</summary>
    public void Release()
    {
        _released = true;
        if (_result is { } result)
        {
            _result = null;
            result.RuleSet.ReturnResult(result);
        }
    }

    public int CalculateSize()
    {
        ObjectDisposedException.ThrowIf(_released, this);
        return _message?.CalculateSize()
            ?? (_result is { } result
                ? EvaluateResponseWriter.MeasureScored(_applicationId, result, _withTexts)
                : EvaluateResponseWriter.MeasureFailed(_applicationId, _error!));
    }

    /// <summary>Writes the response into exactly <see cref="CalculateSize"/> bytes.</summary>
    public void WriteTo(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        if (_message is not null)
        {
            _message.WriteTo(destination);
        }
        else if (_result is not null)
        {
            EvaluateResponseWriter.WriteScored(destination, _applicationId, _result, _withTexts);
        }
        else
        {
            EvaluateResponseWriter.WriteFailed(destination, _applicationId, _error!);
        }
    }

    public void WriteTo(IBufferWriter<byte> output)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        if (_message is not null)
        {
            _message.WriteTo(output);
        }
        else if (_result is not null)
        {
            EvaluateResponseWriter.WriteScored(output, _applicationId, _result, _withTexts);
        }
        else
        {
            EvaluateResponseWriter.WriteFailed(output, _applicationId, _error!);
        }
    }

    /// <summary>The reply as a message (tests, diagnostics): its own bytes parsed back.</summary>
    public V1.EvaluateResponse ToMessage()
    {
        var output = new ArrayBufferWriter<byte>();
        WriteTo(output);
        return V1.EvaluateResponse.Parser.ParseFrom(output.WrittenSpan);
    }
}
