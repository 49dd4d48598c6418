using System.Buffers;
using ScoringGrid.Scoring;

namespace ScoringGrid.Cli.Commands;

/// <summary>Writes one compact JSON line per scored (or rejected) application.</summary>
internal sealed class ResultLineWriter(Stream output)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(8192);

    /// <summary>Scores one document; false when it was invalid.</summary>
    public bool Score(RuleSetCatalog catalog, ReadOnlySpan<byte> document)
    {
        var application = ApplicationJson.Parse(document, out var parseError);
        if (application is null)
        {
            Error(parseError!);
            return false;
        }

        var outcome = catalog.Score(application);
        if (!outcome.Succeeded)
        {
            Error(outcome.Error, application.Id);
            return false;
        }

        using (var json = ScoreResultJson.CreateWriter(_buffer))
        {
            ScoreResultJson.Write(json, outcome.Result);
        }

        EndLine();
        return true;
    }

    public void Error(ScoringError error, string applicationId = "")
    {
        using (var json = ScoreResultJson.CreateWriter(_buffer))
        {
            ScoreResultJson.WriteError(json, error, applicationId);
        }

        EndLine();
    }

    public void Flush() => output.Flush();

    private void EndLine()
    {
        _buffer.Write("\n"u8);
        output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
