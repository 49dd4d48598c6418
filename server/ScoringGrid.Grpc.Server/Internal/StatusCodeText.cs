using System.Globalization;

namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>Cached decimal strings for grpc-status, so writing a status allocates nothing.</summary>
internal static class StatusCodeText
{
    private static readonly string[] Texts = CreateTexts();

    public static string Of(StatusCode code)
    {
        int value = (int)code;
        return (uint)value < (uint)Texts.Length ? Texts[value] : value.ToString(CultureInfo.InvariantCulture);
    }

    private static string[] CreateTexts()
    {
        var texts = new string[17];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return texts;
    }
}
