namespace BusFlow.Notifications.Links;

/// <summary>The agreement a report link names: its id and its title, as a mail that lists several shows it.</summary>
public sealed record ReportedAgreement(string Id, string Title);
