namespace BusFlow.Bus.Boards;

/// <summary>A board's particulars as a person entered them, before they are checked.</summary>
public sealed record BoardDraft(string? OrganizationId, string? Code, string? Name, int? NoticeDays, bool NoticeInWorkingDays);
