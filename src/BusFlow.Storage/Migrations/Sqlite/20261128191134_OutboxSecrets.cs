using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusFlow.Storage.Migrations.Sqlite
{
    /// <summary>
    /// The outbox keeps its content only sealed (sealed_content, with a key that is not in the
    /// database) and the ids of the link tokens a message carries (link_token_ids). Content written
    /// in clear before is removed, not sealed (the key is not at hand here): messages still pending
    /// are marked Failed with the reason. Data-protection keys written in clear are removed too;
    /// new ones, encrypted, are made at the next start (a form open during the upgrade is refused once).
    /// </summary>
    public partial class OutboxSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE outbox SET status = 'Failed', failure_reason = 'Not sent: written before BusFlow sealed its outbox; the upgrade removed its content.' WHERE status = 'Pending';");
            migrationBuilder.Sql("DELETE FROM data_protection_keys;");

            // SQLite drops these columns in place (none is indexed), where EF would rebuild the table outside the transaction.
            foreach (var column in new[] { "subject", "text_body", "html_body", "calendar_content", "unsubscribe_url" })
            {
                migrationBuilder.Sql($"ALTER TABLE outbox DROP COLUMN {column};");
            }

            migrationBuilder.AddColumn<string>(
                name: "sealed_content",
                table: "outbox",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "link_token_ids",
                table: "outbox",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE outbox DROP COLUMN sealed_content;");
            migrationBuilder.Sql("ALTER TABLE outbox DROP COLUMN link_token_ids;");

            migrationBuilder.AddColumn<string>(name: "subject", table: "outbox", type: "text", nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "text_body", table: "outbox", type: "text", nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "html_body", table: "outbox", type: "text", nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "calendar_content", table: "outbox", type: "text", nullable: true);
            migrationBuilder.AddColumn<string>(name: "unsubscribe_url", table: "outbox", type: "TEXT", maxLength: 2000, nullable: true);
        }
    }
}
