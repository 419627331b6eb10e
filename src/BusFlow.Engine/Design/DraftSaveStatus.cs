namespace BusFlow.Engine.Design;

public enum DraftSaveStatus
{
    Saved,

    /// <summary>Someone saved the draft after the version the change was based on; nothing was saved.</summary>
    Conflict,

    NotFound,

    /// <summary>Publishing only: the draft has errors and nothing was published.</summary>
    Invalid,
}
