using System.Text.Json;
using ScoringGrid.Scoring.Internal.Json;

namespace ScoringGrid.Scoring;

/// <summary>
/// Reads the application document (rulebook §0). It is the proto3 JSON form of
/// <c>scoringgrid.v1.Application</c>: field names may be snake_case or lowerCamelCase, unknown
/// fields are errors, numbers may be written as strings ("NaN" and "Infinity" parse, then fail validation).
/// </summary>
public static class ApplicationJson
{
    /// <summary>Parses one application; on failure returns null and an error naming the field.</summary>
    public static Application? Parse(ReadOnlySpan<byte> utf8, out ScoringError? error)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            var application = ApplicationReader.Read(ref reader);
            if (reader.Read())
            {
                throw new ApplicationJsonException("", "unexpected content after the application object");
            }

            error = null;
            return application;
        }
        catch (ApplicationJsonException e)
        {
            error = new ScoringError(ScoringErrorCodes.InvalidArgument, e.Field, e.Message);
        }
        catch (JsonException e)
        {
            error = new ScoringError(ScoringErrorCodes.InvalidArgument, "", NotValidJson(e));
        }

        return null;
    }

    /// <summary>
    /// What a syntax error says wherever a document is read (here, the server's REST endpoints, <c>sg score --server</c>):
    /// where it is, counted from 1, and what is wrong, without the reader's own 0-based position.
    /// </summary>
    public static string NotValidJson(JsonException e)
    {
        var what = e.Message.Split(" LineNumber:", 2)[0].TrimEnd();
        return $"not valid JSON at line {e.LineNumber + 1 ?? 1}, byte {e.BytePositionInLine + 1 ?? 1}: {what}";
    }

    /// <summary>Parses one application from text.</summary>
    public static Application? Parse(string json, out ScoringError? error) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(json), out error);
}
