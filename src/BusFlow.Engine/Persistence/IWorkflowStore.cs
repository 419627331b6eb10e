namespace BusFlow.Engine.Persistence;

/// <summary>Opens units of work. Each session is one database transaction.</summary>
public interface IWorkflowStore
{
    Task<IWorkflowSession> BeginAsync(CancellationToken cancellationToken = default);
}
