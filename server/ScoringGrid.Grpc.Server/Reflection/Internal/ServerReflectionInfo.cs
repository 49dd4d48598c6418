using Grpc.Reflection.V1;
using RequestCase = Grpc.Reflection.V1.ServerReflectionRequest.MessageRequestOneofCase;

namespace ScoringGrid.Grpc.Server.Reflection.Internal;

/// <summary>
/// The <c>ServerReflectionInfo</c> stream of <c>grpc.reflection.v1</c> and <c>v1alpha</c>: maps its
/// messages to and from <see cref="ReflectionIndex"/>. Both versions are served with the v1 message
/// types: v1 is v1alpha under a new package name, with the same messages and field numbers, so the
/// bytes on the wire are the same (the reflection tests ask both with each version's own types).
/// </summary>
internal static class ServerReflectionInfo
{
    public static GrpcServiceDefinition CreateDefinition(ReflectionIndex index, string serviceName, CancellationToken shutdown) =>
        GrpcServiceDefinition.CreateBuilder(serviceName)
            .AddDuplexStreaming<ServerReflectionRequest, ServerReflectionResponse>(
                "ServerReflectionInfo",
                async (requests, responses, context) =>
                {
                    // Waiting for the next question also stops at shutdown; answering one does not.
                    using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, shutdown);
                    try
                    {
                        while (await requests.MoveNext(waiting.Token).ConfigureAwait(false))
                        {
                            ServerReflectionRequest request = requests.Current;
                            await responses.WriteAsync(Answer(index, request), context.CancellationToken).ConfigureAwait(false);
                        }
                    }
                    catch (OperationCanceledException) when (shutdown.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
                    {
                        throw new RpcException(new Status(StatusCode.Unavailable, "The server is shutting down."));
                    }
                })
            .Build();

    private static ServerReflectionResponse Answer(ReflectionIndex index, ServerReflectionRequest request)
    {
        ReflectionAnswer answer = request.MessageRequestCase switch
        {
            RequestCase.ListServices => index.ListServices(),
            RequestCase.FileByFilename => index.FileByFilename(request.FileByFilename),
            RequestCase.FileContainingSymbol => index.FileContainingSymbol(request.FileContainingSymbol),
            RequestCase.FileContainingExtension => index.FileContainingExtension(
                request.FileContainingExtension.ContainingType, request.FileContainingExtension.ExtensionNumber),
            RequestCase.AllExtensionNumbersOfType => index.AllExtensionNumbers(request.AllExtensionNumbersOfType),
            _ => ReflectionAnswer.Error(StatusCode.InvalidArgument, "The request names no message_request."),
        };

        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        if (answer.Files is not null)
        {
            response.FileDescriptorResponse = new FileDescriptorResponse();
            response.FileDescriptorResponse.FileDescriptorProto.AddRange(answer.Files);
        }
        else if (answer.Services is not null)
        {
            response.ListServicesResponse = new ListServiceResponse();
            foreach (string name in answer.Services)
            {
                response.ListServicesResponse.Service.Add(new ServiceResponse { Name = name });
            }
        }
        else if (answer.ExtensionNumbers is not null)
        {
            response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = answer.ExtensionBaseType ?? string.Empty };
            response.AllExtensionNumbersResponse.ExtensionNumber.AddRange(answer.ExtensionNumbers);
        }
        else
        {
            response.ErrorResponse = new ErrorResponse { ErrorCode = (int)answer.ErrorCode, ErrorMessage = answer.ErrorMessage ?? string.Empty };
        }

        return response;
    }
}
