using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusFlow.Storage.Migrations.Postgres
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

            migrationBuilder.DropColumn(name: "subject", table: "outbox");
            migrationBuilder.DropColumn(name: "text_body", table: "outbox");
            migrationBuilder.DropColumn(name: "html_body", table: "outbox");
            migrationBuilder.DropColumn(name: "calendar_content", table: "outbox");
            migrationBuilder.DropColumn(name: "unsubscribe_url", table: "outbox");

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
            migrationBuilder.DropColumn(name: "sealed_content", table: "outbox");
            migrationBuilder.DropColumn(name: "link_token_ids", table: "outbox");

            migrationBuilder.AddColumn<string>(name: "subject", table: "outbox", type: "text", nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "text_body", table: "outbox", type: "text", nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "html_body", table: "outbox", type: "text", nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "calendar_content", table: "outbox", type: "text", nullable: true);
            migrationBuilder.AddColumn<string>(name: "unsubscribe_url", table: "outbox", type: "character varying(2000)", maxLength: 2000, nullable: true);
        }
    }
}
