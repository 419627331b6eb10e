using BusFlow.Bus.Papers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Papers;

/// <summary>
/// One row per uploaded version of a paper's template. The unique (kind, number) refuses the second of
/// two uploads made at once: both try the same number.
/// </summary>
internal sealed class PaperTemplateConfiguration : IEntityTypeConfiguration<PaperTemplate>
{
    public void Configure(EntityTypeBuilder<PaperTemplate> builder)
    {
        builder.ToTable("paper_templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasMaxLength(32);
        builder.Property(t => t.FileName).HasMaxLength(200);
        builder.Property(t => t.SavedBy).HasMaxLength(320);
        builder.HasIndex(t => new { t.Kind, t.Number }).IsUnique();
    }
}
