using BusFlow.Notifications.Links;
using BusFlow.Notifications.Preferences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Notifications;

/// <summary>Link tokens: found by their hash, or by task and recipient when a reminder re-uses a live link.</summary>
internal sealed class LinkTokenConfiguration : IEntityTypeConfiguration<LinkToken>
{
    public void Configure(EntityTypeBuilder<LinkToken> builder)
    {
        builder.ToTable("link_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Recipient).HasMaxLength(320);
        builder.Property(t => t.Subject).HasMaxLength(400);
        builder.Property(t => t.ConsumedFromIp).HasMaxLength(64);
        builder.Property(t => t.ConsumedUserAgent).HasMaxLength(512);
        builder.Property(t => t.Version).IsConcurrencyToken();

        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => new { t.TaskId, t.Recipient });
        builder.HasIndex(t => new { t.Purpose, t.Subject });
    }
}

/// <summary>One row per person who changed a preference; everyone else has the defaults.</summary>
internal sealed class RecipientPreferenceConfiguration : IEntityTypeConfiguration<RecipientPreference>
{
    public void Configure(EntityTypeBuilder<RecipientPreference> builder)
    {
        builder.ToTable("recipient_preferences");
        builder.HasKey(p => p.Address);
        builder.Property(p => p.Address).HasMaxLength(320);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
