namespace ScoringGrid.Server.Tests.Rest;

/// <summary>A portal's cache revalidating what it holds: a GET with the entity tag it was given in If-None-Match.</summary>
internal static class Revalidation
{
    public static async Task<HttpResponseMessage> GetIfNoneMatchAsync(this HttpClient http, string path, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        // Unvalidated: the tests also send lists, "*" and tags of the wrong strength.
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await http.SendAsync(request);
    }
}
