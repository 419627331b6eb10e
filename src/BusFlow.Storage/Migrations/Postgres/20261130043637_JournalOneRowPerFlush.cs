using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BusFlow.Storage.Migrations.Postgres
{
    /// <summary>
    /// The journal as one row per instance and flush (journal_batches), each holding its lines as a JSON array,
    /// instead of one row per line: the engine appended a dozen rows to every operation. The old rows move over
    /// as batches of one line; going down unpacks every batch again.
    /// </summary>
    public partial class JournalOneRowPerFlush : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "journal_batches",
                columns: table => new
                {
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_sequence = table.Column<int>(type: "integer", nullable: false),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    lines = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_batches", x => new { x.instance_id, x.first_sequence });
                    table.ForeignKey(
                        name: "fk_journal_batches_workflow_instances_instance_id",
                        column: x => x.instance_id,
                        principalTable: "workflow_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Each line of the old journal becomes a batch of one, in the shape JournalLines reads.
            migrationBuilder.Sql(@"INSERT INTO journal_batches (instance_id, first_sequence, line_count, lines)
SELECT instance_id, sequence, 1, json_build_array(json_build_object(
    'sequence', sequence,
    'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD""T""HH24:MI:SS.US""Z""'),
    'kind', kind,
    'activityId', activity_id,
    'actor', actor,
    'data', data_json::json))::text
FROM journal;");

            migrationBuilder.DropTable(
                name: "journal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "journal",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    activity_id = table.Column<string>(type: "text", nullable: true),
                    actor = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    data_json = table.Column<string>(type: "text", nullable: true),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal", x => x.id);
                    table.ForeignKey(
                        name: "fk_journal_workflow_instances_instance_id",
                        column: x => x.instance_id,
                        principalTable: "workflow_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_journal_instance_id_sequence",
                table: "journal",
                columns: new[] { "instance_id", "sequence" },
                unique: true);

            migrationBuilder.Sql(@"INSERT INTO journal (instance_id, sequence, at, kind, activity_id, actor, data_json)
SELECT b.instance_id, (line->>'sequence')::integer, (line->>'at')::timestamptz, line->>'kind', line->>'activityId', line->>'actor',
    CASE WHEN json_typeof(line->'data') = 'null' THEN NULL ELSE (line->'data')::text END
FROM journal_batches AS b, json_array_elements(b.lines::json) AS line;");

            migrationBuilder.DropTable(
                name: "journal_batches");
        }
    }
}
