namespace ScoringGrid.Grpc;

/// <summary>The four call shapes of gRPC.</summary>
public enum MethodType
{
    /// <summary>One request, one response.</summary>
    Unary = 0,
    /// <summary>A request stream, one response.</summary>
    ClientStreaming = 1,
    /// <summary>One request, a response stream.</summary>
    ServerStreaming = 2,
    /// <summary>Independent request and response streams.</summary>
    DuplexStreaming = 3,
}
