namespace BusFlow.Host.Hosting;

/// <summary>The host did not start; the reasons were logged. Nothing was published.</summary>
public sealed class HostStartupException(string message, Exception? inner = null) : Exception(message, inner);
