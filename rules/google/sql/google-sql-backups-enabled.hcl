rule "google-sql-backups-enabled" {
  title     = "Cloud SQL instance has automated backups disabled"
  severity  = "medium"
  area      = "data-protection"
  compliance = {
    "cis-gcp-2.0" = ["6.7"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_14", "AVD-GCP-0024", "google-sql-enable-backup"]

  description = <<-EOT
    Without automated backups, an accidental `DROP`, a bad migration, a ransomware-style wipe by a
    stolen credential or a corrupted volume cannot be undone: point-in-time recovery also depends on
    backups being on. Google runs the backups, but switching them on and keeping them is the
    customer's configuration.

    `settings.backup_configuration.enabled` defaults to `false`, so it must be set. Read replicas
    (`master_instance_name` set) cannot have backups of their own and are not checked.
  EOT
  remediation = "Add `backup_configuration { enabled = true }` to the instance's `settings` (and `point_in_time_recovery_enabled = true` for PostgreSQL, or `binary_log_enabled = true` for MySQL)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#backup_configuration",
    "https://cloud.google.com/sql/docs/postgres/backup-recovery/backups",
  ]

  when {
    attribute "master_instance_name" {
      present = false
    }
  }

  assert {
    attribute "settings.backup_configuration.enabled" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {
        name             = "main"
        database_version = "POSTGRES_15"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          backup_configuration {
            enabled = false  # expect: google-sql-backups-enabled
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {
        name             = "main"
        database_version = "MYSQL_8_0"
        region           = "europe-west1"

        settings {  # expect: google-sql-backups-enabled
          tier = "db-custom-2-7680"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {
        name             = "main"
        database_version = "POSTGRES_15"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          backup_configuration {
            enabled                        = true
            point_in_time_recovery_enabled = true
          }
        }
      }

      resource "google_sql_database_instance" "replica" {
        name                 = "main-replica"
        database_version     = "POSTGRES_15"
        region               = "europe-west1"
        master_instance_name = google_sql_database_instance.main.name

        settings {
          tier = "db-custom-2-7680"
        }
      }
    EOT
  }
}
