using BusFlow.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Notifications;

/// <summary>The outbox table: one row per email, found by delivery through (status, next_attempt_at).</summary>
internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasColumnType("text");
        builder.Property(m => m.TextBody).HasColumnType("text");
        builder.Property(m => m.HtmlBody).HasColumnType("text");
        builder.Property(m => m.Language).HasMaxLength(16);
        builder.Property(m => m.CalendarMethod).HasMaxLength(32);
        builder.Property(m => m.CalendarContent).HasColumnType("text");
        builder.Property(m => m.ServerReply).HasColumnType("text");
        builder.Property(m => m.FailureReason).HasColumnType("text");
        builder.Property(m => m.ActivityId).HasMaxLength(200);
        builder.Property(m => m.DedupeKey).HasMaxLength(400);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.DedupeKey).IsUnique();

        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // No foreign key to instances: a message outlives the instance that wrote it, and mail not
        // written by a workflow has none.
        builder.HasIndex(m => m.InstanceId);
    }
}
