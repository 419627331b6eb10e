using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusFlow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationsAndTaskLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "purpose",
                table: "timers",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Resume");

            migrationBuilder.AddColumn<string>(
                name: "reminder_kind",
                table: "timers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reminder_number",
                table: "timers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "task_id",
                table: "timers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answer_spec_json",
                table: "tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reminder_policy_json",
                table: "tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "role",
                table: "tasks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "meeting_date",
                table: "party_decisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "dedupe_key",
                table: "outbox",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "unsubscribe_url",
                table: "outbox",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "link_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    consumed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    consumed_from_ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    consumed_user_agent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    failed_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_link_tokens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "recipient_preferences",
                columns: table => new
                {
                    address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    weekly_digest = table.Column<bool>(type: "INTEGER", nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recipient_preferences", x => x.address);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_dedupe_key",
                table: "outbox",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_link_tokens_hash",
                table: "link_tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_link_tokens_purpose_subject",
                table: "link_tokens",
                columns: new[] { "purpose", "subject" });

            migrationBuilder.CreateIndex(
                name: "ix_link_tokens_task_id_recipient",
                table: "link_tokens",
                columns: new[] { "task_id", "recipient" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "link_tokens");

            migrationBuilder.DropTable(
                name: "recipient_preferences");

            migrationBuilder.DropIndex(
                name: "ix_outbox_dedupe_key",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "purpose",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "reminder_kind",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "reminder_number",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "task_id",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "answer_spec_json",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "reminder_policy_json",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "role",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "meeting_date",
                table: "party_decisions");

            migrationBuilder.DropColumn(
                name: "dedupe_key",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "unsubscribe_url",
                table: "outbox");
        }
    }
}
