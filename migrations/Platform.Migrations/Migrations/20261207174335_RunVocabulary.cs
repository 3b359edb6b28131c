using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Migrations
{
    /// <summary>
    /// One vocabulary: what was a "job" is a run, everywhere. Renames tables, columns, keys, indexes and constraints in
    /// place, so every row is kept (nothing is copied or dropped) and the rename is one quick catalog change.
    /// </summary>
    public partial class RunVocabulary : Migration
    {
        private static readonly (string Table, string Old, string New)[] Tables =
        [
            ("jobs", "jobs", "runs"),
            ("job_attempts", "job_attempts", "run_attempts"),
            ("job_logs", "job_logs", "run_logs"),
        ];

        // (table after the rename, old column, new column)
        private static readonly (string Table, string Old, string New)[] Columns =
        [
            ("run_attempts", "job_id", "run_id"),
            ("run_logs", "job_id", "run_id"),
            ("artifacts", "job_id", "run_id"),
            ("checkpoints", "job_id", "run_id"),
        ];

        private static readonly (string Table, string Old, string New)[] Indexes =
        [
            ("runs", "ix_jobs_idempotency_key", "ix_runs_idempotency_key"),
            ("runs", "ix_jobs_kind_created_at", "ix_runs_kind_created_at"),
            ("runs", "ix_jobs_state_created_at", "ix_runs_state_created_at"),
            ("runs", "ix_jobs_queued", "ix_runs_queued"),
            ("runs", "ix_jobs_queued_owner", "ix_runs_queued_owner"),
            ("runs", "ix_jobs_running_lease", "ix_runs_running_lease"),
            ("run_attempts", "ix_job_attempts_job_id_id", "ix_run_attempts_run_id_id"),
            ("run_logs", "ix_job_logs_job_id_id", "ix_run_logs_run_id_id"),
            ("artifacts", "ix_artifacts_job_id_name", "ix_artifacts_run_id_name"),
        ];

        // Primary keys, foreign keys and check constraints (a primary key's index is renamed with it).
        private static readonly (string Table, string Old, string New)[] Constraints =
        [
            ("runs", "pk_jobs", "pk_runs"),
            ("runs", "ck_jobs_attempts", "ck_runs_attempts"),
            ("runs", "ck_jobs_terminal_has_finish", "ck_runs_terminal_has_finish"),
            ("run_attempts", "pk_job_attempts", "pk_run_attempts"),
            ("run_logs", "pk_job_logs", "pk_run_logs"),
            ("run_attempts", "fk_job_attempts_jobs_job_id", "fk_run_attempts_runs_run_id"),
            ("run_logs", "fk_job_logs_jobs_job_id", "fk_run_logs_runs_run_id"),
            ("artifacts", "fk_artifacts_jobs_job_id", "fk_artifacts_runs_run_id"),
            ("checkpoints", "fk_checkpoints_jobs_job_id", "fk_checkpoints_runs_run_id"),
        ];

        // The identity columns' sequences carry their table's name; renamed so the schema reads in one vocabulary.
        private static readonly (string Old, string New)[] Sequences =
        [
            ("job_attempts_id_seq", "run_attempts_id_seq"),
            ("job_logs_id_seq", "run_logs_id_seq"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (_, old, @new) in Tables)
            {
                migrationBuilder.RenameTable(name: old, newName: @new);
            }

            foreach (var (table, old, @new) in Columns)
            {
                migrationBuilder.RenameColumn(name: old, table: table, newName: @new);
            }

            foreach (var (table, old, @new) in Indexes)
            {
                migrationBuilder.RenameIndex(name: old, table: table, newName: @new);
            }

            foreach (var (table, old, @new) in Constraints)
            {
                migrationBuilder.Sql($"ALTER TABLE {table} RENAME CONSTRAINT {old} TO {@new};");
            }

            foreach (var (old, @new) in Sequences)
            {
                migrationBuilder.Sql($"ALTER SEQUENCE IF EXISTS {old} RENAME TO {@new};");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (old, @new) in Sequences)
            {
                migrationBuilder.Sql($"ALTER SEQUENCE IF EXISTS {@new} RENAME TO {old};");
            }

            foreach (var (table, old, @new) in Constraints)
            {
                migrationBuilder.Sql($"ALTER TABLE {table} RENAME CONSTRAINT {@new} TO {old};");
            }

            foreach (var (table, old, @new) in Indexes)
            {
                migrationBuilder.RenameIndex(name: @new, table: table, newName: old);
            }

            foreach (var (table, old, @new) in Columns)
            {
                migrationBuilder.RenameColumn(name: @new, table: table, newName: old);
            }

            foreach (var (_, old, @new) in Tables)
            {
                migrationBuilder.RenameTable(name: @new, newName: old);
            }
        }
    }
}
