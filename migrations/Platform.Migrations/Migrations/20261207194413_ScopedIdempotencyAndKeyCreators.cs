using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ScopedIdempotencyAndKeyCreators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_runs_idempotency_key",
                table: "runs");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "idempotency_expires_at",
                table: "runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_fingerprint",
                table: "runs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            // Keys sent before this version name their run for 24 h from its creation, as new ones do.
            migrationBuilder.Sql("UPDATE runs SET idempotency_expires_at = created_at + interval '24 hours' WHERE idempotency_key IS NOT NULL");

            migrationBuilder.AddColumn<Guid>(
                name: "created_by_user_id",
                table: "api_keys",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_runs_owner_idempotency_key",
                table: "runs",
                columns: new[] { "owner", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_created_by_user_id",
                table: "api_keys",
                column: "created_by_user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_runs_owner_idempotency_key",
                table: "runs");

            migrationBuilder.DropIndex(
                name: "ix_api_keys_created_by_user_id",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "idempotency_expires_at",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "idempotency_fingerprint",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "created_by_user_id",
                table: "api_keys");

            migrationBuilder.CreateIndex(
                name: "ix_runs_idempotency_key",
                table: "runs",
                column: "idempotency_key",
                unique: true);
        }
    }
}
