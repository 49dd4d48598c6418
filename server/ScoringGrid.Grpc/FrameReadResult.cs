namespace ScoringGrid.Grpc;

/// <summary>What <see cref="GrpcFrameReader.TryReadFrame"/> found at the start of a buffer.</summary>
public enum FrameReadResult
{
    /// <summary>A whole frame was read and the buffer advanced past it.</summary>
    Complete = 0,
    /// <summary>The frame is not complete yet; read more data (or, at end of stream, it is truncated).</summary>
    Incomplete = 1,
    /// <summary>The declared length exceeds the maximum message size; nothing was consumed.</summary>
    TooLarge = 2,
    /// <summary>The flag byte is neither 0 nor 1; nothing was consumed.</summary>
    InvalidFlag = 3,
}
