namespace ScoringGrid.Cli.Commands;

/// <summary>
/// The documents <c>sg score</c> scores, offline or on a server: each file's bytes, or each non-blank line
/// of stdin (<c>-</c>) in UTF-8, in order; a file that cannot be read comes as the reason instead.
/// </summary>
internal static class InputDocuments
{
    public static IEnumerable<(byte[] Document, string? Unreadable)> Read(IEnumerable<string> inputs, TextReader stdin)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                while (stdin.ReadLine() is { } line)
                {
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        yield return (System.Text.Encoding.UTF8.GetBytes(line), null);
                    }
                }

                continue;
            }

            byte[]? bytes = null;
            string? unreadable = null;
            try
            {
                bytes = File.ReadAllBytes(input);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable = $"cannot read {input}: {e.Message}";
            }

            yield return (bytes ?? [], unreadable);
        }
    }
}
