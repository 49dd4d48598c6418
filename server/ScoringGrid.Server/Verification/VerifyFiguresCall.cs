using ScoringGrid.Collector;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Grpc;
using StackExchange.Redis;

namespace ScoringGrid.Server.Verification;

/// <summary><c>scoringgrid.v1.Scoring/VerifyFigures</c>: the interceptor has checked the <c>verify</c> scope.</summary>
internal sealed class VerifyFiguresCall(FigureObserver observer)
{
    private const double MaxWindowDays = 731;

    public async ValueTask<V1.VerifyFiguresResponse> HandleAsync(V1.VerifyFiguresRequest request, ServerCallContext context)
    {
        if (observer.Verifier is not { } verifier)
        {
            throw ScoringGrpcService.Fault(VerificationErrors.NotConfigured("VerifyFigures"));
        }

        var declared = Validate(request);
        TimeSpan? window = request.WindowDays > 0 ? TimeSpan.FromDays(request.WindowDays) : null;
        IReadOnlyList<FigureVerification> results;
        try
        {
            results = await verifier.VerifyAsync(request.PlatformId, declared, window).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw ScoringGrpcService.Fault(VerificationErrors.RedisDown(ex));
        }

        var response = new V1.VerifyFiguresResponse { PlatformId = request.PlatformId };
        foreach (var r in results)
        {
            response.Figures.Add(VerificationMapping.ToMessage(r));
        }

        return response;
    }

    private static Dictionary<string, double> Validate(V1.VerifyFiguresRequest request)
    {
        ScoringError? error = null;
        if (request.PlatformId.Length == 0)
        {
            error = new ScoringError(ScoringErrorCodes.InvalidArgument, "platform_id", "platform_id is required");
        }
        else if (!FigureObserver.IsValidPlatformId(request.PlatformId))
        {
            error = VerificationErrors.BadPlatformId(request.PlatformId);
        }
        else if (request.Declared.Count == 0)
        {
            error = VerificationErrors.NothingDeclared();
        }
        else if (!double.IsFinite(request.WindowDays) || request.WindowDays < 0 || request.WindowDays > MaxWindowDays)
        {
            error = VerificationErrors.BadWindow(request.WindowDays);
        }

        var declared = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (figure, value) in request.Declared)
        {
            if (error is null && (!double.IsFinite(value) || value < 0))
            {
                error = VerificationErrors.BadFigure(figure);
            }

            declared[figure] = value;
        }

        return error is null ? declared : throw ScoringGrpcService.Fault(error);
    }
}
