using BusFlow.Accounts.Audit;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BusFlow.Storage.Model;

/// <summary>What every save of the workflow tables and the BUS records enforces, whoever calls SaveChanges.</summary>
internal static class SaveRules
{
    /// <summary>The property that serves as an optimistic row version on the entities that have one.</summary>
    public const string RowVersion = nameof(WorkflowInstance.Version);

    private static readonly HashSet<Type> OfficialRecords =
        [typeof(JournalBatch), typeof(PublishedDefinition), typeof(PartyDecision), typeof(PartySignature), typeof(AuditEntry), typeof(Engine.Documents.StoredDocument)];

    private static readonly HashSet<Type> Versioned = [typeof(WorkflowInstance), typeof(DurableTimer), typeof(HumanTask), typeof(Agreement), typeof(DefinitionDraft)];

    public static bool IsVersioned(Type entityType) => Versioned.Contains(entityType);

    /// <summary>Checks and stamps the rows about to be saved; the caller has detected their changes.</summary>
    public static void Apply(ChangeTracker changeTracker)
    {
        RefuseChangesToOfficialRecords(changeTracker);
        AdvanceRowVersions(changeTracker);
    }

    /// <summary>
    /// The journal is append-only, a published definition version is immutable, and a board's
    /// decision, a chair's signature or a stored document stays as it was recorded (a new decision is a new
    /// record, a new upload a new version).
    /// </summary>
    private static void RefuseChangesToOfficialRecords(ChangeTracker changeTracker)
    {
        foreach (var entry in changeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && OfficialRecords.Contains(entry.Metadata.ClrType))
            {
                var verb = entry.State == EntityState.Deleted ? "deleted" : "changed";
                throw new InvalidOperationException(
                    $"A {entry.Metadata.ClrType.Name} is an official record and cannot be {verb} once written ({Describe(entry)}).");
            }
        }
    }

    /// <summary>
    /// The concurrency check compares the original version; the new one tells later readers
    /// that the row has changed since they loaded it.
    /// </summary>
    private static void AdvanceRowVersions(ChangeTracker changeTracker)
    {
        foreach (var entry in changeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && IsVersioned(entry.Metadata.ClrType))
            {
                var version = entry.Property(RowVersion);
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    private static string Describe(EntityEntry entry) => entry.Entity switch
    {
        JournalBatch journal => $"instance {journal.InstanceId}, sequences {journal.FirstSequence} to {journal.FirstSequence + journal.LineCount - 1}",
        PublishedDefinition definition => $"{definition.DefinitionId} version {definition.Version}",
        PartyDecision decision => $"{decision.BoardId}'s decision {decision.Id} on '{decision.Subject}'",
        PartySignature signature => $"{signature.BoardId}'s signature {signature.Id} of {signature.AgreementId}",
        AuditEntry audit => $"audit line {audit.Id}",
        _ => entry.Metadata.DisplayName(),
    };
}
