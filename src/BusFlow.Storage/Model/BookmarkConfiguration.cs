using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BusFlow.Storage.Model;

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<Bookmark>
{
    public void Configure(EntityTypeBuilder<Bookmark> builder)
    {
        builder.ToTable("bookmarks");
        builder.HasKey(b => b.Id);
        builder.HasIndex(b => b.InstanceId);

        builder.HasOne<WorkflowInstance>()
            .WithMany()
            .HasForeignKey(b => b.InstanceId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
