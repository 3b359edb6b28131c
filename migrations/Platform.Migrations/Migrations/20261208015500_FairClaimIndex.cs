using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class FairClaimIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_runs_queued",
                table: "runs");

            migrationBuilder.DropIndex(
                name: "ix_runs_queued_owner",
                table: "runs");

            migrationBuilder.CreateIndex(
                name: "ix_runs_queued_owner",
                table: "runs",
                columns: new[] { "owner", "priority", "id" },
                descending: new[] { false, true, false },
                filter: "state = 'Queued'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_runs_queued_owner",
                table: "runs");

            migrationBuilder.CreateIndex(
                name: "ix_runs_queued_owner",
                table: "runs",
                column: "owner",
                filter: "state = 'Queued'");

            migrationBuilder.CreateIndex(
                name: "ix_runs_queued",
                table: "runs",
                columns: new[] { "priority", "id" },
                descending: new[] { true, false },
                filter: "state = 'Queued'");
        }
    }
}
