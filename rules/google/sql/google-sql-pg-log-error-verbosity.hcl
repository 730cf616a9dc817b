rule "google-sql-pg-log-error-verbosity" {
  title     = "PostgreSQL instance logs errors tersely"
  severity  = "low"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.2.1"]
  }
  resources = ["google_sql_database_instance"]

  description = <<-EOT
    `log_error_verbosity` decides how much detail each logged message carries. At `terse` the
    server drops the DETAIL, HINT, QUERY and CONTEXT fields, which are what an investigation needs
    to tell which statement and which object an error came from. Database flags are the customer's
    configuration in Cloud SQL.

    The default is `default`, so an instance without the flag passes; only `terse` (in any case) is
    reported. The rule applies to PostgreSQL instances (`database_version` starting with `POSTGRES`).
  EOT
  remediation = "Remove the `log_error_verbosity` flag or set it to `default` (or `verbose`)."
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
        equals = "log_error_verbosity"
      }
      attribute "value" {
        matches = "^(?i)terse$"
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
            name  = "log_error_verbosity"
            value = "terse"  # expect: google-sql-pg-log-error-verbosity
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
            name  = "log_error_verbosity"
            value = "default"
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
        }
      }
    EOT
  }
}
