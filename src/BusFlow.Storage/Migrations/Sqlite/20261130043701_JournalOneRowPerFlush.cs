using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusFlow.Storage.Migrations.Sqlite
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
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    first_sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    line_count = table.Column<int>(type: "INTEGER", nullable: false),
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
SELECT instance_id, sequence, 1, json_array(json_object(
    'sequence', sequence,
    'at', replace(at, ' ', 'T') || 'Z',
    'kind', kind,
    'activityId', activity_id,
    'actor', actor,
    'data', json(data_json)))
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    activity_id = table.Column<string>(type: "TEXT", nullable: true),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    data_json = table.Column<string>(type: "text", nullable: true),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false)
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
SELECT b.instance_id, json_extract(line.value, '$.sequence'), replace(replace(json_extract(line.value, '$.at'), 'T', ' '), 'Z', ''),
    json_extract(line.value, '$.kind'), json_extract(line.value, '$.activityId'), json_extract(line.value, '$.actor'),
    CASE WHEN json_type(line.value, '$.data') = 'null' THEN NULL ELSE json_extract(line.value, '$.data') END
FROM journal_batches AS b, json_each(b.lines) AS line;");

            migrationBuilder.DropTable(
                name: "journal_batches");
        }
    }
}
