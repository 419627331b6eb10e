namespace BusFlow.Web.Pages.Workflows;

/// <summary>Why a preview could not run: the draft has errors, or its input does not fit it.</summary>
public sealed class DraftPreviewException(string message, Exception? inner = null) : Exception(message, inner);
