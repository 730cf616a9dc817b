rule "google-sql-pg-log-checkpoints" {
  title     = "PostgreSQL instance does not log checkpoints"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_51", "AVD-GCP-0025", "google-sql-pg-log-checkpoints"]

  description = <<-EOT
    Checkpoint log lines record when and why the server flushed its write-ahead log, and how long
    it took. They are what an operator reads to tell a crash, an I/O stall or a deliberate restart
    apart after an incident. Database flags are the customer's configuration in Cloud SQL.

    The flag must be set to `on` explicitly: its default changed between PostgreSQL major versions
    (off before 15), so an instance without the flag logs checkpoints or not depending on its
    version.

    The rule applies to PostgreSQL instances (`database_version` starting with `POSTGRES`).
  EOT
  remediation = "Add `database_flags { name = \"log_checkpoints\" value = \"on\" }` to the instance's `settings`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags",
    "https://cloud.google.com/sql/docs/postgres/flags",
  ]

  when {
    attribute "database_version" {
      matches = "^POSTGRES"
    }
  }

  assert {
    some "settings.database_flags" {
      attribute "name" {
        equals = "log_checkpoints"
      }
      attribute "value" {
        equals = "on"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-pg-log-checkpoints
        name             = "main"
        database_version = "POSTGRES_15"
        region           = "europe-west1"
        settings {
          tier = "db-custom-2-7680"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {
        name             = "main"
        database_version = "POSTGRES_15"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"

          database_flags {
            name  = "log_checkpoints"
            value = "off"  # expect: google-sql-pg-log-checkpoints
          }
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

          database_flags {
            name  = "log_checkpoints"
            value = "on"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {
        name             = "main"
        database_version = "MYSQL_8_0"
        region           = "europe-west1"
        settings {
          tier = "db-custom-2-7680"
        }
      }
    EOT
  }
}
