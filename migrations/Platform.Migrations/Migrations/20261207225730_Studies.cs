using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Studies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "studies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    preset = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    base_parameters = table.Column<string>(type: "jsonb", nullable: true),
                    sweep = table.Column<string>(type: "jsonb", nullable: true),
                    points = table.Column<string>(type: "jsonb", nullable: false),
                    seeds = table.Column<int>(type: "integer", nullable: false),
                    study_seed = table.Column<long>(type: "bigint", nullable: false),
                    run_count = table.Column<int>(type: "integer", nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    idempotency_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_studies", x => x.id);
                    table.CheckConstraint("ck_studies_counts", "seeds >= 1 AND run_count >= 1");
                });

            migrationBuilder.CreateTable(
                name: "study_runs",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    study_id = table.Column<Guid>(type: "uuid", nullable: false),
                    point = table.Column<int>(type: "integer", nullable: false),
                    replicate = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_study_runs", x => x.run_id);
                    table.CheckConstraint("ck_study_runs_position", "point >= 0 AND replicate >= 0");
                    table.ForeignKey(
                        name: "fk_study_runs_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_study_runs_studies_study_id",
                        column: x => x.study_id,
                        principalTable: "studies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_runs_study_id",
                table: "runs",
                column: "study_id");

            migrationBuilder.CreateIndex(
                name: "ix_studies_created_at",
                table: "studies",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_studies_owner_idempotency_key",
                table: "studies",
                columns: new[] { "owner", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_study_runs_study_id_point_replicate",
                table: "study_runs",
                columns: new[] { "study_id", "point", "replicate" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_runs_studies_study_id",
                table: "runs",
                column: "study_id",
                principalTable: "studies",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_runs_studies_study_id",
                table: "runs");

            migrationBuilder.DropTable(
                name: "study_runs");

            migrationBuilder.DropTable(
                name: "studies");

            migrationBuilder.DropIndex(
                name: "ix_runs_study_id",
                table: "runs");
        }
    }
}
