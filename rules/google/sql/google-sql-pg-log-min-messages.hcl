rule "google-sql-pg-log-min-messages" {
  title     = "PostgreSQL instance logs only errors or worse"
  severity  = "low"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["6.2.5"]
  }
  resources = ["google_sql_database_instance"]
  aliases   = ["CKV_GCP_55", "AVD-GCP-0018", "google-sql-pg-log-errors"]

  description = <<-EOT
    `log_min_messages` sets the least severe message the server writes to its log. At `ERROR` or
    above (`LOG`, `FATAL`, `PANIC` rank higher in this setting) warnings disappear, and with them the
    early signs of misuse and misconfiguration. Database flags are the customer's configuration in
    Cloud SQL.

    The default is `WARNING`, so an instance without the flag passes.

    The rule applies to PostgreSQL instances (`database_version` starting with `POSTGRES`).
  EOT
  remediation = "Remove the `log_min_messages` flag or set it to `WARNING`."
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
        equals = "log_min_messages"
      }
      attribute "value" {
        one_of = ["ERROR", "LOG", "FATAL", "PANIC"]
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
            name  = "log_min_messages"
            value = "PANIC"  # expect: google-sql-pg-log-min-messages
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
            name  = "log_min_messages"
            value = "WARNING"
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
