namespace BusFlow.Notifications.Messages;

/// <summary>A file a mail carries (e.g. a protocol extract): its name, MIME type and bytes.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
