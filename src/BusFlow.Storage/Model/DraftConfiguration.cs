using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Model;

internal sealed class DraftConfiguration : IEntityTypeConfiguration<DefinitionDraft>
{
    public void Configure(EntityTypeBuilder<DefinitionDraft> builder)
    {
        builder.ToTable("definition_drafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.DefinitionId).HasMaxLength(100);
        builder.Property(d => d.Json).HasColumnType("text");
        builder.Property(d => d.CreatedBy).HasMaxLength(320);
        builder.Property(d => d.SavedBy).HasMaxLength(320);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.DefinitionId);
    }
}
