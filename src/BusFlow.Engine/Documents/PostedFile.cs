namespace BusFlow.Engine.Documents;

/// <summary>
/// A file as a form posted it, not yet checked: the form field, the name the sender gave it, its
/// length, and its content (read only up to one byte past the limit, so a huge file is not kept).
/// </summary>
public sealed record PostedFile(string Field, string FileName, long Length, byte[] Content);
