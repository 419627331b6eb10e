using BusFlow.Engine.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Documents;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> builder)
    {
        builder.ToTable("documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.CaseKey).HasMaxLength(200);
        builder.Property(d => d.Kind).HasMaxLength(100);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Checksum).HasMaxLength(64);
        builder.Property(d => d.UploadedBy).HasMaxLength(320);
        builder.Ignore(d => d.ChecksumShort);

        // Two uploads racing for the same version: the second one's transaction fails, nothing is overwritten.
        builder.HasIndex(d => new { d.CaseKey, d.Kind, d.Version }).IsUnique();
        builder.HasIndex(d => d.TaskId);
    }
}
