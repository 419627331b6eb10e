using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Accounts.Setup;
using BusFlow.Accounts.Tokens;
using BusFlow.Storage.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage.Accounts;

/// <summary>Identity's tables under BusFlow's names, and the tokens, setup links and audit log beside them.</summary>
internal static class AccountMapping
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BusFlowUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Language).HasMaxLength(8);
        });
        modelBuilder.Entity<IdentityRole>().ToTable("roles");
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");

        modelBuilder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.Property(t => t.Scopes).HasConversion(StringListConversion.Converter, StringListConversion.Comparer).HasMaxLength(100);
            token.HasOne<BusFlowUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SetupLink>(link =>
        {
            link.ToTable("setup_links");
            link.HasKey(l => l.Id);
            link.Property(l => l.Hash).HasMaxLength(64);
            link.HasIndex(l => l.Hash).IsUnique();
        });

        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("audit_log");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Id).ValueGeneratedOnAdd();
            audit.Property(a => a.Actor).HasMaxLength(256);
            audit.Property(a => a.Action).HasMaxLength(64);
            audit.Property(a => a.Target).HasMaxLength(256);
            audit.Property(a => a.Detail).HasMaxLength(1000);
            audit.Property(a => a.ClientAddress).HasMaxLength(64);
            audit.HasIndex(a => a.At);
        });
    }
}
