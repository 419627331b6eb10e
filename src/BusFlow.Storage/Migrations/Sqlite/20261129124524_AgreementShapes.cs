using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusFlow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgreementShapes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "party_kind",
                table: "party_decisions",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Board");

            migrationBuilder.AddColumn<string>(
                name: "change_mode",
                table: "agreements",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "RenewedEachMandate");

            migrationBuilder.AddColumn<Guid>(
                name: "instance_id",
                table: "agreement_revisions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "party_kind",
                table: "party_decisions");

            migrationBuilder.DropColumn(
                name: "change_mode",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "instance_id",
                table: "agreement_revisions");
        }
    }
}
