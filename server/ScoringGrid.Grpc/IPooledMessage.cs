namespace ScoringGrid.Grpc;

/// <summary>
/// A message that borrows pooled state until it is sent. The server transport calls
/// <see cref="Release"/> once it has written the message (or failed to), and reads it no more after
/// that; a handler hands each instance to one write only.
/// </summary>
public interface IPooledMessage
{
    /// <summary>Returns the borrowed state to its pool.</summary>
    void Release();
}
