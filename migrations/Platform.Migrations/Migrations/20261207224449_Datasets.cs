using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Datasets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "datasets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    licence = table.Column<string>(type: "character varying(32768)", maxLength: 32768, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    built_in = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_datasets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dataset_chunks",
                columns: table => new
                {
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    index = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dataset_chunks", x => new { x.dataset_id, x.index });
                    table.ForeignKey(
                        name: "fk_dataset_chunks_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_datasets",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parameter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_datasets", x => new { x.run_id, x.parameter });
                    table.ForeignKey(
                        name: "fk_run_datasets_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_run_datasets_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_datasets_format",
                table: "datasets",
                column: "format");

            migrationBuilder.CreateIndex(
                name: "ix_datasets_sha256",
                table: "datasets",
                column: "sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_run_datasets_dataset_id",
                table: "run_datasets",
                column: "dataset_id");

            // An upload writes its chunks before it knows its hash, and inserts the dataset row last in the same
            // transaction; the key is checked at commit (see DatasetChunkConfiguration).
            migrationBuilder.Sql("ALTER TABLE dataset_chunks ALTER CONSTRAINT fk_dataset_chunks_datasets_dataset_id DEFERRABLE INITIALLY DEFERRED;");
            // Chunks are already compressed or random more often than not; skip TOAST's compression attempt on each.
            migrationBuilder.Sql("ALTER TABLE dataset_chunks ALTER COLUMN data SET STORAGE EXTERNAL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dataset_chunks");

            migrationBuilder.DropTable(
                name: "run_datasets");

            migrationBuilder.DropTable(
                name: "datasets");
        }
    }
}
