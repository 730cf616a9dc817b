rule "google-sql-pg-log-min-error-statement" {
  title     = "PostgreSQL instance does not log statements that cause errors"
  severity  = "low"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.2.6"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_109"]

  description = <<-EOT
    `log_min_error_statement` decides which failing statements are written to the log with their
    text. Set to `LOG`, `FATAL` or `PANIC`, ordinary errors are no longer logged with the statement
    that caused them, which hides SQL injection probing and failed privilege escalation attempts.
    Database flags are the customer's configuration in Cloud SQL.

    The default is `ERROR`, so an instance without the flag passes.

    The rule applies to PostgreSQL instances (`database_version` starting with `POSTGRES`).
  EOT
  remediation = "Remove the `log_min_error_statement` flag or set it to `ERROR`."
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
    none "settings.database_flags" {
      attribute "name" {
        equals = "log_min_error_statement"
      }
      attribute "value" {
        one_of = ["LOG", "FATAL", "PANIC"]
      }
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

          database_flags {
            name  = "log_min_error_statement"
            value = "PANIC"  # expect: google-sql-pg-log-min-error-statement
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
            name  = "log_min_error_statement"
            value = "ERROR"
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
