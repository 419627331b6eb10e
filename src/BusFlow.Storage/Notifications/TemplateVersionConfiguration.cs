using BusFlow.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Notifications;

/// <summary>
/// One row per saved version of a template's language. The unique (name, language, number) is what
/// refuses the second of two edits begun from the same version: both try the same number.
/// </summary>
internal sealed class TemplateVersionConfiguration : IEntityTypeConfiguration<TemplateVersion>
{
    public void Configure(EntityTypeBuilder<TemplateVersion> builder)
    {
        builder.ToTable("template_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Name).HasMaxLength(100);
        builder.Property(v => v.Language).HasMaxLength(16);
        builder.Property(v => v.Subject).HasColumnType("text");
        builder.Property(v => v.PlainText).HasColumnType("text");
        builder.Property(v => v.Html).HasColumnType("text");
        builder.Property(v => v.SavedBy).HasMaxLength(320);
        builder.Property(v => v.Note).HasMaxLength(TemplateEditor.MaxNoteLength);
        builder.Ignore(v => v.Text);
        builder.HasIndex(v => new { v.Name, v.Language, v.Number }).IsUnique();
    }
}
