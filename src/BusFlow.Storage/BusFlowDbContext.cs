using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Accounts.Setup;
using BusFlow.Accounts.Tokens;
using BusFlow.Bus.Model;
using BusFlow.Bus.Papers;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Preferences;
using BusFlow.Notifications.Templates;
using BusFlow.Storage.Accounts;
using BusFlow.Storage.Bus;
using BusFlow.Storage.Model;
using BusFlow.Storage.Notifications;
using BusFlow.Storage.Papers;
using BusFlow.Storage.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BusFlow.Storage;

/// <summary>
/// The workflow tables, the BUS records and the accounts (ASP.NET Core Identity's tables among them).
/// One concrete subclass per provider, each with its own migrations; the model itself is the same for both.
/// </summary>
public abstract class BusFlowDbContext : IdentityDbContext<BusFlowUser, IdentityRole, string>
{
    private protected BusFlowDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<PublishedDefinition> Definitions => Set<PublishedDefinition>();

    public DbSet<DefinitionDraft> DefinitionDrafts => Set<DefinitionDraft>();

    public DbSet<BusFlow.Engine.Documents.StoredDocument> Documents => Set<BusFlow.Engine.Documents.StoredDocument>();

    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();

    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();

    public DbSet<DurableTimer> Timers => Set<DurableTimer>();

    public DbSet<HumanTask> Tasks => Set<HumanTask>();

    /// <summary>The journal: an instance's lines, one row per flush that appended some (<see cref="JournalLines"/>).</summary>
    internal DbSet<JournalBatch> JournalBatches => Set<JournalBatch>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Board> Boards => Set<Board>();

    public DbSet<BoardMeeting> BoardMeetings => Set<BoardMeeting>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<CollaborationBody> CollaborationBodies => Set<CollaborationBody>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<AgreementParty> AgreementParties => Set<AgreementParty>();

    public DbSet<AgreementRevision> AgreementRevisions => Set<AgreementRevision>();

    public DbSet<PartyDecision> PartyDecisions => Set<PartyDecision>();

    public DbSet<PartySignature> PartySignatures => Set<PartySignature>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<LinkToken> LinkTokens => Set<LinkToken>();

    public DbSet<RecipientPreference> RecipientPreferences => Set<RecipientPreference>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<SetupLink> SetupLinks => Set<SetupLink>();

    public DbSet<TemplateVersion> TemplateVersions => Set<TemplateVersion>();

    public DbSet<PaperTemplate> PaperTemplates => Set<PaperTemplate>();

    /// <summary>Refuses changes to official records and advances row versions, then saves.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        using var detected = new ChangesDetected(ChangeTracker);
        SaveRules.Apply(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        using var detected = new ChangesDetected(ChangeTracker);
        SaveRules.Apply(ChangeTracker);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Saves what is pending, if anything is: one scan of the tracked rows for changes, where asking
    /// <c>ChangeTracker.HasChanges()</c> first and then saving scanned them five times (each of
    /// HasChanges, the save rules' two passes and the save itself looks over every tracked row).
    /// </summary>
    /// <returns>Whether anything was written.</returns>
    internal async Task<bool> SaveIfChangedAsync(CancellationToken ct)
    {
        ChangeTracker.DetectChanges();
        using var detected = new ChangesDetected(ChangeTracker);
        if (!ChangeTracker.HasChanges())
        {
            return false;
        }

        SaveRules.Apply(ChangeTracker);
        await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
        return true;
    }

    /// <summary>Whether rows of one type are added, changed or removed and not yet saved; looks at those rows only.</summary>
    internal bool HasPendingChanges<TEntity>()
        where TEntity : class
    {
        using var detected = new ChangesDetected(ChangeTracker);
        foreach (var entry in ChangeTracker.Entries<TEntity>())
        {
            entry.DetectChanges();
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What both providers share. A failed save always reaches the caller, as a conflict to retry
    /// or as the error itself, so EF's own error log of it would only repeat it (and cry wolf on
    /// every lost race).
    /// </summary>
    private protected static void ConfigureCommon(DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(warnings => warnings.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    /// <summary>Begins the transaction of one store session, with this provider's locking.</summary>
    internal abstract Task<IDbContextTransaction> BeginSessionTransactionAsync(CancellationToken cancellationToken);

    /// <summary>Whether a failed save lost a race to another transaction, so that retrying may succeed.</summary>
    internal abstract bool IsLostRace(DbUpdateException exception);

    /// <summary>
    /// The next pending timer due by <paramref name="dueBy"/> that no other transaction holds, held by this
    /// one until it ends (SQLite's write transaction holds everything already); null when there is none.
    /// </summary>
    internal virtual Task<Guid?> ClaimDueTimerIdAsync(Instant dueBy, CancellationToken ct) =>
        HotQueries.Of(this).NextDueTimerId(this, dueBy, ct);

    /// <summary>The same for the outbox: up to <paramref name="max"/> pending messages due by <paramref name="dueBy"/> that no other transaction holds.</summary>
    internal virtual async Task<IReadOnlyList<Guid>> ClaimDueMessageIdsAsync(Instant dueBy, int max, CancellationToken ct) =>
        await Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= dueBy)
            .OrderBy(m => m.NextAttemptAt)
            .ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(max)
            .ToListAsync(ct);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        configurationBuilder.Properties<LocalTime>().HaveConversion<LocalTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        AccountMapping.Apply(modelBuilder);
        modelBuilder.ApplyConfiguration(new DefinitionConfiguration());
        modelBuilder.ApplyConfiguration(new DraftConfiguration());
        modelBuilder.ApplyConfiguration(new InstanceConfiguration());
        modelBuilder.ApplyConfiguration(new BookmarkConfiguration());
        modelBuilder.ApplyConfiguration(new TimerConfiguration());
        modelBuilder.ApplyConfiguration(new TaskConfiguration());
        modelBuilder.ApplyConfiguration(new JournalBatchConfiguration());
        BusMapping.Apply(modelBuilder);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new LinkTokenConfiguration());
        modelBuilder.ApplyConfiguration(new RecipientPreferenceConfiguration());
        modelBuilder.ApplyConfiguration(new TemplateVersionConfiguration());
        modelBuilder.ApplyConfiguration(new PaperTemplateConfiguration());
        modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        modelBuilder.ApplyConfiguration(new Documents.DocumentConfiguration());
        SnakeCaseNaming.Apply(modelBuilder);
    }
}
