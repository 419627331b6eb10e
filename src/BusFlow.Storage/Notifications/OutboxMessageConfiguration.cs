using BusFlow.Notifications.Outbox;
using BusFlow.Storage.Model;
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
        // The content is kept only sealed (links, codes and unsubscribe URLs must not be readable at rest).
        builder.Ignore(m => m.Subject);
        builder.Ignore(m => m.TextBody);
        builder.Ignore(m => m.HtmlBody);
        builder.Ignore(m => m.CalendarContent);
        builder.Ignore(m => m.UnsubscribeUrl);
        builder.Ignore(m => m.Attachments);
        builder.Ignore(m => m.Content);
        builder.Ignore(m => m.IsReadable);
        builder.Property(m => m.SealedContent).HasColumnType("text");
        builder.Property(m => m.LinkTokenIds).HasColumnType("text")
            .HasConversion(GuidListConversion.Converter, GuidListConversion.Comparer);
        builder.Property(m => m.Language).HasMaxLength(16);
        builder.Property(m => m.CalendarMethod).HasMaxLength(32);
        builder.Property(m => m.ServerReply).HasColumnType("text");
        builder.Property(m => m.FailureReason).HasColumnType("text");
        builder.Property(m => m.ActivityId).HasMaxLength(200);
        builder.Property(m => m.DedupeKey).HasMaxLength(400);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.DedupeKey).IsUnique();

        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // No foreign key to instances: a message outlives the instance that wrote it, and mail not
        // written by a workflow has none.
        builder.HasIndex(m => m.InstanceId);
    }
}
