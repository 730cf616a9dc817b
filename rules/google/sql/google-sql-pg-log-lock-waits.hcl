rule "google-sql-pg-log-lock-waits" {
  title     = "PostgreSQL instance does not log long lock waits"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_54", "AVD-GCP-0020", "google-sql-pg-log-lock-waits"]

  description = <<-EOT
    `log_lock_waits` logs every session that waits longer than the deadlock timeout for a lock.
    Lock contention is how a denial of service against the database, or a runaway job, first shows;
    without the log it can only be guessed at. Database flags are the customer's configuration in
    Cloud SQL.

    The flag defaults to `off`, so it must be set to `on`.

    The rule applies to PostgreSQL instances (`database_version` starting with `POSTGRES`).
  EOT
  remediation = "Add `database_flags { name = \"log_lock_waits\" value = \"on\" }` to the instance's `settings`."
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
        equals = "log_lock_waits"
      }
      attribute "value" {
        equals = "on"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-pg-log-lock-waits
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
            name  = "log_lock_waits"
            value = "off"  # expect: google-sql-pg-log-lock-waits
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
            name  = "log_lock_waits"
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
