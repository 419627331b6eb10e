namespace BusFlow.Engine.Design;

public enum DraftCreationProblem
{
    /// <summary>The id is not lower-case letters, digits and hyphens.</summary>
    InvalidId,

    /// <summary>A published definition already has the id: start a draft from one of its versions instead.</summary>
    IdTaken,

    NameMissing,

    /// <summary>The version to start from is not published.</summary>
    VersionNotFound,
}
