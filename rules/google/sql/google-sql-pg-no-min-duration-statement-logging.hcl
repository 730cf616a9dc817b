rule "google-sql-pg-no-min-duration-statement-logging" {
  title     = "PostgreSQL instance logs the text of statements by duration"
  severity  = "low"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.2.7"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_57", "AVD-GCP-0021", "google-sql-pg-no-min-statement-logging"]

  description = <<-EOT
    `log_min_duration_statement` writes the full text of every statement that runs longer than the
    threshold, bind values included. Those statements routinely contain personal data, tokens and
    passwords (`ALTER ROLE ... PASSWORD`), which then sit in Cloud Logging readable by everyone who
    can read logs. Database flags are the customer's configuration in Cloud SQL.

    The default is `-1` (disabled), so an instance without the flag passes.

    The rule applies to PostgreSQL instances (`database_version` starting with `POSTGRES`).
  EOT
  remediation = "Remove the `log_min_duration_statement` flag or set it to `-1`."
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
        equals = "log_min_duration_statement"
      }
      attribute "value" {
        not_equals = "-1"
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
            name  = "log_min_duration_statement"
            value = "99"  # expect: google-sql-pg-no-min-duration-statement-logging
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
            name  = "log_min_duration_statement"
            value = "-1"
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
