using System.Buffers;
using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>
/// Writes <c>scoringgrid.v1.EvaluateResponse</c> bytes straight from a core result or error, with
/// no message objects in between. A first pass measures every nested message (their lengths come
/// before their contents), a second writes into a span of exactly that size. The bytes are those
/// Google.Protobuf writes for the message <see cref="ResultMapping"/> builds: ascending field
/// numbers, proto3 defaults left out, packed nothing (no repeated scalars here).
/// </summary>
internal static partial class EvaluateResponseWriter
{
    /// <summary>
    /// The size of a response carrying <paramref name="result"/>; <paramref name="withTexts"/> is false
    /// for the SCORES view (no explanations, no gaps).
    /// </summary>
    public static int MeasureScored(string applicationId, ScoreResult result, bool withTexts)
    {
        var layout = ResponseLayout.ForThisThread;
        try
        {
            return MeasureScored(applicationId, result, withTexts, RuleSetWireParts.For(result), layout);
        }
        finally
        {
            layout.Release();
        }
    }

    /// <summary>Writes a response carrying <paramref name="result"/>.</summary>
    public static void WriteScored(IBufferWriter<byte> output, string applicationId, ScoreResult result, bool withTexts) =>
        WriteScored(output, default, applicationId, result, withTexts);

    /// <summary>Writes a response carrying <paramref name="result"/> into exactly <see cref="MeasureScored(string, ScoreResult, bool)"/> bytes.</summary>
    public static void WriteScored(Span<byte> destination, string applicationId, ScoreResult result, bool withTexts) =>
        WriteScored(null, destination, applicationId, result, withTexts);

    // Measures once, then writes into the output's span of that size or, without an output, into destination.
    private static void WriteScored(IBufferWriter<byte>? output, Span<byte> destination, string applicationId, ScoreResult result, bool withTexts)
    {
        var layout = ResponseLayout.ForThisThread;
        try
        {
            var parts = RuleSetWireParts.For(result);
            var size = MeasureScored(applicationId, result, withTexts, parts, layout);
            var writer = new ProtoSpanWriter(output is null ? destination[..size] : output.GetSpan(size)[..size]);
            WriteScored(ref writer, applicationId, result, withTexts, parts, layout);
            output?.Advance(size);
        }
        finally
        {
            layout.Release();
        }
    }

    /// <summary>The size of a response carrying <paramref name="error"/>.</summary>
    public static int MeasureFailed(string applicationId, ScoringError error) =>
        WireSize.NonEmptyString(WireTags.ResponseApplicationId, applicationId) + WireSize.Delimited(WireTags.ResponseError, MeasureError(error));

    /// <summary>Writes a response carrying <paramref name="error"/>.</summary>
    public static void WriteFailed(IBufferWriter<byte> output, string applicationId, ScoringError error)
    {
        var size = MeasureFailed(applicationId, error);
        WriteFailed(output.GetSpan(size)[..size], applicationId, error);
        output.Advance(size);
    }

    /// <summary>Writes a response carrying <paramref name="error"/> into exactly <see cref="MeasureFailed"/> bytes.</summary>
    public static void WriteFailed(Span<byte> destination, string applicationId, ScoringError error)
    {
        var writer = new ProtoSpanWriter(destination);
        writer.WriteNonEmptyString(WireTags.ResponseApplicationId, applicationId);
        writer.WriteLengthPrefix(WireTags.ResponseError, MeasureError(error));
        writer.WriteNonEmptyString(WireTags.ErrorCode, error.Code);
        writer.WriteNonEmptyString(WireTags.ErrorField, error.Field);
        writer.WriteNonEmptyString(WireTags.ErrorMessage, error.Message);
    }

    private static int MeasureScored(string applicationId, ScoreResult result, bool withTexts, RuleSetWireParts parts, ResponseLayout layout)
    {
        layout.ResultSize = MeasureResult(result, withTexts, parts, layout);
        // A oneof member is written when set, even when it is empty.
        return WireSize.NonEmptyString(WireTags.ResponseApplicationId, applicationId) + WireSize.Delimited(WireTags.ResponseResult, layout.ResultSize);
    }

    private static void WriteScored(
        ref ProtoSpanWriter writer, string applicationId, ScoreResult result, bool withTexts, RuleSetWireParts parts, ResponseLayout layout)
    {
        writer.WriteNonEmptyString(WireTags.ResponseApplicationId, applicationId);
        writer.WriteLengthPrefix(WireTags.ResponseResult, layout.ResultSize);
        WriteResult(ref writer, result, withTexts, parts, layout);
    }

    private static int MeasureError(ScoringError error) =>
        WireSize.NonEmptyString(WireTags.ErrorCode, error.Code)
        + WireSize.NonEmptyString(WireTags.ErrorField, error.Field)
        + WireSize.NonEmptyString(WireTags.ErrorMessage, error.Message);
}
